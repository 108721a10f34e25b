import Vapor

/// Before a write request answers, this instance applies the change log (when the feed runs), so
/// that the page the browser goes to next shows what was just written — also where the write went
/// past the models (statements, triggers). A redirect after a GET (an e-mail confirmation link)
/// counts as a write. Other requests pass straight through, on their event loop.
struct ChangeFeedMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let method = request.method
        let feed = request.application.changeFeed
        let logger = request.logger
        return next.respond(to: request).flatMap { response in
            let wrote = (method != .GET && method != .HEAD) || (300..<400).contains(Int(response.status.code))
            guard wrote else { return request.eventLoop.makeSucceededFuture(response) }
            return request.eventLoop.makeFutureWithTask {
                do {
                    try await feed.catchUp()
                } catch {
                    logger.warning("Änderungsprotokoll nach dem Schreiben nicht gelesen: \(error)")
                }
                return response
            }
        }
    }
}
