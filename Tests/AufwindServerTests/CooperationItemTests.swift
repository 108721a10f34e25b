import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Vorhaben, Bedarfe, Angebote: forms, permissions, locking, matching")
struct CooperationItemTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052", munster = "03358016", muenster = "05515000"

    @Test("a member creates and edits; a stale save is refused and changes nothing; others may not edit", arguments: TestDatabase.available)
    func createEditLock(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let id = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .vorhaben, title: "Digitale Schulverwaltung <script>alert(1)</script>", town: Self.ahlen, status: .partnerGesucht))
            let page = try await anna.get("/eintraege/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Digitale Schulverwaltung &lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>alert"))
            #expect(page.body.contains("Partner gesucht"))

            // two members open the form on version 1; the first save wins, the second is refused
            let (_, bert) = try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            try await anna.get("/eintraege/\(id)/bearbeiten")
            let first = try await anna.post(
                "/eintraege/\(id)/bearbeiten",
                pairs: ItemFixture.form(
                    kind: .vorhaben, title: "Digitale Schulverwaltung", town: Self.ahlen, status: .laufend) + [("version", "1")])
            #expect(first.status == .seeOther)
            try await bert.get("/eintraege/\(id)/bearbeiten")
            let stale = try await bert.post(
                "/eintraege/\(id)/bearbeiten",
                pairs: ItemFixture.form(
                    kind: .vorhaben, title: "Bert überschreibt", town: Self.ahlen, status: .idee) + [("version", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("inzwischen geändert (jetzt Version 2)") && stale.body.contains("Bert überschreibt"))
            let stored = try #require(try await CooperationItemModel.find(UUID(uuidString: id), on: app.db))
            #expect(stored.title == "Digitale Schulverwaltung" && stored.status == "laufend" && stored.version == 2)
            let history = try await anna.get("/eintraege/\(id)/verlauf")
            #expect(history.body.contains("angelegt") && history.body.contains("Titel, Stand"))

            // bad input: nothing is written
            let bad = try await anna.post(
                "/eintraege/\(id)/bearbeiten",
                pairs: ItemFixture.form(
                    kind: .vorhaben, title: "", fields: [], town: Self.ahlen, status: .laufend) + [
                        ("version", "2"), ("handlungsfelder[]", "raumfahrt"),
                    ])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Unbekanntes Handlungsfeld „raumfahrt“"))
            #expect(try await CooperationItemModel.find(UUID(uuidString: id), on: app.db)?.version == 2)

            // a member of another town may neither edit nor create for Ahlen; anonymous users are asked to sign in
            let (_, max) = try await ItemFixture.member("max@muenster.de", of: [Self.muenster], app: app)
            try await max.get("/eintraege/neu")
            #expect(try await max.get("/eintraege/\(id)/bearbeiten").status == .forbidden)
            #expect(
                try await max.post("/eintraege/\(id)/bearbeiten", pairs: ItemFixture.form(title: "Fremd", town: Self.ahlen) + [("version", "2")])
                    .status == .forbidden)
            #expect(try await max.post("/eintraege", pairs: ItemFixture.form(title: "Fremd angelegt", town: Self.ahlen)).status == .forbidden)
            #expect(try await max.post("/eintraege", pairs: ItemFixture.form(title: "Unbekannt", town: "99999999")).status == .badRequest)
            #expect(try await Browser(app).get("/eintraege/neu").status == .unauthorized)
            #expect(try await CooperationItemModel.query(on: app.db).count() == 1)
        }
    }

    @Test("before the first save similar items are shown; drafts and members-only items stay hidden", arguments: TestDatabase.available)
    func similarAndVisibility(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            _ = try await ItemFixture.create(
                anna, ItemFixture.form(kind: .angebot, title: "Bürgerbus im Ehrenamt", fields: [.mobilitaet], town: Self.ahlen))
            try await olga.get("/eintraege/neu")
            let check = try await olga.post(
                "/eintraege",
                pairs: ItemFixture.form(
                    title: "Bürgerbus gesucht", fields: [.mobilitaet], town: Self.oelde, checked: false))
            #expect(check.status == .ok && check.body.contains("Gibt es das schon?") && check.body.contains("Bürgerbus im Ehrenamt"))
            #expect(try await CooperationItemModel.query(on: app.db).count() == 1)
            #expect(
                try await olga.post(
                    "/eintraege",
                    pairs: ItemFixture.form(
                        title: "Bürgerbus gesucht", fields: [.mobilitaet], town: Self.oelde, checked: true)
                ).status == .seeOther)

            let draft = try await ItemFixture.create(anna, ItemFixture.form(title: "Geheimer Entwurf", town: Self.ahlen, published: false))
            let membersOnly = try await ItemFixture.create(
                anna, ItemFixture.form(title: "Interne Kita-Planung", town: Self.ahlen, visibility: .kommunen))
            let visitor = Browser(app)
            #expect(try await visitor.get("/eintraege/\(draft)").status == .notFound)
            #expect(try await olga.get("/eintraege/\(draft)").status == .notFound)
            #expect(try await anna.get("/eintraege/\(draft)").status == .ok)
            #expect(try await visitor.get("/eintraege/\(membersOnly)").status == .unauthorized)
            #expect(try await olga.get("/eintraege/\(membersOnly)").status == .ok)
            let anonymousSearch = try await visitor.get("/eintraege?q=Kita")
            #expect(anonymousSearch.body.contains("Keine Einträge gefunden"))
            #expect(try await olga.get("/eintraege?q=Kita-Planung").body.contains("Interne Kita-Planung"))
            let list = try await visitor.get("/eintraege?art=angebot&handlungsfeld=mobilitaet&land=05")
            #expect(list.body.contains("Bürgerbus im Ehrenamt") && !list.body.contains("Bürgerbus gesucht"))
            #expect(try await visitor.get("/eintraege?art=wunsch").status == .unprocessableEntity)
            let profile = try await visitor.get("/gemeinden/\(Self.ahlen)")
            #expect(
                profile.body.contains("Bürgerbus im Ehrenamt") && !profile.body.contains("Geheimer Entwurf") && !profile.body.contains("Interne Kita")
            )
        }
    }

    @Test(
        "stored items: a Bedarf finds the distant Angebot first when bundesweit, the neighbour when Nachbarschaft", arguments: TestDatabase.available)
    func nearAndFar(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, moritz) = try await ItemFixture.member("moritz@munster.de", of: [Self.munster], app: app)
            let text = "Unsere Schulen arbeiten mit einer digitalen Schulverwaltung, die wir gern teilen."
            _ = try await ItemFixture.create(
                moritz,
                ItemFixture.form(
                    kind: .angebot, title: "Digitale Schulverwaltung", description: text, fields: [.schuleBildung, .digitaleVerwaltung],
                    town: Self.munster))
            _ = try await ItemFixture.create(
                olga,
                ItemFixture.form(
                    kind: .vorhaben, title: "Digitale Schule", description: "Tablets für Schulen.", fields: [.schuleBildung], town: Self.oelde,
                    status: .laufend))
            let far = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    title: "Digitale Schulverwaltung gesucht", description: "Wir suchen ein Konzept für die digitale Schulverwaltung.",
                    fields: [.schuleBildung, .digitaleVerwaltung], town: Self.ahlen))
            let page = try await anna.get("/eintraege/\(far)").body
            let munsterAt = try #require(page.range(of: "Munster bietet „Digitale Schulverwaltung“ an – passt zu Ihrem Bedarf"))
            let oeldeAt = try #require(page.range(of: "Digitale Schule</a>"))
            #expect(munsterAt.lowerBound < oeldeAt.lowerBound)
            #expect(page.contains("bundesweit gesucht:") && page.contains("Entfernung zählt nicht"))

            // the neighbour first when only the Nachbarschaft counts
            _ = try await ItemFixture.create(
                olga,
                ItemFixture.form(
                    kind: .angebot, title: "Bürgerbus Fahrdienst", description: "Fahrer im Ehrenamt", fields: [.mobilitaet], town: Self.oelde))
            _ = try await ItemFixture.create(
                moritz,
                ItemFixture.form(
                    kind: .angebot, title: "Bürgerbus Fahrdienst", description: "Fahrer im Ehrenamt", fields: [.mobilitaet], town: Self.munster))
            let near = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    title: "Bürgerbus Fahrdienst", description: "Fahrer im Ehrenamt", fields: [.mobilitaet], reach: .nachbarschaft, town: Self.ahlen))
            let matches = app.matchStore.engine.matches(for: try #require(app.matchStore.engine.item(id: near)))
            #expect(matches.map(\.item.ownerKey).prefix(2) == [Self.oelde, Self.munster])
            let nearPage = try await anna.get("/eintraege/\(near)").body
            #expect(nearPage.contains("Nachbar: ") && nearPage.contains("km entfernt, Landkreis Warendorf"))

            // "Passt zu uns": Ahlen's best partners as a whole
            let partners = try await anna.get("/kommunen/\(Self.ahlen)/passt-zu-uns")
            #expect(partners.status == .ok && partners.body.contains("Munster") && partners.body.contains("Oelde"))
        }
    }
}
