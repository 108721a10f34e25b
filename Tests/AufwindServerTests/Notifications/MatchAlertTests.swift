import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Match alerts: a newly published item tells the towns whose items it matches, once per pair, never for demo data")
struct MatchAlertTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052", muenster = "05515000"

    /// A shared sub-theme: only that lifts a match above the default threshold of 70 (topic before form).
    static let digitaleSchule = ("unterthemen[]", "schule-bildung/digitale-schule")

    static let description =
        "Wir suchen eine gemeinsame digitale Schulverwaltung für unsere Grundschulen: Schülerdaten, Zeugnisse und Elternbriefe an einem Ort."

    @Test(
        "Ahlen publishes a Bedarf: Oelde (matching Angebot) is told with the explanation; Ahlen, Münster (other topic) and a town above its threshold are not; exactly once",
        arguments: TestDatabase.available)
    func alerts(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            let (olgaUser, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            // Olga wants matches at once; Otto keeps the default (the daily digest).
            try await NotificationFixture.prefer(.sofort, for: [.passendeEintraege], of: olgaUser, app: app)
            try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let (_, wilma) = try await ItemFixture.member("wilma@warendorf.de", of: [Self.warendorf], role: "verwalter", app: app)
            let (_, max) = try await ItemFixture.member("max@muenster.de", of: [Self.muenster], app: app)
            let offer = ItemFixture.form(
                kind: .angebot, title: "Digitale Schulverwaltung für Grundschulen", description: Self.description, town: Self.oelde,
                extra: [Self.digitaleSchule])
            let oeldeItem = try await ItemFixture.create(olga, offer)
            // Warendorf offers the same, but wants to hear only of perfect matches
            try await ItemFixture.create(wilma, offer.map { $0.0 == "kommune" ? ($0.0, Self.warendorf) : $0 })
            try await wilma.get("/kommunen/\(Self.warendorf)/profil")
            #expect(try await wilma.post("/kommunen/\(Self.warendorf)/einstellungen", ["schwelle": "30"]).status == .unprocessableEntity)
            let saved = try await wilma.post("/kommunen/\(Self.warendorf)/einstellungen", ["schwelle": "100"])
            #expect(saved.headers.first(name: .location) == "/kommunen/\(Self.warendorf)/profil?erfolg=schwelle-gespeichert")
            #expect(try await wilma.get("/kommunen/\(Self.warendorf)/profil").body.contains("name=\"schwelle\" value=\"100\""))
            try await olga.get("/kommunen/\(Self.oelde)/profil")
            #expect(try await olga.post("/kommunen/\(Self.oelde)/einstellungen", ["schwelle": "50"]).status == .forbidden, "only Verwalter")
            try await ItemFixture.create(
                max,
                ItemFixture.form(
                    kind: .bedarf, title: "Radwege im Kreis", description: "Radverkehr planen", fields: [.mobilitaet], town: Self.muenster))
            #expect(try await MatchAlertModel.query(on: app.db).count() == 0, "nothing of the others matches yet")

            // Ahlen publishes its need
            let need = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .bedarf, title: "Digitale Schulverwaltung gesucht", description: Self.description, town: Self.ahlen,
                    extra: [Self.digitaleSchule]))
            let alerts = try await MatchAlertModel.query(on: app.db).all()
            #expect(alerts.count == 1 && alerts[0].score >= TownSettingsModel.defaultMatchThreshold)
            let pair = Set([alerts.first?.firstItemID, alerts.first?.secondItemID].compactMap { $0?.uuidString.lowercased() })
            #expect(pair == [need, oeldeItem])
            for member in ["olga@oelde.de", "otto@oelde.de"] {
                let note = try #require(try await probe.notes(member).last, "\(member)")
                #expect(note.category == NotificationCategory.passendeEintraege.rawValue && note.link == "/eintraege/\(need)")
                #expect(
                    note.text.hasPrefix(
                        "Ahlen hat „Digitale Schulverwaltung gesucht“ (Bedarf) veröffentlicht – passend zu Ihrem Eintrag „Digitale Schulverwaltung für Grundschulen“"
                    ))
                // the points as they were then (the item page computes them anew, with today's items)
                #expect(note.text.contains("(bei Veröffentlichung \(alerts[0].score) von 100 Punkten"))
            }
            let mail = try #require(try await probe.mails("olga@oelde.de").last)
            #expect(mail.subject == "Neuer passender Eintrag: Digitale Schulverwaltung gesucht")
            #expect(mail.body.contains("Warum es passt:\n> – "))
            #expect(try await probe.mails("otto@oelde.de").isEmpty, "Otto's waits for the daily digest")
            for outsider in ["anna@ahlen.de", "bert@ahlen.de", "max@muenster.de", "wilma@warendorf.de"] {
                #expect(try await probe.notes(outsider).isEmpty, "\(outsider)")
            }

            // saved again, unpublished and published again: the pair was alerted, nothing more
            let needID = try #require(UUID(uuidString: need))
            for published in [true, false, true] {
                try await anna.get("/eintraege/\(need)/bearbeiten")
                let edit = try await anna.post(
                    "/eintraege/\(need)/bearbeiten",
                    pairs: ItemFixture.form(
                        kind: .bedarf, title: "Digitale Schulverwaltung gesucht", description: Self.description, town: Self.ahlen,
                        published: published,
                        extra: [
                            Self.digitaleSchule, ("version", String(try #require(try await CooperationItemModel.find(needID, on: app.db)).version)),
                        ]))
                #expect(edit.status == .seeOther, "\(edit.body.prefix(300))")
            }
            #expect(try await MatchAlertModel.query(on: app.db).count() == 1)
            #expect(try await probe.notes("olga@oelde.de").count == 1)
        }
    }

    @Test("demo data never alerts, and a new item never alerts demo towns' members about demo items", arguments: TestDatabase.available)
    func demoData(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            // a generated demo offer of Oelde, just like a real one
            var demo = CooperationItem(
                id: UUID().uuidString.lowercased(), kind: .angebot, ownerKey: Self.oelde, title: "Digitale Schulverwaltung für Grundschulen",
                description: Self.description, handlungsfelder: [.schuleBildung], reach: .bundesweit, desiredSizes: [],
                unterthemen: [Self.digitaleSchule.1],
                status: nil, visibility: .oeffentlich, isDemo: true)
            let model = CooperationItemModel(demo, isDemo: true, createdBy: nil, now: app.now)
            try await model.create(on: app.db)
            demo.id = try model.requireID().uuidString.lowercased()
            app.matchStore.update(demo, published: true)

            try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .bedarf, title: "Digitale Schulverwaltung gesucht", description: Self.description, town: Self.ahlen,
                    extra: [Self.digitaleSchule]))
            #expect(try await MatchAlertModel.query(on: app.db).count() == 0)
            #expect(try await probe.notes("olga@oelde.de").isEmpty)
        }
    }
}
