import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The moderation baseline over HTTP on both databases: a report reaches the administration, a
/// decision carries its statement of reasons and takes effect, the author is told and objects
/// once, and another administrator decides the objection. Nothing is hidden without a decision.
@Suite("Moderation: report, decision, objection")
struct ModerationFlowTests {
    static let ahlen = SolutionFlowTests.ahlen, oelde = SolutionFlowTests.oelde

    static let hideFields: [String: String] = [
        "entscheidung": "verbergen", "grundlage": "nutzungsbedingungen", "rechtsgrundlage": "Nutzungsbedingungen Nr. 4 (Werbung)",
        "begruendung": "Reine Werbung ohne Bezug zu kommunalen Aufgaben.",
        "tatsachen": "Der Text bewirbt ein Gewinnspiel; gemeldet von zwei Kommunen.",
    ]

    static func caseOf(_ kind: ModeratedKind, on app: Application) async throws -> ModerationCaseModel {
        try #require(try await ModerationCaseModel.query(on: app.db).filter(\.$contentKind == kind.rawValue).first())
    }

    @Test(
        "report → decision with a statement of reasons → the author objects once → another administrator lifts it", arguments: TestDatabase.available)
    func reportDecideObject(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await SolutionFlowTests.provider(app)
            let path = try await SolutionFlowTests.publish(provider, as: "anbieter:\(organisation)")
            let id = String(path.split(separator: "/").last ?? "")
            let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let first = try await AccountFixture.signedIn(try await AccountFixture.user("admin1@aufwind.de", admin: true, on: app), app: app)
            let second = try await AccountFixture.signedIn(try await AccountFixture.user("admin2@aufwind.de", admin: true, on: app), app: app)

            // Reporting: the form keeps what was typed; one report per person and case.
            #expect(try await Browser(app).get("/meldungen/neu?art=loesung&id=\(id)").status != .ok)
            #expect(try await otto.get("/meldungen/neu?art=loesung&id=\(UUID())").status == .notFound)
            try await otto.get("/meldungen/neu?art=loesung&id=\(id)")
            let bad = try await otto.post("/meldungen", ["art": "loesung", "id": id, "grund": "", "text": "Gewinnspiel – keine Lösung ü"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Gewinnspiel – keine Lösung ü"))
            #expect(
                try await otto.post("/meldungen", ["art": "loesung", "id": id, "grund": "spam", "text": "Gewinnspiel, keine Lösung."]).status
                    == .seeOther)
            let twice = try await otto.post("/meldungen", ["art": "loesung", "id": id, "grund": "spam", "text": "Nochmals: Gewinnspiel."])
            #expect(twice.headers.first(name: .location)?.contains("erfolg=schon-gemeldet") == true)
            try await anna.get(path)
            #expect(
                try await anna.post("/meldungen", ["art": "loesung", "id": id, "grund": "irrefuehrend", "text": "Verspricht Unmögliches."]).status
                    == .seeOther)
            #expect(try await ContentReportModel.query(on: app.db).count() == 2)
            #expect(try await ModerationCaseModel.query(on: app.db).count() == 1)
            // Reports alone hide nothing.
            #expect(try await Browser(app).get(path).status == .ok)
            #expect((try await first.get("/benachrichtigungen")).body.contains("Lösung gemeldet als „Spam oder Werbung ohne Bezug“"))

            // Only the administration decides; a restricting decision needs its statement of reasons.
            let found = try await Self.caseOf(.loesung, on: app)
            #expect((try await first.get("/mein-aufwind")).body.contains("1 gemeldeten Inhalt entscheiden"))
            #expect(try await otto.get("/admin/moderation").status == .forbidden)
            #expect(try await otto.get(found.adminPath).status == .forbidden)
            #expect((try await first.get("/admin/moderation")).body.contains("Lösung „Schulcloud Münsterland“"))
            try await first.get(found.adminPath)
            var incomplete = Self.hideFields
            incomplete["tatsachen"] = ""
            let refused = try await first.post(found.adminPath + "/entscheidung", incomplete)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Tatsachen und Umstände"))
            #expect(refused.body.contains("Reine Werbung ohne Bezug zu kommunalen Aufgaben."))
            #expect(try await first.post(found.adminPath + "/entscheidung", Self.hideFields).status == .seeOther)
            try await first.get(found.adminPath)
            #expect(try await first.post(found.adminPath + "/entscheidung", Self.hideFields).status == .conflict)

            // Hidden: nobody finds it but its publisher, who is told why.
            #expect(try await Browser(app).get(path).status == .notFound)
            #expect(try await Browser(app).get("/api/v1/loesungen/\(id)").status == .notFound)
            #expect(!(try await Browser(app).get("/loesungen")).body.contains("Schulcloud Münsterland"))
            let own = try await provider.get(path)
            #expect(own.status == .ok && own.body.contains("Von der Moderation verborgen"))
            #expect((try await provider.get("/benachrichtigungen")).body.contains("ist verborgen"))
            let decision = try await provider.get(found.decisionPath)
            #expect(
                decision.status == .ok && decision.body.contains("Nutzungsbedingungen Nr. 4 (Werbung)")
                    && decision.body.contains("Einspruch einlegen"))
            #expect(try await otto.get(found.decisionPath).status == .notFound)
            #expect((try await otto.get("/moderation/meldungen")).body.contains("Entscheidung: verbergen"))
            let dsa = try await first.get(found.adminPath + "/dsa.json")
            #expect(
                dsa.status == .ok && dsa.body.contains("DECISION_GROUND_INCOMPATIBLE_CONTENT")
                    && dsa.body.contains("AUTOMATED_DECISION_NOT_AUTOMATED"))

            // One objection, decided by somebody else than the one who decided.
            try await provider.get(found.decisionPath)
            #expect(
                try await provider.post(
                    found.decisionPath + "/einspruch", ["einspruch": "Das ist kein Gewinnspiel, sondern eine Verlosung von Testzugängen für Schulen."]
                ).status == .seeOther)
            try await provider.get(found.decisionPath)
            #expect(try await provider.post(found.decisionPath + "/einspruch", ["einspruch": "Und noch ein Einspruch, bitte."]).status == .conflict)
            #expect((try await second.get("/benachrichtigungen")).body.contains("Einspruch eingelegt"))
            #expect((try await second.get("/mein-aufwind")).body.contains("1 Einspruch gegen Entscheidungen der Moderation entscheiden"))
            #expect(!(try await first.get("/mein-aufwind")).body.contains("Einspruch gegen Entscheidungen"))
            try await first.get(found.adminPath)
            #expect(
                try await first.post(found.adminPath + "/einspruch", ["entscheidung": "bestaetigt", "begruendung": "Die Entscheidung war richtig."])
                    .status == .forbidden)
            try await second.get(found.adminPath)
            #expect(
                try await second.post(
                    found.adminPath + "/einspruch", ["entscheidung": "aufgehoben", "begruendung": "Testzugänge für Schulen sind ein Angebot."]
                ).status == .seeOther)
            #expect(try await Browser(app).get(path).status == .ok)
            #expect((try await provider.get("/benachrichtigungen")).body.contains("Der Inhalt ist wieder sichtbar."))
            let audit = try await AuditEntryModel.query(on: app.db).filter(
                \.$action ~~ ["inhalt-gemeldet", "moderation-entschieden", "moderation-einspruch", "moderation-einspruch-entschieden"]
            ).count()
            #expect(audit == 5)
        }
    }

    @Test(
        "a hidden item stays unpublished until an objection succeeds; deleting blanks an item and removes a message",
        arguments: TestDatabase.available)
    func itemsAndMessages(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(title: "Gewinnspiel für alle Kommunen", town: Self.ahlen))
            let other = try await ItemFixture.create(anna, ItemFixture.form(title: "Beleidigender Titel", town: Self.ahlen))

            try await otto.get("/eintraege/\(item)")
            #expect(
                try await otto.post("/meldungen", ["art": "eintrag", "id": item, "grund": "spam", "text": "Werbung für ein Gewinnspiel."]).status
                    == .seeOther)
            try await otto.get("/eintraege/\(other)")
            #expect(
                try await otto.post("/meldungen", ["art": "eintrag", "id": other, "grund": "rechtswidrig", "text": "Beleidigt eine Nachbarstadt."])
                    .status == .seeOther)
            let cases = try await ModerationCaseModel.query(on: app.db).sort(\.$createdAt).all()
            #expect(cases.count == 2)
            let hidden = try #require(cases.first { $0.contentID.uuidString.lowercased() == item })
            let deleted = try #require(cases.first { $0.contentID.uuidString.lowercased() == other })

            try await admin.get(hidden.adminPath)
            #expect(try await admin.post(hidden.adminPath + "/entscheidung", Self.hideFields).status == .seeOther)
            #expect(try await otto.get("/eintraege/\(item)").status == .notFound)
            #expect(!(try await Browser(app).get("/eintraege?q=Gewinnspiel")).body.contains("Gewinnspiel für alle Kommunen"))
            let own = try await anna.get("/eintraege/\(item)")
            #expect(own.status == .ok && own.body.contains("Von der Moderation verborgen"))
            // A form opened before the decision is stale (the decision raised the version); publishing
            // it again is refused, as a draft it may be saved.
            try await anna.get("/eintraege/\(item)/bearbeiten")
            let stale = try await anna.post(
                "/eintraege/\(item)/bearbeiten", pairs: ItemFixture.form(title: "Gewinnspiel, neu", town: Self.ahlen) + [("version", "1")])
            #expect(stale.status == .conflict && stale.body.contains("inzwischen geändert"))
            let republish = try await anna.post(
                "/eintraege/\(item)/bearbeiten", pairs: ItemFixture.form(title: "Gewinnspiel, neu", town: Self.ahlen) + [("version", "2")])
            #expect(republish.status == .conflict && republish.body.contains("erst nach einem erfolgreichen Einspruch"))
            #expect(
                try await anna.post(
                    "/eintraege/\(item)/bearbeiten",
                    pairs: ItemFixture.form(title: "Gewinnspiel, neu", town: Self.ahlen, published: false) + [("version", "2")]
                ).status == .seeOther)
            #expect(try await CooperationItemModel.find(UUID(uuidString: item), on: app.db)?.published == false)
            // The author is its creator: Anna sees the decision; Otto does not.
            #expect(try await anna.get(hidden.decisionPath).status == .ok)

            try await admin.get(deleted.adminPath)
            var deleting = Self.hideFields
            deleting["entscheidung"] = "loeschen"
            deleting["grundlage"] = "rechtswidrig"
            deleting["rechtsgrundlage"] = "§ 185 StGB"
            #expect(try await admin.post(deleted.adminPath + "/entscheidung", deleting).status == .seeOther)
            let blanked = try #require(try await CooperationItemModel.find(UUID(uuidString: other), on: app.db))
            #expect(blanked.title == "Von der Moderation gelöscht" && blanked.description.isEmpty && !blanked.published && blanked.hidden == true)
            let snapshot = try await ModerationCaseModel.find(deleted.id, on: app.db)
            #expect(snapshot?.contentText.contains("Beleidigender Titel") == true)

            // A report about content one cannot see is refused as if it did not exist.
            let draft = try await ItemFixture.create(anna, ItemFixture.form(title: "Entwurf", town: Self.ahlen, published: false))
            #expect(try await otto.get("/meldungen/neu?art=eintrag&id=\(draft)").status == .notFound)

            // The reporter's account goes; the reports stay without it.
            try await otto.get("/konto")
            #expect(try await otto.post("/konto/loeschen", ["passwort": "passwort-otto@oelde.de"]).status == .seeOther)
            #expect(try await ContentReportModel.query(on: app.db).filter(\.$reporterID != nil).count() == 0)
            #expect(try await ContentReportModel.query(on: app.db).count() == 2)
        }
    }
}
