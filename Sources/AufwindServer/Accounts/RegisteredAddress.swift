import AufwindCore
import Foundation
import Vapor

/// The address a registration in this browser sent its confirmation to, kept in the cookie
/// `aufwind-registriert` as long as the link is valid: "Fast geschafft" repeats it (only what the
/// person just typed, whether or not it has an account), and the confirmation link signs in only
/// in the browser that registered that address, so that a link someone else opens (or makes
/// another browser open) confirms the address but signs nobody in.
enum RegisteredAddress {
    static let lifetime = AccountTokens.lifetime

    static func cookieValue(_ email: String) -> String {
        Data(email.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ value: String) -> String? {
        guard value.count <= 512 else { return nil }
        var base64 = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        return try? AccountValidation.email(text).get()
    }
}

extension Request {
    /// The address this browser registered last (within the link's lifetime), if any.
    var registeredAddress: String? {
        (cookies[cookieName(.registration)]?.string).flatMap(RegisteredAddress.decode)
    }

    func rememberRegisteredAddress(_ email: String) {
        setCookie(.registration, RegisteredAddress.cookieValue(email), maxAge: RegisteredAddress.lifetime)
    }
}
