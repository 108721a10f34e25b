import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// A Verbund of one of the person's towns or organisations as lists show it: status, chosen
/// programme with the verdict of its check, the next open date, and the own role.
struct VerbundRow {
    var name: String
    var path: String
    var status: String
    var role: String
    var programme: String?
    var verdict: EligibilityVerdict?
    var nextDate: String?
    var members: Int

    /// The Verbünde the towns or organisations belong to or lead (open invitations are tasks, not
    /// memberships); by name.
    static func load(for townKeys: [String], organisations: [UUID], request: Request) async throws -> [VerbundRow] {
        let keys = townKeys + organisations.map { $0.uuidString.lowercased() }
        guard !keys.isEmpty else { return [] }
        let db = request.db
        let accepted = VerbundMemberModel.Status.accepted.rawValue
        // Every member row of the Verbünde the keys belong to, in one read (the keys' own rows
        // among them).
        let members = try await db.sql().raw(
            """
            SELECT * FROM \(ident: VerbundMemberModel.schema) WHERE verbund_id IN \
            (SELECT verbund_id FROM \(ident: VerbundMemberModel.schema) WHERE member_key IN (\(binds: keys)) AND status = \(bind: accepted))
            """
        ).all(decodingFluent: VerbundMemberModel.self)
        let keySet = Set(keys)
        let own = members.filter { keySet.contains($0.memberKey) && $0.status == accepted }
        guard !own.isEmpty else { return [] }
        let ids = Array(Set(own.map(\.verbundID)))
        let verbuende = try await VerbundModel.query(on: db).filter(\.$id ~~ ids).all()
        let dates = try await VerbundDateModel.query(on: db).filter(\.$verbundID ~~ ids).all()
        let vorhabenIDs = verbuende.compactMap(\.itemID)
        let vorhaben = vorhabenIDs.isEmpty ? [] : try await CooperationItemModel.query(on: db).filter(\.$id ~~ vorhabenIDs).all()
        let today = request.todayISO
        // Grouped once: each Verbund then reads its own rows, not every row of every Verbund.
        let membersByVerbund = Dictionary(grouping: members, by: \.verbundID)
        let datesByVerbund = Dictionary(grouping: dates, by: \.verbundID)
        let ownByVerbund = Dictionary(grouping: own, by: \.verbundID)
        let fieldsByItem = Dictionary(vorhaben.compactMap { item in item.id.map { ($0, item.item?.handlungsfelder ?? []) } }) { first, _ in first }
        return verbuende.compactMap { verbund -> VerbundRow? in
            guard let id = verbund.id else { return nil }
            let summary = VerbundSummary(
                memberships: (membersByVerbund[id] ?? []).map(\.membership), leadKey: verbund.leadKey, programmeID: verbund.programmeID,
                handlungsfelder: verbund.itemID.flatMap { fieldsByItem[$0] } ?? [],
                dates: (datesByVerbund[id] ?? []).map(\.value), today: today, register: request.register, funding: request.funding)
            let ownRoles = (ownByVerbund[id] ?? []).map { VerbundRole(rawValue: $0.role) ?? .partner }
            return VerbundRow(
                name: verbund.name, path: verbund.path, status: (VerbundStatus(rawValue: verbund.status) ?? .inBildung).label,
                role: ownRoles.contains(.konsortialfuehrung) ? VerbundRole.konsortialfuehrung.label : (ownRoles.first ?? .partner).label,
                programme: summary.programme?.displayName, verdict: summary.verdict,
                nextDate: summary.nextDate.map { "\($0.kindLabel) „\($0.title)“ am \(GermanFormat.date(iso: $0.due))" },
                members: summary.acceptedCount)
        }
        .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }
}
