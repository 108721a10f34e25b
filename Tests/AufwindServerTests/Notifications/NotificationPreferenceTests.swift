import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Notification preferences: sofort, täglich, wöchentlich, nie")
struct NotificationPreferenceTests {
    @Test(
        "sofort (the standard for Nachrichten): one mail at once, in the template, with HTML and one-click unsubscribe",
        arguments: TestDatabase.available)
    func immediately(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.notify(
                anna,
                NotificationFixture.message(.nachrichten, "Oelde hat geschrieben.", link: "/kooperationen/1", detail: "Wann treffen wir uns?"),
                app: app)
            let mails = try await NotificationFixture.mails(to: anna, app: app)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.subject == "Betreff: Oelde hat geschrieben.")
            #expect(mail.body.hasPrefix("Guten Tag anna,\n\nOelde hat geschrieben.\n\n> Wann treffen wir uns?\n"))
            #expect(mail.body.contains("Ansehen: http://localhost:8080/kooperationen/1"))
            #expect(
                mail.body.contains("Sie erhalten diese E-Mail, weil Sie bei Aufwind Benachrichtigungen zu „Nachrichten“ sofort per E-Mail erhalten."))
            #expect(mail.body.contains("Einstellungen ändern: http://localhost:8080/konto/benachrichtigungen"))
            #expect(mail.htmlBody?.contains("Wann treffen wir uns?") == true)
            let unsubscribe = try #require(mail.unsubscribeURL)
            #expect(unsubscribe.hasPrefix("http://localhost:8080/abmelden/\(try anna.requireID().uuidString.lowercased()).nachrichten."))
            #expect(mail.body.contains(unsubscribe))
            let note = try #require(try await NotificationFixture.notes(of: anna, app: app).first)
            #expect(!note.awaitsDigest && note.category == "nachrichten" && note.action == "Ansehen")
        }
    }

    @Test(
        "täglich and wöchentlich: no mail now, the notification waits for its digest; nie: no mail; in the app always",
        arguments: TestDatabase.available)
    func laterOrNever(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.prefer(.taeglich, for: [.anfragen], of: anna, app: app)
            try await NotificationFixture.prefer(.woechentlich, for: [.veranstaltungen], of: anna, app: app)
            try await NotificationFixture.prefer(.nie, for: [.fristen], of: anna, app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Anfrage"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.veranstaltungen, "Programm"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.fristen, "Frist"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Treffer"), app: app)  // standard: täglich
            #expect(try await NotificationFixture.mails(to: anna, app: app).isEmpty)
            let notes = try await NotificationFixture.notes(of: anna, app: app)
            #expect(notes.count == 4)
            #expect(Set(notes.filter(\.awaitsDigest).map(\.text)) == ["Anfrage", "Programm", "Treffer"])
        }
    }

    @Test(
        "one message to a town's members: each gets it with their own setting (sofort, täglich, nie, unconfirmed), the author nothing",
        arguments: TestDatabase.available)
    func membersEachWithTheirOwnSetting(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            var people: [String: UserModel] = [:]
            for name in ["anna", "ben", "carla", "dora", "eva"] {
                let user = try await AccountFixture.user("\(name)@ahlen.de", on: app)
                let membership = MembershipModel(userID: try user.requireID(), kind: .kommune, orgKey: "05570004", message: "")
                membership.status = MembershipModel.Status.confirmed.rawValue
                try await membership.create(on: app.db)
                people[name] = user
            }
            let (anna, ben, carla, dora, eva) = (people["anna"]!, people["ben"]!, people["carla"]!, people["dora"]!, people["eva"]!)
            try await NotificationFixture.prefer(.taeglich, for: [.anfragen], of: ben, app: app)
            try await NotificationFixture.prefer(.nie, for: [.anfragen], of: carla, app: app)
            try await NotificationFixture.prefer(.nie, for: [.nachrichten], of: anna, app: app)  // another category: no effect
            dora.emailConfirmedAt = nil
            try await dora.save(on: app.db)

            try await Notifier(database: app.db, baseURL: app.aufwindConfig.baseURL).notifyMembers(
                of: "05570004", excluding: try eva.requireID(), NotificationFixture.message(.anfragen, "Neue Anfrage von Oelde"))

            #expect(try await NotificationFixture.mails(to: anna, app: app).map(\.subject) == ["Betreff: Neue Anfrage von Oelde"])
            for user in [ben, carla, dora, eva] { #expect(try await NotificationFixture.mails(to: user, app: app).isEmpty, "\(user.email)") }
            for user in [anna, ben, carla, dora] {
                #expect(try await NotificationFixture.notes(of: user, app: app).map(\.text) == ["Neue Anfrage von Oelde"], "\(user.email)")
            }
            #expect(try await NotificationFixture.notes(of: eva, app: app).isEmpty)
            #expect(try await NotificationFixture.notes(of: ben, app: app).first?.awaitsDigest == true)
            #expect(try await NotificationFixture.notes(of: carla, app: app).first?.awaitsDigest == false)
            #expect(try await NotificationFixture.notes(of: dora, app: app).first?.awaitsDigest == false)
        }
    }

    @Test("an unconfirmed address gets no mail and nothing waits for a digest")
    func unconfirmed() async throws {
        try await withAufwind(.sqlite) { app in
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            ben.emailConfirmedAt = nil
            try await ben.save(on: app.db)
            try await NotificationFixture.notify(ben, NotificationFixture.message(.anfragen, "Anfrage"), app: app)
            try await NotificationFixture.notify(ben, NotificationFixture.message(.passendeEintraege, "Treffer"), app: app)
            #expect(try await NotificationFixture.mails(to: ben, app: app).isEmpty)
            #expect(try await NotificationFixture.notes(of: ben, app: app).allSatisfy { !$0.awaitsDigest })
        }
    }

    @Test("the settings page shows the standards, saves with PRG and a success message, refuses an unknown value", arguments: TestDatabase.available)
    func settingsPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            let page = try await browser.get("/konto/benachrichtigungen")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"passende-eintraege\" value=\"taeglich\" checked"))
            #expect(page.body.contains("name=\"anfragen\" value=\"sofort\" checked"))
            var form = Dictionary(uniqueKeysWithValues: NotificationCategory.allCases.map { ($0.rawValue, "sofort") })
            form["nachrichten"] = "woechentlich"
            let saved = try await browser.post("/konto/benachrichtigungen", form)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/konto/benachrichtigungen?erfolg=benachrichtigungen-gespeichert")
            let after = try await browser.get("/konto/benachrichtigungen?erfolg=benachrichtigungen-gespeichert")
            #expect(after.body.contains("Ihre Einstellungen für Benachrichtigungen sind gespeichert."))
            #expect(after.body.contains("name=\"nachrichten\" value=\"woechentlich\" checked"))
            #expect(try await NotificationPreferences(database: app.db).cadence(of: anna.requireID(), for: .nachrichten) == .woechentlich)
            form["fristen"] = "stuendlich"
            let refused = try await browser.post("/konto/benachrichtigungen", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Bitte wählen Sie für „Fristen“ sofort, täglich, wöchentlich oder nie."))
            #expect(try await NotificationPreferences(database: app.db).cadence(of: anna.requireID(), for: .fristen) == .sofort)
            #expect(try await browser.post("/konto/benachrichtigungen", form, csrf: "falsch").status == .forbidden)
            #expect(try await Browser(app).get("/konto/benachrichtigungen").status == .unauthorized)
        }
    }
}
