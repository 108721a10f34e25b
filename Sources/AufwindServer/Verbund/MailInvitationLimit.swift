import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Invitations by e-mail go to addresses nobody on Aufwind has confirmed, so they are limited:
/// a town that leads Verbünde sends at most `perDay` of them in 24 hours, across all the
/// Verbünde it leads (a new Verbund is no way around it). Counted from the invitations themselves
/// (`mailed_at`); no table of its own.
struct MailInvitationLimit {
    static let perDay = 20
    static let window: TimeInterval = 24 * 3600

    let database: any Database

    /// How many invitations the Verbünde led by `leadKey` mailed in the 24 hours before `now`.
    func sent(byLead leadKey: String, now: Date) async throws -> Int {
        struct Row: Decodable { var count: Int }
        let row = try await database.sql().raw(
            """
            SELECT COUNT(*) AS count FROM \(ident: VerbundMemberModel.schema) m \
            JOIN \(ident: VerbundModel.schema) v ON v.id = m.verbund_id \
            WHERE v.lead_key = \(bind: leadKey) AND m.mailed_at > \(bind: now.addingTimeInterval(-Self.window))
            """
        ).first(decoding: Row.self)
        return row?.count ?? 0
    }

    /// A German refusal once the lead town reached the limit, else nil.
    func refusal(forLead leadKey: String, leadName: String, now: Date) async throws -> ValidationMessage? {
        guard try await sent(byLead: leadKey, now: now) >= Self.perDay else { return nil }
        return ValidationMessage(
            "\(leadName) hat in den letzten 24 Stunden schon \(Self.perDay) Einladungen per E-Mail verschickt. Weitere sind morgen wieder möglich "
                + "(so lässt sich der Mailversand nicht missbrauchen). Kommunen, in denen schon jemand auf Aufwind ist, laden Sie ohne E-Mail-Adresse ein."
        )
    }
}
