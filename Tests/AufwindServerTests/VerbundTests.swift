import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Verbund workspace: invitations, eligibility, completion, dates, reminders, calendar, costs")
struct VerbundTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052", munster = "03358016"

    /// The Verbund's id from the address a founding led to (`/verbuende/{id}?erfolg=…`).
    static func verbundID(_ headers: HTTPHeaders) -> String { String((headers.redirectPath ?? "").split(separator: "/").last ?? "") }

    @Test(
        "found, invite, decide (once, not after expiry), check IKZ NRW, complete, dates with reminders and iCal, costs",
        FundingTests.needsCatalogue, arguments: TestDatabase.available)
    func workspace(database: TestDatabase) async throws {
        try #require(FundingTests.catalogueAvailable, "foerderprogramme.json fehlt")
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            try await app.prepareFunding()
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (olgaUser, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, moritz) = try await ItemFixture.member("moritz@munster.de", of: [Self.munster], app: app)
            let item = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .vorhaben, title: "Gemeinsamer Bauhof", fields: [.digitaleVerwaltung], town: Self.ahlen, status: .partnerGesucht))

            // Anna founds the Verbund from her Vorhaben; others may not
            try await moritz.get("/eintraege/\(item)")
            #expect(try await moritz.post("/verbuende", ["eintrag": item]).status == .forbidden)
            try await anna.get("/eintraege/\(item)")
            let founded = try await anna.post("/verbuende", ["eintrag": item])
            #expect(founded.status == .seeOther)
            let id = Self.verbundID(founded.headers)
            let path = "/verbuende/\(id)"
            #expect(founded.headers.first(name: .location) == path + "?erfolg=verbund-gegruendet")

            // the same form sent again (a reload, a second click) founds no second Verbund
            try await anna.get("/eintraege/\(item)")
            let again = try await anna.post("/verbuende", ["eintrag": item])
            #expect(again.status == .seeOther && again.headers.first(name: .location) == path + "?erfolg=verbund-schon-gegruendet")
            #expect(try await VerbundModel.query(on: app.db).count() == 1)
            #expect(try await anna.get(path + "?erfolg=verbund-schon-gegruendet").body.contains("Es ist kein zweiter entstanden."))

            // choose IKZ NRW: Ahlen alone is not eligible; completion suggests NRW towns only
            try await anna.get(path)
            #expect(try await anna.post(path + "/programm", ["programm": "ikz-nrw"]).status == .seeOther)
            let alone = try await anna.get(path)
            #expect(alone.body.contains("Ergebnis: nicht förderfähig") && alone.body.contains("Verbund vervollständigen"))
            #expect(alone.body.contains("Oelde</a>") && !alone.body.contains("Munster</a> –"))

            // invitations: unknown and duplicate refused, only the lead invites
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Atlantis", "rolle": "partner"]).status == .unprocessableEntity)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.oelde, "rolle": "partner"]).status == .conflict)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.munster, "rolle": "assoziiert"]).status == .seeOther)
            try await olga.get(path)
            #expect(try await olga.post(path + "/einladungen", ["mitglied": Self.warendorf, "rolle": "partner"]).status == .forbidden)
            #expect(try await olga.get("/anfragen").body.contains("Einladungen in Verbünde"))

            // Oelde decides twice at once: one wins; Munster's invitation has expired
            let members = try await VerbundMemberModel.query(on: app.db).all()
            let oeldeInvite = try #require(members.first { $0.memberKey == Self.oelde })
            let service = VerbundService(database: app.db, baseURL: "http://localhost", directory: TownDirectory(catalog: app.registerStore.catalog))
            let verbund = try #require(try await VerbundModel.find(UUID(uuidString: id), on: app.db))
            async let first = service.decide(oeldeInvite, accept: true, by: olgaUser, verbund: verbund, now: app.now)
            async let second = service.decide(oeldeInvite, accept: false, by: olgaUser, verbund: verbund, now: app.now)
            let outcomes = try await [first, second]
            #expect(outcomes.filter { if case .decided = $0 { true } else { false } }.count == 1)
            #expect(try await VerbundMemberModel.find(oeldeInvite.id, on: app.db)?.statusValue != .invited)
            let munsterInvite = try #require(members.first { $0.memberKey == Self.munster })
            munsterInvite.expiresAt = Date().addingTimeInterval(-60)
            try await munsterInvite.save(on: app.db)
            try await moritz.get(path)
            let late = try await moritz.post(
                path + "/mitglieder/\(munsterInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
            #expect(late.status == .gone && late.body.contains("Die Einladung ist am"))

            // make sure Oelde said yes, then the Verbund is eligible with the estimate
            if try await VerbundMemberModel.find(oeldeInvite.id, on: app.db)?.statusValue != .accepted {
                oeldeInvite.status = VerbundMemberModel.Status.accepted.rawValue
                try await oeldeInvite.update(on: app.db)
            }
            let together = try await anna.get(path)
            #expect(together.body.contains("Ergebnis: förderfähig") && together.body.contains("175.000 € für 2 Beteiligte aus Nordrhein-Westfalen"))

            // a provider takes part without applying: invited by name, accepted by its members
            let founder = try await AccountFixture.user("gruenderin@schulsoft.de", on: app)
            let provider = OrganisationModel(
                kind: .anbieter, name: "SchulSoft GmbH", website: "https://schulsoft.example", description: "", foundedBy: try founder.requireID())
            provider.status = MembershipModel.Status.confirmed.rawValue
            try await provider.create(on: app.db)
            let orgMembership = MembershipModel(
                userID: try founder.requireID(), kind: .anbieter, orgKey: try provider.requireID().uuidString, message: "")
            orgMembership.status = MembershipModel.Status.confirmed.rawValue
            orgMembership.role = "verwalter"
            try await orgMembership.create(on: app.db)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "schulsoft gmbh", "rolle": "assoziiert"]).status == .seeOther)
            let providerInvite = try #require(try await VerbundMemberModel.query(on: app.db).filter(\.$memberType == "anbieter").first())
            #expect(
                try await olga.post(path + "/mitglieder/\(providerInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
                    .status == .forbidden)
            let founderBrowser = try await AccountFixture.signedIn(founder, app: app)
            try await founderBrowser.get(path)
            #expect(
                try await founderBrowser.post(
                    path + "/mitglieder/\(providerInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"]
                ).status == .seeOther)
            let withProvider = try await anna.get(path)
            #expect(withProvider.body.contains("SchulSoft GmbH (Anbieter)") && withProvider.body.contains("Ergebnis: förderfähig"))

            // a Zweckverband is entered by the lead and counts as an NRW applicant
            try await anna.get(path)
            #expect(
                try await anna.post(
                    path + "/einladungen", ["art": "zweckverband", "mitglied": "Zweckverband Bauhof Münsterland", "land": "05", "rolle": "partner"]
                ).status == .seeOther)
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/einladungen", ["art": "zweckverband", "mitglied": "Ohne Land", "land": "99", "rolle": "partner"]).status
                    == .unprocessableEntity)
            let threeApplicants = try await anna.get(path)
            #expect(
                threeApplicants.body.contains("Zweckverband Bauhof Münsterland (Zweckverband)")
                    && threeApplicants.body.contains("+ 1 × 35.000 € = 210.000 €"))

            // status: only the next steps
            #expect(try await anna.post(path + "/status", ["status": "bewilligt"]).status == .unprocessableEntity)
            try await anna.get(path)
            #expect(try await anna.post(path + "/status", ["status": "antrag-in-vorbereitung"]).status == .seeOther)

            // dates and reminders: a deadline in 7 days is announced once
            let today = FundingDates.today(app.now)
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/termine", ["art": "frist", "titel": "Antrag IKZ", "datum": "2026-02-30", "verantwortlich": Self.ahlen])
                    .status == .unprocessableEntity)
            #expect(
                try await anna.post(
                    path + "/termine",
                    ["art": "frist", "titel": "Antrag IKZ", "datum": VerbundService.addDays(7, to: today), "verantwortlich": Self.ahlen]
                ).status == .seeOther)
            #expect(try await service.sendDueReminders(today: today) == 1)
            #expect(try await service.sendDueReminders(today: today) == 0)
            #expect(try await olga.get("/benachrichtigungen").body.contains("„Antrag IKZ“ im Verbund „Gemeinsamer Bauhof“ ist in 7 Tagen fällig"))

            // calendar: a secret link, replaced by a new one
            try await anna.get(path)
            let linkPage = try await anna.post(path + "/kalender", [:])
            let link = try #require(linkPage.body.firstMatch(of: /\/kalender\/verbuende\/[A-Za-z0-9_-]+\.ics/)).output
            let ics = try await Browser(app).get(String(link))
            #expect(ics.status == .ok && ics.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(ics.body.contains("SUMMARY:Frist: Antrag IKZ") && ics.body.contains("BEGIN:VCALENDAR\r\n"))
            try await anna.get(path)
            _ = try await anna.post(path + "/kalender", [:])
            #expect(try await Browser(app).get(String(link)).status == .notFound)

            // the town's calendar: all dates of its Verbünde
            #expect(try await moritz.get("/kommunen/\(Self.ahlen)/kalender").status == .forbidden)
            try await anna.get("/kommunen/\(Self.ahlen)/kalender")
            let townLinkPage = try await anna.post("/kommunen/\(Self.ahlen)/kalender", [:])
            let townLink = try #require(townLinkPage.body.firstMatch(of: /\/kalender\/kommunen\/[A-Za-z0-9_-]+\.ics/)).output
            let townICS = try await Browser(app).get(String(townLink))
            #expect(townICS.status == .ok && townICS.body.contains("SUMMARY:Frist: Antrag IKZ (Gemeinsamer Bauhof)"))

            // costs: by population, CSV for Excel; strangers may not look
            let split = try await olga.get(path + "/kosten?betrag=80.000&foerderung=20000&methode=einwohner")
            #expect(split.status == .ok && split.body.contains("80.000,00 €") && split.body.contains("20.000,00 €"))
            // … and as bars: each member's own part and its funding, every number in the description.
            let chart = try #require(split.body.range(of: "<title id=\"kosten-diagramm-titel\">"))
            let description = String(split.body[chart.upperBound...].prefix(2000))
            #expect(description.contains("Ahlen: ") && description.contains("davon Eigenanteil") && description.contains("Die Tabelle darunter"))
            #expect(
                split.body.contains("class=\"bar-own\"") && split.body.contains("class=\"bar-funding\"") && split.body.contains("> Förderung</span>"))
            // The members' population beside each other on the Verbund page.
            let workspace = try await olga.get(path)
            #expect(workspace.body.contains("<title id=\"einwohner-diagramm-titel\">Einwohner der Mitglieder (zusammen "))
            #expect(workspace.body.contains("class=\"bar-population\""))
            let csv = try await olga.get(path + "/kosten?betrag=80000&methode=gleich&format=csv")
            #expect(
                csv.body.hasPrefix("\u{FEFF}Mitglied;") && csv.body.contains("Ahlen;05570004;52666;26666,67;0,00;26666,67")
                    && csv.body.contains("Zweckverband Bauhof Münsterland;zv-"))
            #expect(try await olga.get(path + "/kosten?betrag=abc").status == .unprocessableEntity)
            #expect(try await Browser(app).get(path).status == .unauthorized)
            let (_, stranger) = try await ItemFixture.member("max@muenster.de", of: ["05515000"], app: app)
            #expect(try await stranger.get(path + "/kosten?betrag=100").status == .forbidden)
        }
    }

    /// `GET /api/v1/verbuende/{id}` with a personal API token.
    static func api(_ app: Application, _ id: String, token: String) async throws -> (status: HTTPStatus, body: String) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        var result: (HTTPStatus, String)!
        try await app.testing().test(.GET, "/api/v1/verbuende/\(id)", headers: headers) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    /// A personal API token of `user`, stored as the token page would.
    static func token(for user: UserModel, on app: Application) async throws -> String {
        let secret = "aw_" + SecureToken.make()
        try await APITokenModel(userID: user.requireID(), name: "Test", tokenHash: SecureToken.hash(secret), expiresAt: nil).create(on: app.db)
        return secret
    }

    @Test(
        "access follows the membership state: invited towns see the invitation, declined and expired ones nothing", arguments: TestDatabase.available)
    func accessFollowsMembership(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (annaUser, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (olgaUser, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (weraUser, wera) = try await ItemFixture.member("wera@warendorf.de", of: [Self.warendorf], app: app)
            let item = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .vorhaben, title: "Gemeinsamer Bauhof", fields: [.digitaleVerwaltung], town: Self.ahlen, status: .partnerGesucht))
            try await anna.get("/eintraege/\(item)")
            let id = Self.verbundID(try await anna.post("/verbuende", ["eintrag": item]).headers)
            let path = "/verbuende/\(id)"
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/termine", ["art": "frist", "titel": "Antrag IKZ", "datum": "2030-01-15", "verantwortlich": Self.ahlen])
                    .status == .seeOther)
            let dateID = try #require(try await VerbundDateModel.query(on: app.db).first()?.id).uuidString.lowercased()
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.warendorf, "rolle": "partner"]).status == .seeOther)
            let invitations = try await VerbundMemberModel.query(on: app.db).all()
            let oeldeInvite = try #require(invitations.first { $0.memberKey == Self.oelde })
            let warendorfInvite = try #require(invitations.first { $0.memberKey == Self.warendorf })
            let olgaToken = try await Self.token(for: olgaUser, on: app)
            let weraToken = try await Self.token(for: weraUser, on: app)
            let annaToken = try await Self.token(for: annaUser, on: app)

            // invited: what is needed to decide, nothing more
            let invited = try await olga.get(path)
            #expect(invited.status == .ok && invited.body.contains("Sie sind in diesen Verbund eingeladen") && invited.body.contains("Annehmen"))
            #expect(invited.body.contains("federführende Kommune: Ahlen") && invited.body.contains("Gemeinsamer Bauhof"))
            #expect(!invited.body.contains("Antrag IKZ") && !invited.body.contains("Warendorf") && !invited.body.contains("/kosten"))
            #expect(try await olga.get(path + "/kosten").status == .forbidden)
            #expect(try await Self.api(app, id, token: olgaToken).status == .forbidden)
            #expect(try await olga.get("/eintraege/\(item)").body.contains(path))
            #expect(try await olga.get("/anfragen").body.contains("Einladungen in Verbünde"))

            // Oelde declines; Warendorf lets its invitation expire
            try await olga.get(path)
            let declined = try await olga.post(
                path + "/mitglieder/\(oeldeInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "ablehnen"])
            #expect(declined.status == .seeOther && declined.headers.redirectPath == "/anfragen")
            warendorfInvite.expiresAt = Date().addingTimeInterval(-60)
            try await warendorfInvite.save(on: app.db)

            for (town, browser, token, reason) in [
                (Self.oelde, olga, olgaToken, "Ihre Kommune hat die Einladung in diesen Verbund abgelehnt"),
                (Self.warendorf, wera, weraToken, "Die Einladung Ihrer Kommune in diesen Verbund ist abgelaufen"),
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .forbidden && page.body.contains(reason), "\(town): Arbeitsbereich")
                #expect(!page.body.contains("Gemeinsamer Bauhof") && !page.body.contains("Antrag IKZ"), "\(town)")
                for costs in [
                    path + "/kosten", path + "/kosten?betrag=80000&methode=gleich", path + "/kosten?betrag=80000&methode=gleich&format=csv",
                ] {
                    let answer = try await browser.get(costs)
                    #expect(answer.status == .forbidden && answer.body.contains(reason) && !answer.body.contains("Ahlen;"), "\(town): \(costs)")
                }
                let api = try await Self.api(app, id, token: token)
                #expect(api.status == .forbidden && api.body.contains(reason) && !api.body.contains("Antrag IKZ"), "\(town): API")
                try await browser.get("/konto")
                #expect(
                    try await browser.post(path + "/termine", ["art": "aufgabe", "titel": "Heimlich", "datum": "2030-02-01", "verantwortlich": town])
                        .status == .forbidden)
                #expect(try await browser.post(path + "/termine/\(dateID)/erledigt", [:]).status == .forbidden)
                #expect(try await browser.post(path + "/kalender", [:]).status == .forbidden)
                #expect(
                    try await browser.post(
                        path + "/mitglieder/\((town == Self.oelde ? oeldeInvite : warendorfInvite).id!.uuidString.lowercased())/entscheidung",
                        ["entscheidung": "annehmen"]
                    ).status != .seeOther)
                // the town's own deadline calendar has none of the Verbund's dates
                try await browser.get("/kommunen/\(town)/kalender")
                let linkPage = try await browser.post("/kommunen/\(town)/kalender", [:])
                let link = try #require(linkPage.body.firstMatch(of: /\/kalender\/kommunen\/[A-Za-z0-9_-]+\.ics/)).output
                let ics = try await Browser(app).get(String(link))
                #expect(ics.status == .ok && !ics.body.contains("Antrag IKZ"), "\(town): Kalender")
                // no link from the Vorhaben, no invitation on the requests page
                #expect(!(try await browser.get("/eintraege/\(item)").body.contains(path)), "\(town): Vorhaben")
                #expect(!(try await browser.get("/anfragen").body.contains("Einladungen in Verbünde")), "\(town): Anfragen")
            }
            let late = try await wera.post(
                path + "/mitglieder/\(warendorfInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
            #expect(late.status == .gone && late.body.contains("Die Einladung ist am"))
            #expect(try await VerbundMemberModel.find(warendorfInvite.id, on: app.db)?.statusValue == .invited)

            // the lead still sees everything, with the next date due
            #expect(try await anna.get(path).body.contains("Als Nächstes fällig: </strong>15.01.2030 – Frist: Antrag IKZ (Ahlen)"))
            #expect(try await anna.get(path + "/kosten?betrag=80000&methode=gleich&format=csv").body.contains("Ahlen;05570004"))
            let leadAPI = try await Self.api(app, id, token: annaToken)
            #expect(leadAPI.status == .ok && leadAPI.body.contains("Antrag IKZ"))

            // the lead may invite again; then Oelde sees the invitation again, and after accepting everything
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.oelde, "rolle": "partner"]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.oelde, "rolle": "partner"]).status == .conflict)
            let again = try await olga.get(path)
            #expect(again.status == .ok && again.body.contains("Sie sind in diesen Verbund eingeladen") && !again.body.contains("Antrag IKZ"))
            #expect(
                try await olga.post(path + "/mitglieder/\(oeldeInvite.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"]).status
                    == .seeOther)
            #expect(try await olga.get(path).body.contains("Antrag IKZ"))
            #expect(try await Self.api(app, id, token: olgaToken).status == .ok)
        }
    }
}
