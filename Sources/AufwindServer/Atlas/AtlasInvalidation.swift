import Vapor

/// Drops the atlas's figures after every request that may have written (not GET or HEAD) and did not
/// fail: its transaction has committed and the match engine follows it by then, so the next page
/// reads the new state. One rule for every write — items saved by SQL, members confirmed, invitations
/// accepted, moderation decisions, API writes — rather than a list of places that could miss one.
/// Background jobs (expired accounts) and other instances show within `AtlasStore.maximumAge`.
/// A plain (event-loop) middleware: no hop to the task pool for every request, streams included.
struct AtlasInvalidation: Middleware {
    let atlas: AtlasStore

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let atlas = atlas
        let method = request.method
        return next.respond(to: request).map { response in
            if method != .GET, method != .HEAD, response.status.code < 400 { atlas.invalidate() }
            return response
        }
    }
}
