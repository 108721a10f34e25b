import AufwindCore
import Fluent
import Foundation
import SQLKit

/// The daily gap alerts: a Verbund whose chosen programme's next deadline is at most 14 days away
/// and that is not eligible tells its members what is missing and the three towns that would
/// complete it (`VerbundGap`). Each (Verbund, programme, deadline) goes out once, however many
/// instances run: a row is inserted first (`ON CONFLICT DO NOTHING`), in the transaction that
/// notifies; only the instance whose insert wins sends.
struct VerbundGapAlerts {
    let database: any Database
    let baseURL: String
    let register: RegisterCatalog
    let funding: FundingCatalog
    let matching: MatchEngine

    /// Sends the alerts due `today` (ISO day); returns how many Verbünde were alerted.
    @discardableResult
    func sendDue(today: String) async throws -> Int {
        let forming = [VerbundStatus.inBildung.rawValue, VerbundStatus.antragInVorbereitung.rawValue]
        let verbuende = try await VerbundModel.query(on: database).filter(\.$programmeID != nil).filter(\.$status ~~ forming).all()
        var sent = 0
        for verbund in verbuende {
            guard let programmeID = verbund.programmeID, let programme = funding.programme(programmeID),
                let deadline = programme.availability(today: today, rules: funding.rules[programmeID]).nextDeadline,
                let days = ISODay.distance(from: today, to: deadline), (0...VerbundGap.horizonDays).contains(days)
            else { continue }  // cheap checks first: most Verbünde have no deadline close
            let id = try verbund.requireID()
            let members = try await VerbundMemberModel.query(on: database).filter(\.$verbundID == id).all()
            let vorhaben = try await verbund.itemID.asyncFlatMap { try await CooperationItemModel.find($0, on: database) }
            let overview = VerbundOverview(
                memberships: members.map(\.membership), leadKey: verbund.leadKey, programmeID: programmeID, vorhaben: vorhaben?.item,
                dates: [], today: today, register: register, funding: funding, matching: matching)
            guard let gap = VerbundGap.find(overview, rules: funding.rules[programmeID], today: today) else { continue }
            let claimed = try await database.transaction { db in
                let sql = try db.sql()
                let rows = try await sql.raw(
                    """
                    INSERT INTO \(ident: VerbundGapAlertModel.schema) (id, verbund_id, programme_id, deadline) \
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: programmeID), \(bind: gap.deadline)) \
                    ON CONFLICT (verbund_id, programme_id, deadline) DO NOTHING RETURNING id
                    """
                ).all()
                guard !rows.isEmpty else { return false }  // another instance (or an earlier run) sent it
                let notifier = Notifier(database: db, baseURL: baseURL)
                for member in members where member.statusValue == .accepted && !member.isZweckverband {
                    try await notifier.notifyMembers(
                        of: member.memberKey, kind: member.isProvider ? .anbieter : .kommune, excluding: nil,
                        NotificationMessage(
                            category: .fristen, subject: "Frist naht, es fehlt noch etwas: \(verbund.name)",
                            text: "Verbund „\(verbund.name)“: \(gap.summary) \(gap.shortDetails)", detail: gap.details, link: verbund.path,
                            action: "Verbund ansehen"))
                }
                return true
            }
            if claimed { sent += 1 }
        }
        return sent
    }
}
