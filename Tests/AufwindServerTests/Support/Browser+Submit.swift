import Testing
import Vapor

extension Browser {
    /// Opens `page` (the form, by default `path`), posts `fields` with its CSRF token and
    /// records an issue unless the answer is one of `expected`.
    @discardableResult
    func submit(
        _ path: String, _ fields: [String: String], from page: String? = nil, expect expected: [HTTPStatus] = [.seeOther, .ok],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        try await get(page ?? path)
        let response = try await post(path, fields)
        if !expected.contains(response.status) {
            Issue.record("POST \(path): \(response.status) \(response.body.prefix(800))", sourceLocation: sourceLocation)
        }
        return response
    }

    /// The same with repeated fields (`handlungsfelder[]`).
    @discardableResult
    func submit(
        _ path: String, pairs: [(String, String)], from page: String? = nil, expect expected: [HTTPStatus] = [.seeOther, .ok],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        try await get(page ?? path)
        let response = try await post(path, pairs: pairs)
        if !expected.contains(response.status) {
            Issue.record("POST \(path): \(response.status) \(response.body.prefix(800))", sourceLocation: sourceLocation)
        }
        return response
    }
}

extension Browser {
    /// Follows a redirect as a browser does: the page its `Location` names (Post/Redirect/Get).
    @discardableResult
    func follow(_ response: (status: HTTPStatus, body: String, headers: HTTPHeaders)) async throws -> (
        status: HTTPStatus, body: String, headers: HTTPHeaders
    ) {
        guard response.status == .seeOther, let location = response.headers.first(name: .location) else {
            throw FixtureFailure("no redirect to follow: \(response.status) \(response.body.prefix(800))")
        }
        return try await get(location)
    }
}

extension HTTPHeaders {
    /// Where a redirect leads, without its query: the `?erfolg=…` of Post/Redirect/Get says what
    /// happened, and tests build further paths from the page's own path.
    var redirectPath: String? { first(name: .location).map { String($0.prefix { $0 != "?" }) } }
}
