import AufwindCore
import Fluent
import Foundation
import Logging
import SQLKit

/// Turns queued account requests into tokens and mails. Each request is taken by one
/// `DELETE … RETURNING` inside the transaction that writes its mail, so several instances never
/// handle one twice and a failure leaves it queued.
struct AccountRequestProcessor {
    let database: any Database
    let baseURL: String
    let clock: WallClock
    /// At most this many mails of one kind per account in 15 minutes (no mail bombing).
    static let maximumPerQuarterHour = 3

    @discardableResult
    func processDue(limit: Int = 50) async throws -> Int {
        try await database.transaction { db in
            let sql = try db.sql()
            struct Row: Decodable {
                var kind: String
                var email: String
            }
            let rows = try await sql.raw(
                """
                DELETE FROM account_requests WHERE id IN (SELECT id FROM account_requests ORDER BY created_at LIMIT \(bind: limit))
                RETURNING kind, email
                """
            ).all(decoding: Row.self)
            for row in rows {
                guard let kind = AccountRequestModel.Kind(rawValue: row.kind) else { continue }
                try await handle(kind, email: row.email, on: db)
            }
            return rows.count
        }
    }

    private func handle(_ kind: AccountRequestModel.Kind, email: String, on db: any Database) async throws {
        guard let user = try await UserModel.query(on: db).filter(\.$email == email).first() else { return }
        let purpose: OneTimeTokenModel.Purpose = kind == .resetPassword ? .resetPassword : .confirmEmail
        if kind == .resendConfirmation, user.emailConfirmedAt != nil { return }
        let recent = clock.now().addingTimeInterval(AccountTokens.lifetime - 15 * 60)
        guard
            try await OneTimeTokenModel.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$purpose == purpose.rawValue).filter(\.$expiresAt > recent).count() < Self.maximumPerQuarterHour
        else { return }
        let token = try await AccountTokens.issue(for: user, purpose: purpose, now: clock.now(), on: db)
        switch kind {
        case .resetPassword:
            try await Outbox.send(
                to: email, subject: "Passwort zurücksetzen",
                body: MailWording.letter(
                    to: user.displayName,
                    "mit diesem Link setzen Sie Ihr Passwort neu: \(baseURL)/passwort-neu?token=\(token)\n\nDer Link gilt 24 Stunden und einmal. Danach sind Sie auf allen Geräten abgemeldet. Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail."
                ),
                userID: user.id, on: db)
        case .resendConfirmation:
            try await Outbox.send(
                to: email, subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
                body: MailWording.letter(
                    to: user.displayName,
                    "hier ist ein neuer Link zur Bestätigung Ihrer Adresse: \(baseURL)/bestaetigen?token=\(token)\n\nDer Link gilt 24 Stunden. Unbestätigte Konten werden nach 7 Tagen gelöscht."
                ),
                userID: user.id, on: db)
        }
    }

    /// Runs until the application shuts down: every second, and at once when woken.
    func run(logger: Logger) async {
        while !Task.isCancelled {
            do { try await processDue() } catch { logger.warning("Konto-Anfragen: \(error)") }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
