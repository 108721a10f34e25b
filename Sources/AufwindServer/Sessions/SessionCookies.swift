import Foundation
import Vapor

/// The cookies of the HTML site: the signed-in session; for visitors without one, the CSRF
/// token of their forms; after registering, the address the confirmation went to (so "Fast
/// geschafft" can repeat it and the confirmation link signs in only in the browser that
/// registered). Behind HTTPS all carry the `__Host-` prefix (only this host, `Secure`,
/// `Path=/`), always `HttpOnly` and `SameSite=Lax`.
enum SiteCookie {
    case session, csrf, registration

    func name(secure: Bool) -> String {
        let base =
            switch self {
            case .session: "aufwind-session"
            case .csrf: "aufwind-csrf"
            case .registration: "aufwind-registriert"
            }
        return secure ? "__Host-" + base : base
    }

    func value(_ string: String, maxAge: TimeInterval, secure: Bool, now: Date) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: string, expires: now.addingTimeInterval(maxAge), maxAge: Int(maxAge), path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// Removes the cookie in the browser (same attributes, so the `__Host-` rules still hold).
    func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

private struct PendingCookiesKey: StorageKey { typealias Value = [String: HTTPCookies.Value] }

extension Request {
    var usesSecureCookies: Bool { application.aufwindConfig.secureCookies }

    func cookieName(_ cookie: SiteCookie) -> String { cookie.name(secure: usesSecureCookies) }

    /// Sets a cookie on the response of this request (applied by `SessionMiddleware`).
    func setCookie(_ cookie: SiteCookie, _ value: String, maxAge: TimeInterval) {
        var pending = storage[PendingCookiesKey.self] ?? [:]
        pending[cookieName(cookie)] = cookie.value(value, maxAge: maxAge, secure: usesSecureCookies, now: now)
        storage[PendingCookiesKey.self] = pending
    }

    func clearCookie(_ cookie: SiteCookie) {
        var pending = storage[PendingCookiesKey.self] ?? [:]
        pending[cookieName(cookie)] = cookie.expired(secure: usesSecureCookies)
        storage[PendingCookiesKey.self] = pending
    }

    var setsCookies: Bool { !(storage[PendingCookiesKey.self]?.isEmpty ?? true) }

    func applyPendingCookies(to response: Response) {
        for (name, value) in storage[PendingCookiesKey.self] ?? [:] { response.cookies[name] = value }
    }
}
