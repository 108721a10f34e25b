import AufwindCore
import Foundation
import Vapor

/// The one rule for every text that reaches Aufwind, forms and API alike: no NUL or other
/// control character, no bidirectional override (`InputGuard`). Such a request is refused with
/// a German 400 before any handler or database sees it.
struct InputGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, let field = InputGuard.offendingField(urlEncoded: query) {
            throw Self.refusal(field)
        }
        if request.method != .GET, request.method != .HEAD, let type = request.headers.contentType {
            if type == .urlEncodedForm || type == .json || type.subType.hasSuffix("+json") {
                try await request.collectBody()
                if let body = request.body.data, body.readableBytes > 0 {
                    let field =
                        type == .urlEncodedForm
                        ? InputGuard.offendingField(urlEncoded: String(buffer: body))
                        : InputGuard.offendingField(json: Data(body.readableBytesView))
                    if let field { throw Self.refusal(field) }
                }
            }
        }
        return try await next.respond(to: request)
    }

    static func refusal(_ field: String) -> ProblemDetails {
        ProblemDetails(
            title: "Unzulässige Zeichen", status: 400,
            detail:
                "„\(field.prefix(60))“ enthält unzulässige Steuerzeichen (etwa ein Nullzeichen oder eine Umkehr der Schreibrichtung). Es wurde nichts gespeichert; bitte entfernen Sie diese Zeichen."
        )
    }
}
