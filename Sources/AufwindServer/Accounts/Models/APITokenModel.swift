import Fluent
import Foundation

/// A personal API token for write access to `/api/v1`. Shown once; only its SHA-256 is stored.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    /// What the token may do: read members-only data, or also write.
    enum Scope: String, Codable, CaseIterable {
        case read = "lesen"
        case write = "schreiben"

        var label: String { self == .read ? "nur lesen" : "lesen und schreiben" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "scope") var scope: String

    init() {}

    init(userID: UUID, name: String, tokenHash: String, expiresAt: Date?, scope: Scope = .write) {
        self.scope = scope.rawValue
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    var scopeValue: Scope { Scope(rawValue: scope) ?? .read }

    func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
