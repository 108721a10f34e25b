import AufwindCore
import Fluent
import Foundation
import Testing

@testable import AufwindServer

@Suite("Models read through a plain SELECT are the models Fluent's query builder reads")
struct PlainSelectTests {
    @Test("an item with every field alike, a town's items sorted by creation, read as existing (a save updates)", arguments: TestDatabase.available)
    func sameModels(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, ahlen) = try await ItemFixture.member("team@ahlen.de", of: ["05570004"], app: app)
            let id = try await ItemFixture.create(
                ahlen,
                ItemFixture.form(
                    kind: .personalBedarf, title: "Gemeinsame Klimaschutzmanagerin – Ärger mit „Anführungszeichen“",
                    description: "Zeile 1\nZeile 2 & mehr", fields: [.klimaEnergie, .wohnen], town: "05570004",
                    extra: [
                        ("personal_rolle", "Klimaschutz"), ("personal_stunden", "20"), ("personal_dauer", "drei Jahre"),
                        ("personal_form", "gemeinsame-stelle"),
                    ]))
            let uuid = try #require(UUID(uuidString: id))
            let fluent = try #require(try await CooperationItemModel.find(uuid, on: app.db))
            let plain = try #require(try await app.db.models(CooperationItemModel.self, where: "id", equals: uuid).first)
            #expect(plain.input == fluent.input && plain.ownerKey == fluent.ownerKey && plain.version == fluent.version)
            #expect(plain.published == fluent.published && plain.isDemo == fluent.isDemo && plain.hidden == fluent.hidden)
            #expect(plain.createdAt == fluent.createdAt && plain.updatedAt == fluent.updatedAt && plain.$id.exists)
            #expect(try await app.db.models(CooperationItemModel.self, where: "id", equals: UUID()).isEmpty)

            let second = try await ItemFixture.create(ahlen, ItemFixture.form(title: "Schulbus gemeinsam", town: "05570004"))
            let sorted = try await app.db.models(CooperationItemModel.self, where: "owner_key", equals: "05570004", orderedBy: "created_at")
            let expected = try await CooperationItemModel.query(on: app.db).filter(\.$ownerKey == "05570004").sort(\.$createdAt).all()
            #expect(sorted.map(\.id) == expected.map(\.id) && sorted.map { $0.id?.uuidString.lowercased() } == [id, second])
            // Read as existing: a change is an UPDATE of that row.
            plain.contactPerson = "Frau Özdemir"
            try await plain.save(on: app.db)
            #expect(try await CooperationItemModel.query(on: app.db).count() == 2)
            #expect(try await CooperationItemModel.find(uuid, on: app.db)?.contactPerson == "Frau Özdemir")
        }
    }
}
