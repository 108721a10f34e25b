import AufwindCore
import Crypto
import Foundation

/// The signed link of a mail's one-click unsubscribe: `/abmelden/<user>.<categories>.<signature>`,
/// e.g. `/abmelden/6f…e1.nachrichten.Xk…`. The signature is an HMAC-SHA256 over the user and the
/// categories with the server's key (`ServerSecret`), so the link works without login and a changed
/// user or category makes it worthless.
struct UnsubscribeLink: Sendable {
    let key: SymmetricKey

    struct Target: Sendable, Equatable {
        var userID: UUID
        var categories: [NotificationCategory]
    }

    /// The categories in their fixed order, each once.
    static func normalised(_ categories: [NotificationCategory]) -> [NotificationCategory] {
        NotificationCategory.allCases.filter(categories.contains)
    }

    func token(for userID: UUID, categories: [NotificationCategory]) -> String {
        let payload = "\(userID.uuidString.lowercased()).\(Self.normalised(categories).map(\.rawValue).joined(separator: "_"))"
        return "\(payload).\(signature(of: payload))"
    }

    func url(baseURL: String, for userID: UUID, categories: [NotificationCategory]) -> String {
        "\(baseURL)/abmelden/\(token(for: userID, categories: categories))"
    }

    /// The user and categories of a token, when its signature is ours; nil for anything else.
    func verify(_ token: String) -> Target? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].utf8.count == 43, let userID = UUID(uuidString: String(parts[0])) else { return nil }
        let payload = "\(parts[0]).\(parts[1])"
        guard let mac = Self.decode(String(parts[2])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(("abmelden:" + payload).utf8), using: key)
        else { return nil }
        let categories = parts[1].split(separator: "_").map { NotificationCategory(rawValue: String($0)) }
        guard !categories.isEmpty, categories.allSatisfy({ $0 != nil }) else { return nil }
        return Target(userID: userID, categories: Self.normalised(categories.compactMap { $0 }))
    }

    private func signature(of payload: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("abmelden:" + payload).utf8), using: key)
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: String) -> Data? {
        Data(base64Encoded: text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=")
    }
}
