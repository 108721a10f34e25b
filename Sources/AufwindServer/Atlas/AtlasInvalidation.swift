import Vapor

/// Drops the atlas's figures after every request that may have written (not GET or HEAD) and did not
/// fail: its transaction has committed and the match engine follows it by then, so the next page
/// reads the new state. One rule for every write — items saved by SQL, members confirmed, invitations
/// accepted, moderation decisions, API writes — rather than a list of places that could miss one.
/// Background jobs (expired accounts) and other instances show within `AtlasStore.maximumAge`.
struct AtlasInvalidation: AsyncMiddleware {
    let atlas: AtlasStore

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.method != .GET, request.method != .HEAD, response.status.code < 400 { atlas.invalidate() }
        return response
    }
}
