import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("A Verbund invites a town with nobody on Aufwind by e-mail; the invitation waits for its first member")
struct VerbundMailInvitationTests {
    static let ahlen = "05570004", oelde = "05570036", muenster = "05515000"

    @Test(
        "invite by mail → mail with register and join links → someone registers, joins, is confirmed → sees the invitation and accepts",
        arguments: TestDatabase.available)
    func endToEnd(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, max) = try await ItemFixture.member("max@muenster.de", of: [Self.muenster], role: "verwalter", app: app)
            let path = try await VerbundInvitationTests.verbund(anna)

            // a bad address or a town that is on Aufwind: a German error, nothing changes
            try await anna.get(path)
            let bad = try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner", "email": "rathaus(at)oelde"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("E-Mail-Adresse der Kommune:"))
            let onAufwind = try await anna.post(path + "/einladungen", ["mitglied": Self.muenster, "rolle": "partner", "email": "info@muenster.de"])
            #expect(onAufwind.status == .conflict && onAufwind.body.contains("Münster ist schon auf Aufwind"))
            #expect(try await VerbundMemberModel.query(on: app.db).count() == 1)
            #expect(try await MailModel.query(on: app.db).count() == 0)

            // Münster is invited the normal way and accepts (a member who is not the lead)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.muenster, "rolle": "partner"]).status == .seeOther)
            let muensterInvitation = try #require(try await VerbundMemberModel.query(on: app.db).filter(\.$memberKey == Self.muenster).first())
            try await max.get(path)
            #expect(try await max.post(path + "/mitglieder/\(muensterInvitation.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)

            // Oelde by mail: the Rathaus gets the invitation with the links to register and to join
            try await anna.get(path)
            let mailed = try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner", "email": "Rathaus@Oelde.de"])
            #expect(mailed.status == .seeOther && mailed.headers.first(name: .location) == path + "?erfolg=einladung-gemailt")
            let mail = try #require(try await probe.mails("rathaus@oelde.de").first)
            #expect(mail.subject == "Einladung in den Verbund „Gemeinsamer Bauhof“: Oelde")
            #expect(mail.body.contains("Ahlen lädt Oelde in den Verbund „Gemeinsamer Bauhof“ ein (Partner)"))
            #expect(mail.body.contains("\(app.aufwindConfig.baseURL)/registrieren\n"))
            #expect(mail.body.contains("/konto/organisationen?kommune=\(Self.oelde)"))
            let oelde = try #require(try await VerbundMemberModel.query(on: app.db).filter(\.$memberKey == Self.oelde).first())
            #expect(oelde.statusValue == .invited && oelde.expiresAt == nil && oelde.invitationEmail == "rathaus@oelde.de")

            // the Verbund page says so; only the lead sees the address
            let leadView = try await anna.get(path)
            #expect(leadView.body.contains("noch niemand von Oelde auf Aufwind – per E-Mail eingeladen am"))
            #expect(leadView.body.contains("(an rathaus@oelde.de)"))
            let memberView = try await max.get(path)
            #expect(memberView.body.contains("noch niemand von Oelde auf Aufwind – per E-Mail eingeladen am"))
            #expect(!memberView.body.contains("rathaus@oelde.de"))

            // someone from the Rathaus registers, confirms the address, asks to join Oelde from the link
            let olga = Browser(app)
            try await olga.get("/registrieren")
            #expect(
                try await olga.post(
                    "/registrieren",
                    ["nutzungsbedingungen": "ja", "name": "Olga Oelde", "email": "olga@oelde.de", "password": "passwort-olga@oelde.de"]
                ).status
                    == .seeOther)
            let confirmation = try #require(try await probe.mails("olga@oelde.de").first)
            let token = try #require(AccountFlowTests.token(in: confirmation, path: "/bestaetigen"))
            try await olga.get("/bestaetigen?token=\(token)")
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "olga@oelde.de").first())
            let signedIn = try await AccountFixture.signedIn(user, app: app)
            let joinPage = try await signedIn.get("/konto/organisationen?kommune=\(Self.oelde)")
            // the link names Oelde by its AGS: the form shows the name, with Kreis and Land, already chosen
            #expect(joinPage.body.contains("name=\"kommune\" value=\"Oelde\""), "\(joinPage.body)")
            #expect(joinPage.body.contains("value=\"\(Self.oelde)\" checked"))
            #expect(try await signedIn.post("/konto/organisationen", ["kommune": Self.oelde, "nachricht": "Rathaus Oelde"]).status == .seeOther)
            #expect(try await signedIn.get(path).status != .ok, "not before she is confirmed")

            // the admin confirms her: the invitation that waited reaches her, for 30 days from now
            let request = try await AccountFixture.membership(of: user, in: Self.oelde, on: app)
            try await admin.get("/admin/warteschlange")
            let beforeConfirming = app.now
            #expect(
                try await admin.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "Rückruf Rathaus"])
                    .status == .seeOther)
            let afterConfirming = app.now
            let released = try #require(try await VerbundMemberModel.find(oelde.id, on: app.db))
            let expiry = try #require(released.expiresAt)
            // 30 days from the confirmation (the clock runs on while the request is served)
            let thirtyDays: TimeInterval = 30 * 24 * 3600
            #expect(
                expiry >= beforeConfirming.addingTimeInterval(thirtyDays - 1) && expiry <= afterConfirming.addingTimeInterval(thirtyDays + 1))
            let note = try #require(try await probe.notes("olga@oelde.de").last { $0.text.contains("Verbund") })
            #expect(note.text.hasPrefix("Ahlen hat Ihre Kommune in den Verbund „Gemeinsamer Bauhof“ eingeladen (Partner)") && note.link == path)
            #expect(try await probe.subjects("olga@oelde.de").contains("Einladung in den Verbund: Gemeinsamer Bauhof"))
            #expect(try await signedIn.get("/verbuende").body.contains("Gemeinsamer Bauhof"))

            // she accepts: Oelde is in, the lead is told, the page no longer says "noch niemand"
            try await signedIn.get(path)
            #expect(try await signedIn.post(path + "/mitglieder/\(oelde.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await VerbundMemberModel.find(oelde.id, on: app.db)?.statusValue == .accepted)
            #expect(try await probe.texts("anna@ahlen.de").contains("Oelde hat die Einladung in den Verbund „Gemeinsamer Bauhof“ angenommen."))
            #expect(!(try await anna.get(path).body.contains("noch niemand von Oelde")))
        }
    }

    @Test(
        "invited without an address, a town with nobody on Aufwind: the lead is told nobody hears of it and mails it later",
        arguments: TestDatabase.available)
    func unreachedInvitationMailedLater(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, max) = try await ItemFixture.member("max@muenster.de", of: [Self.muenster], role: "verwalter", app: app)
            let path = try await VerbundInvitationTests.verbund(anna)

            // Oelde has nobody on Aufwind: the invitation is made, but the lead hears that it reaches nobody
            try await anna.get(path)
            let invited = try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"])
            #expect(invited.headers.first(name: .location) == path + "?erfolg=einladung-ohne-empfaenger")
            let page = try await anna.get(path + "?erfolg=einladung-ohne-empfaenger")
            #expect(page.body.contains("die Einladung erreicht also niemanden"))
            #expect(page.body.contains("von Oelde ist noch niemand auf Aufwind; niemand erfährt von der Einladung"))
            #expect(page.body.contains("Per E-Mail einladen"))
            // Münster has a member: an ordinary invitation, no address asked for
            #expect(
                try await anna.post(path + "/einladungen", ["mitglied": Self.muenster, "rolle": "partner"]).headers.first(name: .location)
                    == path + "?erfolg=einladung-gesendet")
            let oelde = try #require(try await VerbundMemberModel.query(on: app.db).filter(\.$memberKey == Self.oelde).first())
            let muenster = try #require(try await VerbundMemberModel.query(on: app.db).filter(\.$memberKey == Self.muenster).first())

            // only the lead adds an address; a bad one is refused as typed; a town with members needs none
            try await max.get(path)
            #expect(try await max.post(path + "/mitglieder/\(oelde.id!)/email", ["email": "rathaus@oelde.de"]).status == .forbidden)
            try await anna.get(path)
            let bad = try await anna.post(path + "/mitglieder/\(oelde.id!)/email", ["email": "rathaus(at)oelde"])
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("E-Mail-Adresse der Kommune:")
                    && bad.body.contains("value=\"rathaus(at)oelde\""))
            let toMuenster = try await anna.post(path + "/mitglieder/\(muenster.id!)/email", ["email": "info@muenster.de"])
            #expect(toMuenster.status == .conflict && toMuenster.body.contains("Münster ist inzwischen auf Aufwind"))
            let mailedToTowns = try await probe.mails("rathaus@oelde.de") + probe.mails("info@muenster.de")
            #expect(mailedToTowns.isEmpty)

            // the address: the Rathaus gets the invitation, which now waits for Oelde's first member
            let mailed = try await anna.post(path + "/mitglieder/\(oelde.id!)/email", ["email": "Rathaus@Oelde.de"])
            #expect(mailed.status == .seeOther && mailed.headers.first(name: .location) == path + "?erfolg=einladung-gemailt")
            #expect(try await probe.mails("rathaus@oelde.de").first?.subject == "Einladung in den Verbund „Gemeinsamer Bauhof“: Oelde")
            let waiting = try #require(try await VerbundMemberModel.find(oelde.id, on: app.db))
            #expect(waiting.waitsForFirstMember && waiting.invitationEmail == "rathaus@oelde.de")
            let after = try await anna.get(path)
            #expect(
                after.body.contains("noch niemand von Oelde auf Aufwind – per E-Mail eingeladen am") && !after.body.contains("Per E-Mail einladen"))
            // sent twice: nothing more is mailed
            #expect(try await anna.post(path + "/mitglieder/\(oelde.id!)/email", ["email": "rathaus@oelde.de"]).status == .conflict)
            #expect(try await probe.mails("rathaus@oelde.de").count == 1)
        }
    }

    @Test("a lead town mails at most 20 invitations in 24 hours, across all the Verbünde it leads", arguments: TestDatabase.available)
    func mailLimit(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let path = try await VerbundInvitationTests.verbund(anna)
            let verbundID = try #require(try await VerbundModel.query(on: app.db).first()?.id)
            // 20 invitations mailed in the last hours by another Verbund Ahlen leads
            let other = VerbundModel(name: "Zweiter Verbund", itemID: nil, leadKey: Self.ahlen)
            try await other.create(on: app.db)
            for number in 0..<MailInvitationLimit.perDay {
                let member = VerbundMemberModel(
                    verbundID: try other.requireID(), memberKey: String(format: "0999%04d", number), memberType: "gemeinde", role: "partner",
                    status: .invited, expiresAt: nil)
                member.invitationEmail = "rathaus\(number)@example.org"
                member.mailedAt = app.now.addingTimeInterval(-3600)
                try await member.create(on: app.db)
            }
            try await anna.get(path)
            let refused = try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner", "email": "rathaus@oelde.de"])
            #expect(
                refused.status == .conflict && refused.body.contains("Ahlen hat in den letzten 24 Stunden schon 20 Einladungen per E-Mail verschickt")
            )
            #expect(refused.body.contains("value=\"rathaus@oelde.de\""), "what was typed stays")
            #expect(try await VerbundMemberModel.query(on: app.db).filter(\.$verbundID == verbundID).count() == 1)
            #expect(try await MailModel.query(on: app.db).count() == 0)

            // a day later the window has moved on
            try await VerbundMemberModel.query(on: app.db).set(\.$mailedAt, to: app.now.addingTimeInterval(-25 * 3600)).update()
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner", "email": "rathaus@oelde.de"]).status == .seeOther
            )
        }
    }
}
