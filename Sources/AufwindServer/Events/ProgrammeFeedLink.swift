import Crypto
import Foundation

/// The signed address of a person's "Mein Programm" calendar in one event:
/// `/kalender/mein-programm/<user>.<event>.<signature>.ics`. Calendar apps cannot sign in, so the
/// address itself is the permission: an HMAC-SHA256 over user and event with the server's key
/// (`ServerSecret.programmeFeeds`, as the unsubscribe links), so no other user or event can be
/// put into it.
///
/// The same signature, with the feed's name in what is signed, gives the personal meeting plan
/// (`/kalender/meine-treffen/…`): a link to one feed never opens the other.
struct ProgrammeFeedLink: Sendable {
    enum Feed: String, Sendable {
        case programme = "mein-programm"
        case meetings = "meine-treffen"
    }

    let key: SymmetricKey
    var feed: Feed = .programme

    struct Target: Sendable, Equatable {
        var userID: UUID
        var eventID: UUID
    }

    func token(for userID: UUID, event eventID: UUID) -> String {
        let payload = "\(userID.uuidString.lowercased()).\(eventID.uuidString.lowercased())"
        return "\(payload).\(signature(of: payload))"
    }

    func path(for userID: UUID, event eventID: UUID) -> String {
        "/kalender/\(feed.rawValue)/\(token(for: userID, event: eventID)).ics"
    }

    /// User and event of a path segment (`….ics`), when its signature is ours; nil for anything else.
    func verify(_ segment: String) -> Target? {
        guard segment.hasSuffix(".ics") else { return nil }
        let parts = segment.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].utf8.count == 43, let userID = UUID(uuidString: String(parts[0])),
            let eventID = UUID(uuidString: String(parts[1])), let mac = Self.decode(String(parts[2])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(("\(feed.rawValue):\(parts[0]).\(parts[1])").utf8), using: key)
        else { return nil }
        return Target(userID: userID, eventID: eventID)
    }

    private func signature(of payload: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((feed.rawValue + ":" + payload).utf8), using: key)
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: String) -> Data? {
        Data(base64Encoded: text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=")
    }
}
