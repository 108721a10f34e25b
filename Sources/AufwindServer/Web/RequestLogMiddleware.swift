import AufwindCore
import Vapor

/// Logs every request like Vapor's route logger, but never a secret: the tokens of iCal links
/// and of confirmation or reset links are replaced (`LogRedaction`).
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.info("\(request.method) \(LogRedaction.redact(path: request.url.path, query: request.url.query))")
        return try await next.respond(to: request)
    }
}
