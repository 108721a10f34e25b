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
