import AufwindCore
import Fluent
import Foundation

/// The account's API tokens (their names and dates; the secrets are stored as hashes only).
struct APITokenPersonalData: PersonalDataOwner {
    struct Token: Encodable, Sendable {
        var name: String
        var erstellt: Date?
        var gueltigBis: Date?
        var widerrufen: Date?
        var zuletztBenutzt: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(APITokenModel.schema, ["user_id"], exportedIn: "apiTokens") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let tokens = try await APITokenModel.query(on: context.database).filter(\.$user.$id == subject.id).all()
        return [
            PersonalDataSection(
                "apiTokens",
                tokens.map {
                    Token(name: $0.name, erstellt: $0.createdAt, gueltigBis: $0.expiresAt, widerrufen: $0.revokedAt, zuletztBenutzt: $0.lastUsedAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await APITokenModel.query(on: context.database).filter(\.$user.$id == subject.id).delete()
    }
}
