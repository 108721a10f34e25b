import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Invitations mailed to towns with nobody on Aufwind wait without expiry. When such a town's
/// first member is confirmed, they become normal invitations (30 days from now) and the town's
/// members are told — in the transaction of the confirmation. One conditional update takes them,
/// so two confirmations at once release each invitation once.
struct WaitingInvitations {
    let database: any Database
    let baseURL: String
    /// Names the inviting towns (without it: their keys).
    var directory: TownDirectory?

    func release(town: String, now: Date) async throws {
        let sql = try database.sql()
        let expiry = now.addingTimeInterval(Double(VerbundService.invitationDays) * 24 * 3600)
        struct Row: Decodable {
            var verbund_id: UUID
            var role: String
        }
        let released = try await sql.raw(
            """
            UPDATE \(ident: VerbundMemberModel.schema) SET expires_at = \(bind: expiry) \
            WHERE member_key = \(bind: town) AND status = \(bind: VerbundMemberModel.Status.invited.rawValue) \
            AND mailed_at IS NOT NULL AND expires_at IS NULL RETURNING verbund_id, role
            """
        ).all(decoding: Row.self)
        guard !released.isEmpty else { return }
        let verbuende = try await VerbundModel.query(on: database).filter(\.$id ~~ released.map(\.verbund_id)).all()
        let notifier = Notifier(database: database, baseURL: baseURL)
        for row in released {
            guard let verbund = verbuende.first(where: { $0.id == row.verbund_id }) else { continue }
            let lead = directory?.name(of: verbund.leadKey) ?? verbund.leadKey
            let role = VerbundRole(rawValue: row.role) ?? .partner
            try await notifier.notifyMembers(
                of: town, excluding: nil,
                NotificationMessage(
                    category: .anfragen, subject: "Einladung in den Verbund: \(verbund.name)",
                    text: "\(lead) hat Ihre Kommune in den Verbund „\(verbund.name)“ eingeladen (\(role.label)); "
                        + "die Einladung wartete, bis jemand Ihrer Kommune auf Aufwind ist.",
                    link: verbund.path, action: "Einladung beantworten"))
        }
    }
}
