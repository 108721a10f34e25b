import AufwindCore
import Fluent
import Foundation
import SQLKit

extension VerbundService {
    enum Withdrawal: Equatable {
        /// The invitation is gone (now, or already before: withdrawing twice is withdrawing once).
        case withdrawn
        /// The town or provider said yes (or leads the Verbund): that is no invitation any more.
        case isMember(String)
    }

    /// Withdraws an invitation (open, expired or declined): the invited town or provider is no
    /// longer in the Verbund, and the members of one whose invitation was still open are told.
    /// One conditional `DELETE … WHERE status <> 'angenommen'`: a decision at the same moment
    /// either comes first (and the invitation stays as decided) or finds nothing to decide.
    func withdraw(_ memberID: UUID, from verbund: VerbundModel, now: Date) async throws -> Withdrawal {
        let accepted = VerbundMemberModel.Status.accepted.rawValue
        return try await database.transaction { db in
            let sql = try db.sql()
            struct Row: Decodable {
                var key: String
                var type: String
                var name: String?
                var status: String
                var expiresAt: Date?
                enum CodingKeys: String, CodingKey {
                    case key = "member_key"
                    case type = "member_type"
                    case name = "member_name"
                    case status
                    case expiresAt = "expires_at"
                }
            }
            let rows = try await sql.delete(from: VerbundMemberModel.schema)
                .where("id", .equal, memberID).where("verbund_id", .equal, verbund.requireID()).where("status", .notEqual, accepted)
                .returning("member_key", "member_type", "member_name", "status", "expires_at").all(decoding: Row.self)
            guard let row = rows.first else {
                guard let member = try await VerbundMemberModel.find(memberID, on: db), member.verbundID == verbund.id else { return .withdrawn }
                return .isMember(member.memberName ?? directory.name(of: member.memberKey) ?? member.memberKey)
            }
            let wasOpen = row.status == VerbundMemberModel.Status.invited.rawValue && (row.expiresAt.map { $0 > now } ?? true)
            if wasOpen, row.type != MemberType.zweckverband.rawValue {
                let isProvider = row.type == MemberType.anbieter.rawValue
                let whose = isProvider ? "von \(row.name ?? "Ihrer Organisation")" : "Ihrer Kommune"
                let lead = directory.name(of: verbund.leadKey) ?? verbund.leadKey
                try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                    of: row.key, kind: isProvider ? .anbieter : .kommune, excluding: nil,
                    NotificationMessage(
                        category: .anfragen, subject: "Einladung zurückgezogen: \(verbund.name)",
                        text: "\(lead) hat die Einladung \(whose) in den Verbund „\(verbund.name)“ zurückgezogen.", link: "/anfragen",
                        action: "Anfragen ansehen"))
            }
            return .withdrawn
        }
    }
}
