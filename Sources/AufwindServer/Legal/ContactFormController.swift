import AufwindCore
import Vapor

/// `/kontakt`: the form to the operator. Open to everybody (the site's CSRF check applies); a
/// message is stored and mailed, at most `ContactMessages.perAddress` per client address.
struct ContactFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kontakt", use: form)
        routes.post("kontakt", use: send)
    }

    struct ContactForm: Content {
        var name: String?
        var email: String?
        var betreff: String?
        var nachricht: String?
    }

    /// Signed in, name and address are filled in.
    @Sendable func form(request: Request) async throws -> Response {
        let user = request.currentUser
        return HTMLResponse.render(
            ContactFormPage(
                csrf: CSRF.token(for: request), details: request.application.aufwindConfig.operatorDetails, name: user?.displayName ?? "",
                email: user?.email ?? ""),
            request: request)
    }

    @Sendable func send(request: Request) async throws -> Response {
        let form = try request.content.decode(ContactForm.self)
        let details = request.application.aufwindConfig.operatorDetails
        var page = ContactFormPage(
            csrf: CSRF.token(for: request), details: details, name: form.name ?? "", email: form.email ?? "", subject: form.betreff ?? "",
            message: form.nachricht ?? "")
        let input: ContactMessageInput
        switch ContactMessageInput.validate(name: page.name, email: page.email, subject: page.subject, message: page.message) {
        case .failure(let errors):
            page.errors = errors
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        case .success(let valid): input = valid
        }
        let outcome = try await ContactMessages(database: request.db).send(
            input, from: request.clientAddress, userID: request.currentUser?.id, to: details, now: request.now)
        switch outcome {
        case .limitReached:
            page.formError =
                "Von Ihrem Anschluss kamen in der letzten Stunde schon \(ContactMessages.perAddress.limit) Nachrichten. "
                + "Bitte versuchen Sie es später noch einmal oder schreiben Sie uns direkt per E-Mail. Ihre Nachricht wurde nicht gesendet."
            return HTMLResponse.render(page, status: .tooManyRequests, request: request)
        case .sent:
            return request.redirect(to: "/kontakt", notice: .contactMessageSent)
        }
    }
}
