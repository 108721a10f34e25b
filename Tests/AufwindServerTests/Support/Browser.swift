@testable import AufwindServer
import Foundation
import Vapor
import VaporTesting

/// A minimal browser for tests: keeps the session cookie and fills in the CSRF token of forms.
final class Browser {
    let app: Application
    var cookie: String?
    var lastCSRF: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders)!
        try await app.testing().test(.GET, path, headers: headers()) { response in
            self.remember(response)
            result = (response.status, response.body.string, response.headers)
        }
        return result
    }

    /// Posts a form; `csrf: nil` sends the token of the last page seen.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var form = fields
        form[CSRF.fieldName] = csrf ?? lastCSRF ?? ""
        let body = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        var result: (HTTPStatus, String, HTTPHeaders)!
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { response in
            self.remember(response)
            result = (response.status, response.body.string, response.headers)
        }
        return result
    }

    /// Posts a form with repeated fields (`handlungsfelder[]`); the CSRF token of the last page is added.
    @discardableResult
    func post(_ path: String, pairs: [(String, String)]) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        let fields = pairs + [(CSRF.fieldName, lastCSRF ?? "")]
        let body = fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        var result: (HTTPStatus, String, HTTPHeaders)!
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { response in
            self.remember(response)
            result = (response.status, response.body.string, response.headers)
        }
        return result
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    private func remember(_ response: TestingHTTPResponse) {
        if let setCookie = response.headers.first(name: .setCookie), let pair = setCookie.split(separator: ";").first {
            cookie = String(pair)
        }
        let body = response.body.string
        if let range = body.range(of: "name=\"\(CSRF.fieldName)\" value=\"") {
            lastCSRF = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }
}
