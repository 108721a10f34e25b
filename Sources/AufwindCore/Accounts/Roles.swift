/// What a confirmed member of a town (or organisation) may do there.
public enum MemberRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// May act for the town in later features (publish, express interest).
    case mitglied
    /// May also confirm members, change roles and edit the town's public profile.
    case verwalter

    public var label: String { self == .mitglied ? "Mitglied" : "Verwalter:in" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .mitglied && rhs == .verwalter }
}

/// Who is acting, as far as authorisation is concerned. Built by the server from the
/// session and the confirmed memberships; holds no secrets.
public struct Actor: Sendable, Equatable {
    public var userID: String?
    public var isPlatformAdmin: Bool
    public var emailConfirmed: Bool
    /// AGS (8 digits) or Kreis key (5 digits) → role, confirmed memberships only.
    public var townRoles: [String: MemberRole]
    /// Keys of Kreise, Regierungsbezirke or Länder a Regionalbehörde user may look at.
    public var regionalKeys: Set<String>
    /// Anbieter/Veranstalter organisation id → role, confirmed memberships only.
    public var organisationRoles: [String: MemberRole]

    public init(
        userID: String?, isPlatformAdmin: Bool = false, emailConfirmed: Bool = false,
        townRoles: [String: MemberRole] = [:], regionalKeys: Set<String> = [], organisationRoles: [String: MemberRole] = [:]
    ) {
        self.organisationRoles = organisationRoles
        self.userID = userID
        self.isPlatformAdmin = isPlatformAdmin
        self.emailConfirmed = emailConfirmed
        self.townRoles = townRoles
        self.regionalKeys = regionalKeys
    }

    public static let anonymous = Actor(userID: nil)
    public var isAuthenticated: Bool { userID != nil }
}
