import Foundation
import Vapor
import VaporTesting

@testable import AufwindServer

/// A minimal browser for tests: keeps its cookies (session, CSRF) and fills in the CSRF token of forms.
final class Browser {
    let app: Application
    /// Cookies by name, as the server set them.
    var cookies: [String: String] = [:]
    var lastCSRF: String?

    /// The `Cookie` header this browser sends; setting it replaces all cookies.
    var cookie: String? {
        get { cookies.isEmpty ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        set {
            cookies = [:]
            for pair in (newValue ?? "").split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2 { cookies[String(parts[0])] = String(parts[1]) }
            }
        }
    }

    /// The session cookie's value, if signed in.
    var sessionCookie: String? { cookies["aufwind-session"] }

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

    /// Posts a form; `csrf: nil` sends the token of the last page seen; `accept` as a page's script would send it.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil, accept: String? = nil) async throws -> (
        status: HTTPStatus, body: String, headers: HTTPHeaders
    ) {
        var form = fields
        form[CSRF.fieldName] = csrf ?? lastCSRF ?? ""
        let body = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        if let accept { headers.replaceOrAdd(name: .accept, value: accept) }
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
        for setCookie in response.headers[.setCookie] {
            guard let pair = setCookie.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            if setCookie.contains("Max-Age=0") || parts[1].isEmpty {
                cookies[String(parts[0])] = nil
            } else {
                cookies[String(parts[0])] = String(parts[1])
            }
        }
        let body = response.body.string
        if let range = body.range(of: "name=\"\(CSRF.fieldName)\" value=\"") {
            lastCSRF = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }
}
