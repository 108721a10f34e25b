import AufwindCore
import Fluent
import Foundation

/// Items the account created and versions it saved: they stay with their towns, without the name.
struct ItemPersonalData: PersonalDataOwner {
    struct Item: Encodable, Sendable {
        var titel: String
        var art: String
        var kommune: String
        var erstellt: Date?
    }
    struct Revision: Encodable, Sendable {
        var eintrag: String
        var version: Int
        var aenderungen: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(CooperationItemModel.schema, ["created_by"], exportedIn: "eintraege")
            + PersonalColumn.kept(
                CooperationItemModel.schema, ["contact_person"],
                because: "the item's contact as the town wrote it, part of the town's text and tied to no account")
            + PersonalColumn.anonymised(ItemRevisionModel.schema, ["edited_by", "editor_name"], exportedIn: "eintragsAenderungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let created = try await CooperationItemModel.query(on: db).filter(\.$createdBy == subject.id).sort(\.$createdAt).all()
        let revisions = try await ItemRevisionModel.query(on: db).filter(\.$editedBy == subject.id).sort(\.$createdAt).all()
        let titles = try await ItemTitles.of(revisions.map(\.itemID), on: db)
        return [
            PersonalDataSection(
                "eintraege", created.map { Item(titel: $0.title, art: $0.kind, kommune: $0.ownerKey, erstellt: $0.createdAt) }),
            PersonalDataSection(
                "eintragsAenderungen",
                revisions.map {
                    Revision(eintrag: titles[$0.itemID] ?? "", version: $0.version, aenderungen: $0.changes, zeitpunkt: $0.createdAt)
                }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await ItemRevisionModel.query(on: db).filter(\.$editedBy == subject.id)
            .set(\.$editedBy, to: nil).set(\.$editorName, to: FormerMember.name).update()
        try await CooperationItemModel.query(on: db).filter(\.$createdBy == subject.id).set(\.$createdBy, to: nil).update()
    }
}

/// The titles of items, by id, for lists that name them.
enum ItemTitles {
    static func of(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let items = try await CooperationItemModel.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(items.compactMap { item in item.id.map { ($0, item.title) } }, uniquingKeysWith: { first, _ in first })
    }
}
