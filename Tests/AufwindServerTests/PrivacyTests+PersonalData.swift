import AufwindCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AufwindServer

/// The owners of personal data against the real schema and a real trace in every feature.
extension PrivacyTests {
    @Test("every column of the schema that holds a person is declared by exactly one feature", arguments: TestDatabase.available)
    func schemaIsCovered(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let schema = try await DatabaseSchema.columns(of: app.db)
            #expect(schema.count > 100, "the walk reads the whole schema")
            #expect(schema.contains { $0.name.description == "item_revisions.edited_by" })
            let declared = PersonalData.registered.columns
            #expect(PersonalDataCoverage.uncovered(in: schema, declared: declared) == [], "a column holds a person but no feature owns it")
            #expect(PersonalDataCoverage.unknown(in: schema, declared: declared) == [], "a feature declares a column the schema does not have")
            #expect(PersonalDataCoverage.duplicates(in: declared) == [])
        }
    }

    @Test("a new table that references the accounts, without an owner, fails the schema walk", arguments: TestDatabase.available)
    func uncoveredTableIsFound(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await app.db.schema("notizen")
                .id()
                .field("verfasser", .uuid, .references(UserModel.schema, "id", onDelete: .cascade))
                .field("geprueft_by", .uuid)
                .field("text", .string, .required)
                .create()
            let schema = try await DatabaseSchema.columns(of: app.db)
            #expect(schema.first { $0.name.description == "notizen.verfasser" }?.references == UserModel.schema, "found by its foreign key")
            #expect(
                PersonalDataCoverage.uncovered(in: schema, declared: PersonalData.registered.columns).map(\.description) == [
                    "notizen.geprueft_by", "notizen.verfasser",
                ])
        }
    }

    @Test("every export has every owner's section, empty where there is nothing", arguments: TestDatabase.available)
    func sectionsOfAnEmptyAccount(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            let response = try await AccountFixture.signedIn(cara, app: app).get("/konto/daten.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            let sections = Set(PersonalData.registered.columns.compactMap(\.exportSection))
            #expect(sections.isSubset(of: Set(json.keys)), "missing: \(sections.subtracting(json.keys).sorted())")
            #expect(
                sections.isSuperset(of: [
                    "konto", "mitgliedschaften", "apiTokens", "emails", "protokoll", "nachrichten", "benachrichtigungen", "veranstaltungen",
                    "eintraege", "eintragsAenderungen", "anfragen", "anfrageEntscheidungen", "verbundEntscheidungen", "pitches",
                ]))
            #expect((json["eintragsAenderungen"] as? [Any])?.isEmpty == true)
            #expect(json["hinweis"] is String)
        }
    }

    @Test(
        "the export lists everything the deletion touches; afterwards no column holds the account, except those kept on purpose",
        arguments: TestDatabase.available)
    func exportCoversDeletion(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna.privat@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: PrivacyFixture.ahlen, role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await PrivacyFixture.footprint(of: anna, partner: ben, browser: browser, app: app)

            let schema = try await DatabaseSchema.columns(of: app.db)
            let columns = PersonalData.registered.columns.filter { $0.exportSection != nil }
            let holding = try await Self.columns(columns, holding: anna, schema: schema, on: app.db)
            for section in ["mitgliedschaftsEntscheidungen", "eintragsAenderungen", "anfragen", "anfrageEntscheidungen", "verbundEntscheidungen"] {
                #expect(holding.contains { $0.exportSection == section }, "the fixture leaves a trace for \(section)")
            }
            let response = try await browser.get("/konto/daten.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            for column in holding {
                let content = json[column.exportSection ?? ""]
                let listed = (content as? [Any]).map { !$0.isEmpty } ?? (content != nil)
                #expect(listed, "\(column) holds the account, but the export section \(column.exportSection ?? "") is empty")
            }
            #expect(response.body.contains("Radweg-Konzept") && response.body.contains("Radverbund Warendorf"))
            #expect(response.body.contains("Radweg-App") && response.body.contains("Radweg-Startup"))

            try await browser.get("/konto")
            #expect(try await browser.post("/konto/loeschen", ["passwort": "passwort-anna.privat@ahlen.de"]).status == .seeOther)
            let left = try await Self.columns(
                PersonalData.registered.columns.filter { $0.exportSection != nil }, holding: anna, schema: schema, on: app.db)
            #expect(left.map(\.description) == [], "still holding the deleted account")
            // what stays for the others, without the name
            let revision = try #require(try await ItemRevisionModel.query(on: app.db).first())
            #expect(revision.editedBy == nil && revision.editorName == "ehemaliges Mitglied")
            let meeting = try #require(try await MeetingModel.query(on: app.db).first())
            #expect(meeting.requesterName == "ehemaliges Mitglied" && meeting.statusValue == .zurueckgezogen)
            #expect(meeting.plannedStart == nil && meeting.tableNumber == nil, "the place is freed")
            #expect(try await OrganisationModel.query(on: app.db).first()?.foundedBy == nil)
        }
    }

    /// The declared columns in which a row names `user` (its id, e-mail address or display name).
    static func columns(_ columns: [PersonalColumn], holding user: UserModel, schema: [PersonalDataCoverage.SchemaColumn], on db: any Database)
        async throws -> [PersonalColumn]
    {
        let sql = db as! any SQLDatabase
        let id = try user.requireID()
        var holding: [PersonalColumn] = []
        for column in columns {
            let type = schema.first { $0.name == column.name }?.type.lowercased() ?? ""
            let condition: SQLQueryString
            if type.contains("uuid") {
                condition = "\(ident: column.column) = \(bind: id)"
            } else if type.contains("text") || type.contains("char") {
                condition = "\(ident: column.column) LIKE \(bind: "%" + user.displayName + "%")"
            } else {
                continue  // flags and timestamps name no one
            }
            struct Count: Decodable { var n: Int }
            let count = try await sql.raw("SELECT count(*) AS n FROM \(ident: column.table) WHERE \(condition)").first(decoding: Count.self)
            if let count, count.n > 0 { holding.append(column) }
        }
        return holding
    }
}
