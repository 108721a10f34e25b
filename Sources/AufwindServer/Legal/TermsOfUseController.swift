import AufwindCore
import Vapor

/// The Nutzungsbedingungen (`/nutzungsbedingungen`) and the page that asks a signed-in person to
/// agree to a new version (`/nutzungsbedingungen/zustimmen`).
struct TermsOfUseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("nutzungsbedingungen") { req in
            HTMLResponse.render(TermsOfUsePage(details: req.application.aufwindConfig.operatorDetails, terms: req.termsOfUse), request: req)
        }
        routes.get("nutzungsbedingungen", "zustimmen", use: consentForm)
        routes.post("nutzungsbedingungen", "zustimmen", use: accept)
    }

    struct ConsentForm: Content {
        /// The version the page showed.
        var fassung: String?
        var zurueck: String?
    }

    @Sendable func consentForm(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.manageOwnAccount)
        let returnPath: String? = request.query["zurueck"]
        guard request.termsOfUse.needsConsent(accepted: user.acceptedTermsVersion) else {
            return request.redirect(to: ReturnPath.target(returnPath), redirectType: .normal)
        }
        return HTMLResponse.render(consentPage(request, user: user, returnPath: returnPath), request: request)
    }

    /// Records the acceptance of the version the page showed and goes on to the page the person
    /// wanted. A version that changed in between is shown again instead.
    @Sendable func accept(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.manageOwnAccount)
        let form = try request.content.decode(ConsentForm.self)
        let terms = request.termsOfUse
        guard form.fassung.flatMap({ Int($0) }) == terms.currentVersion else {
            let page = consentPage(
                request, user: user, returnPath: form.zurueck,
                errors: ["Die Nutzungsbedingungen haben sich eben geändert. Bitte lesen Sie die neue Fassung und stimmen Sie ihr zu."])
            return HTMLResponse.render(page, status: .conflict, request: request)
        }
        try await Consents(database: request.db).acceptTerms(userID: user.requireID(), version: terms.currentVersion, now: request.now)
        return request.redirect(to: ReturnPath.target(form.zurueck), notice: .termsAccepted)
    }

    private func consentPage(_ request: Request, user: UserModel, returnPath: String?, errors: [String] = []) -> ConsentPage {
        ConsentPage(
            terms: request.termsOfUse, accepted: user.acceptedTermsVersion, returnPath: ReturnPath.sanitized(returnPath),
            csrf: CSRF.token(for: request), errors: errors)
    }
}
