import AufwindCore
import Fluent
import Foundation

/// The account itself, its open confirmation links, the login throttle kept for its address and
/// queued "Passwort vergessen" requests. Goes last: the other owners still find the account.
struct AccountPersonalData: PersonalDataOwner {
    struct Account: Encodable, Sendable {
        var email: String
        var name: String
        var registriert: Date?
        var emailBestaetigt: Date?
        var plattformAdmin: Bool
        var emailInKooperationenZeigen: Bool
    }
    struct ConfirmationLink: Encodable, Sendable {
        var zweck: String
        var gueltigBis: Date
        var benutzt: Date?
        var neueEmail: String?
    }
    struct LoginAttempts: Encodable, Sendable {
        var seit: Date
        var fehlversuche: Int
    }
    struct AccountRequest: Encodable, Sendable {
        var art: String
        var zeitpunkt: Date
    }

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(
            UserModel.schema,
            ["id", "email", "display_name", "password_hash", "email_confirmed_at", "is_admin", "created_at", "shows_email_to_partners"],
            exportedIn: "konto")
            + PersonalColumn.deleted(OneTimeTokenModel.schema, ["user_id", "new_email"], exportedIn: "bestaetigungsLinks")
            + PersonalColumn.deleted(LoginThrottleModel.schema, ["subject"], exportedIn: "anmeldeversuche")
            + PersonalColumn.deleted(AccountRequestModel.schema, ["email"], exportedIn: "kontoAnfragen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let user = subject.user
        let links = try await OneTimeTokenModel.query(on: context.database).filter(\.$user.$id == subject.id).all()
        let attempts = try await throttle(subject, on: context.database).all()
        let requests = try await AccountRequestModel.query(on: context.database).filter(\.$email == subject.email).all()
        return [
            PersonalDataSection(
                "konto",
                Account(
                    email: user.email, name: user.displayName, registriert: user.createdAt, emailBestaetigt: user.emailConfirmedAt,
                    plattformAdmin: user.isAdmin, emailInKooperationenZeigen: user.showsEmailToPartners)),
            PersonalDataSection(
                "bestaetigungsLinks",
                links.map { ConfirmationLink(zweck: $0.purpose, gueltigBis: $0.expiresAt, benutzt: $0.usedAt, neueEmail: $0.newEmail) }),
            PersonalDataSection("anmeldeversuche", attempts.map { LoginAttempts(seit: $0.windowStart, fehlversuche: $0.attempts) }),
            PersonalDataSection("kontoAnfragen", requests.map { AccountRequest(art: $0.kind, zeitpunkt: $0.createdAt) }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await OneTimeTokenModel.query(on: db).filter(\.$user.$id == subject.id).delete()
        try await throttle(subject, on: db).delete()
        try await AccountRequestModel.query(on: db).filter(\.$email == subject.email).delete()
        try await subject.user.delete(on: db)
    }

    /// The throttle's rows for the address: the account's own and those of address and client.
    private func throttle(_ subject: DataSubject, on db: any Database) -> QueryBuilder<LoginThrottleModel> {
        LoginThrottleModel.query(on: db).group(.or) {
            $0.filter(\.$subject == LoginThrottle.accountSubject(subject.email))
                .filter(\.$subject, .contains(inverse: false, .suffix), "|" + subject.email)
        }
    }
}
