import AufwindCore
import Foundation

extension VerbundPage {
    /// What the viewer may do in the workspace, as the policy answers for them.
    struct Viewer {
        var isLead: Bool
        var isMember: Bool
        /// May withdraw invitations (the lead).
        var mayWithdraw = false
        /// Whether the viewer acts for this member (and so decides its invitation).
        var actsFor: (VerbundMembership) -> Bool
    }

    /// The workspace as a member sees it.
    init(
        verbund: VerbundModel, memberships: [VerbundMembership], overview: VerbundOverview, vorhaben: CooperationItemModel?, viewer: Viewer,
        directory: TownDirectory, programmes: [FundingProgramme], laender: [(key: String, name: String)], csrf: String, errors: [String],
        notice: String?, calendarLink: String?, mailed: [String: (at: Date, address: String?)] = [:], unreached: Set<String> = []
    ) {
        func entry(_ date: VerbundDate) -> DateEntry {
            DateEntry(
                id: date.id, kind: date.kindLabel, title: date.title, due: date.due,
                owner: memberships.first { $0.key == date.ownerKey }?.displayName(directory) ?? date.ownerKey, done: date.done)
        }
        self.init(
            id: verbund.id?.uuidString.lowercased() ?? "", name: verbund.name, status: VerbundStatus(rawValue: verbund.status) ?? .inBildung,
            leadName: directory.name(of: verbund.leadKey) ?? verbund.leadKey, item: Self.link(to: vorhaben),
            members: memberships.map { member in
                Member(
                    id: member.id, name: member.displayName(directory) + Self.kindSuffix(member), path: Self.path(of: member, directory),
                    role: member.role, status: member.status, expires: member.expiresAt,
                    canDecide: member.status == .invited && viewer.actsFor(member),
                    canWithdraw: viewer.mayWithdraw && member.status != .accepted, mailedAt: mailed[member.id]?.at,
                    mailedTo: mailed[member.id]?.address, reachesNobody: unreached.contains(member.id))
            },
            isLead: viewer.isLead, isMember: viewer.isMember, programmes: programmes.map { ($0.id, $0.displayName) },
            chosenProgramme: overview.programme.map { ($0.id, $0.displayName) }, result: overview.result,
            themeMismatch: overview.themeMismatch, hasFields: !overview.facts.handlungsfelder.isEmpty, fits: overview.fits,
            suggestions: overview.suggestions, dates: overview.dates.map(entry),
            ownerChoices: memberships.filter { $0.status == .accepted }.map { ($0.key, $0.displayName(directory)) }, calendarLink: calendarLink,
            csrf: csrf, errors: errors, notice: notice)
        self.laender = laender
        populations = overview.facts.members.filter { $0.type == .gemeinde || $0.type == .kreis }.sorted { $0.population > $1.population }
            .map { ($0.nameWithKind, $0.population) }
        description = verbund.descriptionText
        nextDate = overview.nextDate.map(entry)
    }

    /// What an invited town or provider sees: name, lead, Vorhaben, programme and its own invitations.
    init(
        invitation verbund: VerbundModel, own: [VerbundMembership], vorhaben: CooperationItemModel?, programme: FundingProgramme?,
        directory: TownDirectory, csrf: String, errors: [String]
    ) {
        self.init(
            id: verbund.id?.uuidString.lowercased() ?? "", name: verbund.name, status: VerbundStatus(rawValue: verbund.status) ?? .inBildung,
            leadName: directory.name(of: verbund.leadKey) ?? verbund.leadKey, item: Self.link(to: vorhaben),
            members: own.map { member in
                Member(
                    id: member.id, name: member.displayName(directory) + (member.type == .anbieter ? " (Anbieter)" : ""),
                    path: Self.path(of: member, directory), role: member.role, status: member.status, expires: member.expiresAt, canDecide: true)
            },
            isLead: false, isMember: false, programmes: [], chosenProgramme: programme.map { ($0.id, $0.displayName) }, result: nil, fits: [],
            suggestions: [], dates: [], ownerChoices: [], calendarLink: nil, csrf: csrf, errors: errors, invitationOnly: true)
        description = verbund.descriptionText
    }

    /// The item the Verbund grew from, named by its kind (a Verbund may grow from a Bedarf, too).
    private static func link(to vorhaben: CooperationItemModel?) -> (kind: String, title: String, path: String)? {
        vorhaben.map { ((ItemKind(rawValue: $0.kind) ?? .vorhaben).label, $0.title, "/eintraege/\($0.id?.uuidString.lowercased() ?? "")") }
    }

    private static func kindSuffix(_ member: VerbundMembership) -> String {
        switch member.type {
        case .anbieter: " (Anbieter)"
        case .zweckverband: " (Zweckverband)"
        case .gemeinde, .kreis: ""
        }
    }

    /// A town's or provider's page; a Zweckverband has none.
    private static func path(of member: VerbundMembership, _ directory: TownDirectory) -> String? {
        switch member.type {
        case .zweckverband: nil
        case .anbieter: "/organisationen/\(member.key)"
        case .gemeinde, .kreis: directory.path(of: member.key)
        }
    }
}
