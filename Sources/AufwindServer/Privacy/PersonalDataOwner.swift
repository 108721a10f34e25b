import AufwindCore
import Fluent
import Foundation

/// A feature that stores personal data: it declares the columns it owns, lists what it holds
/// about an account for the export (Art. 15 and 20 DSGVO) and forgets it when the account is
/// deleted. Registered once in `PersonalData.registered`; `PrivacyController` only calls them.
protocol PersonalDataOwner: Sendable {
    /// The columns of this feature that hold a person, with what the deletion does to each.
    var columns: [PersonalColumn] { get }

    /// This feature's sections of the export: every key in every export, empty when there is nothing.
    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection]

    /// Before the deletion's transaction, in transactions of its own: hands on what others wait
    /// for (an event place moves to the waitlist). Most features have nothing to do here.
    func release(_ subject: DataSubject, in context: PersonalDataContext) async throws

    /// Inside the deletion's transaction (`context.database`): deletes or anonymises what this
    /// feature holds about the account.
    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws
}

extension PersonalDataOwner {
    func release(_ subject: DataSubject, in context: PersonalDataContext) async throws {}
}

/// The account whose data is exported or forgotten.
struct DataSubject: Sendable {
    let user: UserModel
    let id: UUID

    init(_ user: UserModel) throws {
        self.user = user
        id = try user.requireID()
    }

    var email: String { user.email }
}

/// Where owners read and write, and what the deletion's notices need.
struct PersonalDataContext: Sendable {
    let database: any Database
    let baseURL: String
    let towns: TownDirectory

    func on(_ database: any Database) -> PersonalDataContext {
        PersonalDataContext(database: database, baseURL: baseURL, towns: towns)
    }
}

/// What an owner's columns become when the account goes: the name that replaces it.
enum FormerMember {
    static let name = "ehemaliges Mitglied"
}
