import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Memberships of towns: verification, confirmation, roles, profile")
struct MembershipTests {
    @Test("Ahlen: ask to join, verified by an admin, edit the profile; a Münster member cannot", arguments: TestDatabase.available)
    func ahlenStory(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let max = try await AccountFixture.user("max@muenster.de", on: app)

            // Anna asks to join Ahlen by name
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/konto/organisationen")
            #expect(try await annaBrowser.post("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Hauptamt"]).status == .seeOther)
            let request = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(request.statusValue == .pending)

            // nobody but the admin may confirm the first member, and only with a note on how it was verified
            let maxBrowser = try await AccountFixture.signedIn(max, app: app)
            try await maxBrowser.get("/konto")
            #expect(try await maxBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            let adminBrowser = try await AccountFixture.signedIn(admin, app: app)
            let queue = try await adminBrowser.get("/admin/warteschlange")
            #expect(queue.body.contains("anna@ahlen.de"))
            // Without the note: the queue again (no dead end), the question at its field, what was typed kept.
            let unverified = try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "   "])
            #expect(unverified.status == .unprocessableEntity && unverified.body.contains("<h1>Prüfungen</h1>"))
            #expect(unverified.body.contains("id=\"pruefung-\(request.id!.uuidString)-fehler\""))
            #expect(unverified.body.contains("bitte angeben, wie es geprüft wurde") && unverified.body.contains("aria-invalid=\"true\""))
            #expect(try await AccountFixture.membership(of: anna, in: "05570004", on: app).statusValue == .pending)
            let confirmed = try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "Rückruf Rathaus 02382 59-0"])
            #expect(confirmed.status == .seeOther)
            let after = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(after.statusValue == .confirmed && after.role == "verwalter" && after.decidedBy == admin.id)
            #expect(after.verification == "Rückruf Rathaus 02382 59-0")
            let audit = try await AuditEntryModel.query(on: app.db).all()
            #expect(audit.count == 1 && audit[0].action == "mitgliedschaft-bestaetigt" && audit[0].actorID == admin.id)

            // Anna edits Ahlen's profile; HTML stays text
            try await annaBrowser.get("/kommunen/05570004/profil")
            let saved = try await annaBrowser.post(
                "/kommunen/05570004/profil",
                [
                    "ansprechperson": "Anna <b>Ahlen</b>", "email": "digital@ahlen.de", "website": "https://www.ahlen.de",
                    "beschreibung": "<script>alert(1)</script> Wir suchen Partner.", "version": "0", "handlungsfelder[]": "digitale-verwaltung",
                ])
            #expect(saved.status == .seeOther)
            let page = try await Browser(app).get("/gemeinden/05570004")
            #expect(page.body.contains("Wir suchen Partner.") && page.body.contains("Digitale Verwaltung"))
            #expect(!page.body.contains("<script>alert(1)") && page.body.contains("&lt;b&gt;Ahlen&lt;/b&gt;"))

            // Max (no member of Ahlen) may not
            #expect(try await maxBrowser.get("/kommunen/05570004/profil").status == .forbidden)
            try await maxBrowser.get("/konto")
            #expect(try await maxBrowser.post("/kommunen/05570004/profil", ["beschreibung": "gekapert", "version": "1"]).status == .forbidden)
            #expect(try await TownProfileModel.find("05570004", on: app.db)?.description.contains("gekapert") == false)
        }
    }

    @Test("later members are confirmed by a Verwalter; a Mitglied cannot act as Verwalter", arguments: TestDatabase.available)
    func verwalterConfirms(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .mitglied, on: app)
            let caraBrowser = try await AccountFixture.signedIn(cara, app: app)
            try await caraBrowser.get("/konto/organisationen")
            try await caraBrowser.post("/konto/organisationen", ["kommune": "05570004"])
            let request = try await AccountFixture.membership(of: cara, in: "05570004", on: app)

            let benBrowser = try await AccountFixture.signedIn(ben, app: app)
            #expect(try await benBrowser.get("/kommunen/05570004/mitglieder").status == .ok)
            #expect(try await benBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            #expect(try await benBrowser.get("/kommunen/05570004/profil").status == .forbidden)

            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/kommunen/05570004/mitglieder")
            #expect(try await annaBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await AccountFixture.membership(of: cara, in: "05570004", on: app).role == "mitglied")
            // the last Verwalter cannot step down
            let own = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(try await annaBrowser.post("/mitgliedschaften/\(own.id!)/rolle", ["rolle": "mitglied"]).status == .conflict)
        }
    }

    @Test("two decisions on the same request at once: one wins, no duplicate", arguments: TestDatabase.available)
    func concurrentConfirmation(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let pending = MembershipModel(userID: try anna.requireID(), kind: .kommune, orgKey: "05570004", message: "")
            try await pending.create(on: app.db)
            let service = MembershipService(database: app.db, baseURL: "http://localhost")
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try? await service.decide(pending, accept: true, verification: "Rückruf", by: admin, townName: "Ahlen", now: app.now)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await AuditEntryModel.query(on: app.db).count() == 1)
            #expect(try await MembershipModel.query(on: app.db).count() == 1)
        }
    }

    @Test("the only two Verwalter demote each other at once: exactly one stays Verwalter (repeated)", arguments: TestDatabase.available)
    func concurrentDemotions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .verwalter, on: app)
            let service = MembershipService(database: app.db, baseURL: "http://localhost")
            for round in 1...6 {
                try await MembershipModel.query(on: app.db).set(\.$role, to: MemberRole.verwalter.rawValue).update()
                let annas = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
                let bens = try await AccountFixture.membership(of: ben, in: "05570004", on: app)
                // each demotes the other (odd rounds) or steps down (even rounds), both at the same moment
                let (annaTarget, benTarget) = round.isMultiple(of: 2) ? (annas, bens) : (bens, annas)
                async let byAnna = Result { try await service.changeRole(annaTarget, to: .mitglied, by: anna, orgName: "Ahlen") }
                async let byBen = Result { try await service.changeRole(benTarget, to: .mitglied, by: ben, orgName: "Ahlen") }
                let outcomes = await [byAnna, byBen]
                let verwalter = try await MembershipModel.query(on: app.db).filter(\.$role == MemberRole.verwalter.rawValue).count()
                #expect(verwalter == 1, "Runde \(round): \(verwalter) Verwalter")
                #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1, "Runde \(round)")
                for case .failure(let error) in outcomes {
                    let problem = try #require(error as? ProblemDetails)
                    #expect(
                        problem.status == 409 && problem.detail.contains("einzige Person, die Ahlen verwaltet")
                            && problem.detail.contains("Setzen Sie zuerst"))
                }
            }
            // the same for leaving: of the two Verwalter leaving at once, one stays
            try await MembershipModel.query(on: app.db).set(\.$role, to: MemberRole.verwalter.rawValue).update()
            let annas = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            let bens = try await AccountFixture.membership(of: ben, in: "05570004", on: app)
            async let annaLeaves = Result { try await service.leave(annas, user: anna, orgName: "Ahlen") }
            async let benLeaves = Result { try await service.leave(bens, user: ben, orgName: "Ahlen") }
            let left = await [annaLeaves, benLeaves]
            #expect(left.filter { (try? $0.get()) != nil }.count == 1)
            #expect(try await MembershipModel.query(on: app.db).filter(\.$role == MemberRole.verwalter.rawValue).count() == 1)
        }
    }

    @Test("the last Verwalter can neither step down nor leave; members leave, requests are withdrawn", arguments: TestDatabase.available)
    func lastVerwalterStays(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            let dora = try await AccountFixture.user("dora@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .mitglied, on: app)
            try await MembershipModel.confirmed(cara, in: "05570004", role: .mitglied, on: app)
            try await MembershipModel(userID: dora.requireID(), kind: .kommune, orgKey: "05570004", message: "").create(on: app.db)
            let annas = try await AccountFixture.membership(of: anna, in: "05570004", on: app)

            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            let page = try await annaBrowser.get("/kommunen/05570004/mitglieder")
            #expect(page.body.contains("Einzige:r Verwalter:in") && !page.body.contains("Zum Mitglied machen"))
            let stepDown = try await annaBrowser.post("/mitgliedschaften/\(annas.id!)/rolle", ["rolle": "mitglied"])
            #expect(
                stepDown.status == .conflict && stepDown.body.contains("Sie sind die einzige Person, die Ahlen verwaltet")
                    && stepDown.body.contains("Setzen Sie zuerst"))
            let own = try await annaBrowser.get("/konto/organisationen")
            #expect(own.body.contains("Mitgliedschaft beenden"))
            let leave = try await annaBrowser.post("/mitgliedschaften/\(annas.id!)/beenden", [:])
            #expect(leave.status == .conflict && leave.body.contains("Sie sind die einzige Person, die Ahlen verwaltet"))
            #expect(try await AccountFixture.membership(of: anna, in: "05570004", on: app).role == "verwalter")

            // nobody ends someone else's membership
            let benBrowser = try await AccountFixture.signedIn(ben, app: app)
            try await benBrowser.get("/konto/organisationen")
            #expect(try await benBrowser.post("/mitgliedschaften/\(annas.id!)/beenden", [:]).status == .forbidden)
            // a Mitglied leaves; an open request is withdrawn
            let bens = try await AccountFixture.membership(of: ben, in: "05570004", on: app)
            #expect(try await benBrowser.post("/mitgliedschaften/\(bens.id!)/beenden", [:]).status == .seeOther)
            #expect(try await MembershipModel.find(bens.id, on: app.db) == nil)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "mitgliedschaft-beendet").count() == 1)
            let doraBrowser = try await AccountFixture.signedIn(dora, app: app)
            let doraPage = try await doraBrowser.get("/konto/organisationen")
            #expect(doraPage.body.contains("Anfrage zurückziehen"))
            let doras = try await AccountFixture.membership(of: dora, in: "05570004", on: app)
            #expect(try await doraBrowser.post("/mitgliedschaften/\(doras.id!)/beenden", [:]).status == .seeOther)
            #expect(try await MembershipModel.find(doras.id, on: app.db) == nil)

            // with a successor, Anna may step down and leave
            let caras = try await AccountFixture.membership(of: cara, in: "05570004", on: app)
            try await annaBrowser.get("/kommunen/05570004/mitglieder")
            #expect(try await annaBrowser.post("/mitgliedschaften/\(caras.id!)/rolle", ["rolle": "verwalter"]).status == .seeOther)
            try await annaBrowser.get("/konto/organisationen")
            #expect(try await annaBrowser.post("/mitgliedschaften/\(annas.id!)/beenden", [:]).status == .seeOther)
            #expect(try await MembershipModel.find(annas.id, on: app.db) == nil)
            // now Cara is the last one
            let caraBrowser = try await AccountFixture.signedIn(cara, app: app)
            try await caraBrowser.get("/kommunen/05570004/mitglieder")
            #expect(try await caraBrowser.post("/mitgliedschaften/\(caras.id!)/rolle", ["rolle": "mitglied"]).status == .conflict)
        }
    }

    @Test("the only Verwalter deletes the account: the town's open requests go to the admins, who decide them", arguments: TestDatabase.available)
    func orphanedTownGoesToAdmins(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .mitglied, on: app)
            let caraBrowser = try await AccountFixture.signedIn(cara, app: app)
            try await caraBrowser.get("/konto/organisationen")
            #expect(try await caraBrowser.post("/konto/organisationen", ["kommune": "05570004", "nachricht": "Bauamt"]).status == .seeOther)
            let request = try await AccountFixture.membership(of: cara, in: "05570004", on: app)
            let adminBrowser = try await AccountFixture.signedIn(admin, app: app)
            #expect(!(try await adminBrowser.get("/admin/warteschlange").body.contains("cara@ahlen.de")))

            // deleting the account is never refused
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/konto")
            #expect(try await annaBrowser.post("/konto/loeschen", ["passwort": "passwort-anna@ahlen.de"]).status == .seeOther)
            #expect(try await UserModel.find(anna.id, on: app.db) == nil)

            // the admins hear about it (in the app and by mail) and find the request in their queue
            let notes = try await NotificationModel.query(on: app.db).filter(\.$userID == admin.requireID()).all()
            #expect(notes.count == 1 && notes[0].text.contains("Ahlen hat keine Verwalter:innen mehr") && notes[0].link == "/admin/warteschlange")
            #expect(try await MailModel.query(on: app.db).filter(\.$recipient == "admin@aufwind.de").count() == 1)
            let queue = try await adminBrowser.get("/admin/warteschlange")
            #expect(queue.body.contains("cara@ahlen.de") && queue.body.contains("keine Verwalter:innen mehr"))
            let members = try await AccountFixture.signedIn(ben, app: app).get("/kommunen/05570004/mitglieder")
            #expect(members.body.contains("Plattform-Administration"))

            // a Mitglied cannot decide; the admin can, and the new member becomes Verwalter
            let benBrowser = try await AccountFixture.signedIn(ben, app: app)
            try await benBrowser.get("/kommunen/05570004/mitglieder")
            #expect(try await benBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            try await adminBrowser.get("/admin/warteschlange")
            // Without the note: the queue again (no dead end), the question at its field, what was typed kept.
            let unverified = try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "   "])
            #expect(unverified.status == .unprocessableEntity && unverified.body.contains("<h1>Prüfungen</h1>"))
            #expect(unverified.body.contains("id=\"pruefung-\(request.id!.uuidString)-fehler\""))
            #expect(unverified.body.contains("bitte angeben, wie es geprüft wurde") && unverified.body.contains("aria-invalid=\"true\""))
            #expect(try await AccountFixture.membership(of: cara, in: "05570004", on: app).statusValue == .pending)
            let decided = try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "Rückruf Rathaus"])
            #expect(decided.status == .seeOther && decided.headers.first(name: .location) == "/admin/warteschlange?erfolg=anfrage-entschieden")
            let after = try await AccountFixture.membership(of: cara, in: "05570004", on: app)
            #expect(after.statusValue == .confirmed && after.role == "verwalter")
        }
    }

    @Test("the only two Verwalter delete their accounts at once: the admins are told once", arguments: TestDatabase.available)
    func concurrentDeletions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel(userID: cara.requireID(), kind: .kommune, orgKey: "05570004", message: "").create(on: app.db)
            let directory = TownDirectory(catalog: app.registerStore.catalog)
            // as in the account deletion: a write first, then the memberships, in one transaction
            @Sendable func delete(_ user: UserModel) async throws {
                try await app.db.transaction { db in
                    try await AuditEntryModel.query(on: db).filter(\.$actorID == user.requireID()).set(\.$actorName, to: "ehemaliges Mitglied")
                        .update()
                    try await MembershipService(database: db, baseURL: "http://localhost").removeAll(userID: user.requireID(), towns: directory)
                }
            }
            async let first: Void = delete(anna)
            async let second: Void = delete(ben)
            _ = try await (first, second)
            #expect(try await MembershipModel.query(on: app.db).filter(\.$status == MembershipModel.Status.confirmed.rawValue).count() == 0)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == admin.requireID()).count() == 1)
        }
    }

    @Test("asking twice, unknown towns and a stale profile save are refused clearly", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/konto/organisationen")
            #expect(try await browser.post("/konto/organisationen", ["kommune": "05570004"]).status == .forbidden)
            let unknown = try await browser.post("/konto/organisationen", ["kommune": "Atlantis"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("Keine Gemeinde und kein Kreis"))
            #expect(try await browser.get("/kommunen/99999999/mitglieder").status == .notFound)

            try await browser.get("/kommunen/05570004/profil")
            #expect(try await browser.post("/kommunen/05570004/profil", ["beschreibung": "Erste Fassung", "version": "0"]).status == .seeOther)
            try await browser.get("/kommunen/05570004/profil")
            let stale = try await browser.post("/kommunen/05570004/profil", ["beschreibung": "Überholt", "version": "0"])
            #expect(stale.status == .conflict && stale.body.contains("inzwischen geändert"))
            #expect(try await TownProfileModel.find("05570004", on: app.db)?.description == "Erste Fassung")
            let invalid = try await browser.post(
                "/kommunen/05570004/profil",
                [
                    "website": "javascript:alert(1)", "version": "1", "handlungsfelder[]": "raumfahrt",
                    "beschreibung": String(repeating: "x", count: 2001),
                ])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("https://") && invalid.body.contains("Unbekanntes Handlungsfeld") && invalid.body.contains("2000"))
        }
    }
}

extension MembershipModel {
    static func confirmed(_ user: UserModel, in key: String, role: MemberRole, on app: Application) async throws {
        let membership = MembershipModel(userID: try user.requireID(), kind: .kommune, orgKey: key, message: "")
        membership.status = Status.confirmed.rawValue
        membership.role = role.rawValue
        try await membership.create(on: app.db)
    }
}
