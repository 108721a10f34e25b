import AufwindCore
import Fluent
import Foundation

/// Every feature's personal data in one list: the export asks each owner for its sections, the
/// deletion asks each to forget, and the schema test checks that together they cover every
/// column that holds a person.
struct PersonalData: Sendable {
    let owners: [any PersonalDataOwner]

    /// In the order the deletion runs them; the account itself goes last.
    static let registered = PersonalData(owners: [
        EventPersonalData(),
        ProgrammeFavouritePersonalData(),
        AuditPersonalData(),
        MembershipPersonalData(),
        OrganisationPersonalData(),
        TownProfilePersonalData(),
        ItemPersonalData(),
        SolutionPersonalData(),
        NeedAnswerPersonalData(),
        PitchApplicationPersonalData(),
        ModerationPersonalData(),
        InterestRequestPersonalData(),
        MessagePersonalData(),
        NotificationPersonalData(),
        NotificationSettingsPersonalData(),
        VerbundPersonalData(),
        FundingPersonalData(),
        ContactMessagePersonalData(),
        ConsentPersonalData(),
        MailPersonalData(),
        APITokenPersonalData(),
        HomeVisitPersonalData(),
        WebSessionPersonalData(),
        AccountPersonalData(),
    ])

    static let notice =
        "Passwort und Tokens speichert Aufwind nur als Prüfsumme; sie sind hier nicht enthalten. Links mit Tokens in E-Mails sind unkenntlich gemacht."

    /// Every declared column, of all owners.
    var columns: [PersonalColumn] { owners.flatMap(\.columns) }

    /// Everything stored about the account, with a note on what is left out and why.
    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> PersonalDataExport {
        var sections: [PersonalDataSection] = []
        for owner in owners { sections += try await owner.export(subject, in: context) }
        return try PersonalDataExport(sections + [PersonalDataSection("hinweis", Self.notice)])
    }

    /// Deletes the account: first what others wait for is handed on, then every owner forgets
    /// in one transaction (all or nothing).
    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        for owner in owners { try await owner.release(subject, in: context) }
        try await context.database.transaction { db in
            let inTransaction = context.on(db)
            for owner in owners { try await owner.forget(subject, in: inTransaction) }
        }
    }
}
