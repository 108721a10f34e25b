import Foundation

/// A town, Kreis, Zweckverband or provider invited to (or in) a Verbund, as it is stored.
public struct VerbundMembership: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case invited = "eingeladen"
        case accepted = "angenommen"
        case declined = "abgelehnt"

        public var label: String {
            switch self {
            case .invited: "eingeladen"
            case .accepted: "dabei"
            case .declined: "abgelehnt"
            }
        }
    }

    /// The stored row's id (lower-case UUID).
    public var id: String
    /// AGS of a Gemeinde, key of a Kreis, id of a provider organisation, or `zv-…` for a Zweckverband.
    public var key: String
    public var type: MemberType
    /// The name of a provider or Zweckverband (towns are named from the register).
    public var name: String?
    /// The Land of a Zweckverband (towns and Kreise have theirs in the register).
    public var landCode: String?
    public var role: VerbundRole
    public var status: Status
    public var expiresAt: Date?

    public init(
        id: String, key: String, type: MemberType, name: String? = nil, landCode: String? = nil, role: VerbundRole, status: Status,
        expiresAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.type = type
        self.name = name
        self.landCode = landCode
        self.role = role
        self.status = status
        self.expiresAt = expiresAt
    }

    /// How the member stands for the policy: an open invitation past its expiry has expired.
    public func standing(at now: Date) -> VerbundStanding {
        switch status {
        case .accepted: .dabei
        case .declined: .abgelehnt
        case .invited: (expiresAt.map { $0 > now } ?? true) ? .eingeladen : .abgelaufen
        }
    }

    /// Its stored name, else the register's, else its key.
    public func displayName(_ directory: TownDirectory) -> String {
        name ?? directory.name(of: key) ?? key
    }

    /// The member as the eligibility check sees it. Providers take part without applying (no
    /// Land, no inhabitants); a Zweckverband applies in its Land; towns come from the register
    /// (nil when it no longer lists them).
    public func eligibilityMember(_ resolver: VerbundResolver) -> VerbundMember? {
        switch type {
        case .anbieter:
            VerbundMember(key: key, name: name ?? "Anbieter", type: .anbieter, landCode: "", population: 0, kreisKey: "")
        case .zweckverband:
            VerbundMember(key: key, name: name ?? "Zweckverband", type: .zweckverband, landCode: landCode ?? "", population: 0, kreisKey: "")
        case .gemeinde, .kreis:
            resolver.member(key: key)
        }
    }
}

extension VerbundParticipants {
    /// How the towns and providers of a Verbund stand in it at `now`; a Zweckverband has no
    /// accounts here and stands nowhere.
    public init(memberships: [VerbundMembership], leadKey: String?, now: Date) {
        var towns: [String: VerbundStanding] = [:]
        var organisations: [String: VerbundStanding] = [:]
        for membership in memberships {
            switch membership.type {
            case .zweckverband: continue
            case .anbieter: organisations[membership.key] = membership.standing(at: now)
            case .gemeinde, .kreis: towns[membership.key] = membership.standing(at: now)
            }
        }
        self.init(towns: towns, organisations: organisations, leadKey: leadKey)
    }
}

extension VerbundFacts {
    /// The Verbund as the eligibility check sees it: the members that said yes.
    public init(memberships: [VerbundMembership], leadKey: String, handlungsfelder: Set<Handlungsfeld> = [], resolver: VerbundResolver) {
        self.init(
            members: memberships.filter { $0.status == .accepted }.compactMap { $0.eligibilityMember(resolver) }, leadKey: leadKey,
            handlungsfelder: handlungsfelder)
    }
}
