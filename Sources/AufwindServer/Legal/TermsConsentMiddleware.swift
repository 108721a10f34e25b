import AufwindCore
import Vapor

/// Sends a signed-in person who has not agreed to the current Nutzungsbedingungen to the consent
/// page, with the way back to the page they asked for; only the pages of `ConsentGate` stay open
/// (signing out, the legal pages, the data export, deleting the account). Reads the accepted
/// version from the account already loaded: no query per request.
struct TermsConsentMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.mustAcceptTerms, !ConsentGate.isOpen(request.url.path) else { return try await next.respond(to: request) }
        return request.redirect(
            to: ReturnPath.link(ConsentGate.consentPath, returningTo: request.method == .GET ? request.url.string : nil), redirectType: .normal)
    }
}
