import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Events: registration, barcamp phases, planning, published versions, exports, results")
struct EventFlowTests {
    typealias F = EventFixture

    /// The objective of the issue, computed here from scratch (independent of the optimiser):
    /// Σ over participants and slots of min(1, sessions they host or want there) − Σ overflow.
    static func independentScore(_ instance: ScheduleInstance, _ plan: Schedule) -> Int {
        let slotOf = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.session, $0.slot) })
        let roomOf = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.session, $0.room) })
        var covered = 0
        for participant in instance.participants {
            var wanted = Set(participant.interests)
            for session in instance.sessions where session.hosts.contains(participant.id) { wanted.insert(session.id) }
            covered += Set(wanted.compactMap { slotOf[$0] }).count
        }
        var overflow = 0
        for session in instance.sessions {
            guard let room = roomOf[session.id], let capacity = instance.rooms.first(where: { $0.id == room })?.capacity else { continue }
            let interested = instance.participants.filter { $0.interests.contains(session.id) }.count
            overflow += max(0, interested - capacity)
        }
        return covered - overflow
    }

    @Test(
        "found an event, register with waitlist, propose, vote only while voting, plan, pin, publish twice, export, agenda, result as Vorhaben",
        arguments: TestDatabase.available)
    func barcamp(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [F.oelde], app: app)
            let (_, cleo) = try await ItemFixture.member("cleo@warendorf.de", of: [F.warendorf], app: app)
            let bertUser = try await AccountFixture.user("bert@example.org", on: app)
            let bert = try await AccountFixture.signedIn(bertUser, app: app)

            // Founding: bad input changes nothing; a town member founds for her town only
            try await anna.get("/veranstaltungen/neu")
            let bad = try await anna.post(
                "/veranstaltungen",
                [
                    "veranstalter": "kommune:\(F.ahlen)", "titel": "X", "erster_tag": F.day(9), "letzter_tag": F.day(7),
                    "ort": "", "online": "", "plaetze": "0", "tische": "1",
                ])
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("Der letzte Tag liegt vor dem ersten.")
                    && bad.body.contains("Ort oder einen Online-Link"))
            #expect(try await EventModel.query(on: app.db).count() == 0)
            #expect(
                try await anna.post(
                    "/veranstaltungen", ["veranstalter": "kommune:\(F.oelde)", "titel": "Fremd", "erster_tag": F.day(7), "ort": "x", "plaetze": "5"]
                ).status == .forbidden)
            let path = try await F.create(anna, town: F.ahlen, capacity: 3, tables: 1)
            #expect(try await bert.get("/veranstaltungen").body.contains("Kleinstadt-Barcamp Westfalen"))

            // Rooms and a slot grid with a break; an overlap is refused
            try await anna.get(path)
            #expect(try await anna.post(path + "/raeume", ["name": "Ratssaal", "kapazitaet": "40"]).status == .seeOther)
            #expect(try await anna.post(path + "/raeume", ["name": "Foyer", "kapazitaet": "1"]).status == .seeOther)
            for (from, to, kind) in [
                ("10:00", "10:45", "session"), ("10:45", "11:00", "pause"), ("11:00", "11:45", "session"), ("14:00", "14:20", "treffen"),
            ] {
                #expect(try await anna.post(path + "/zeitfenster", ["tag": F.day(7), "von": from, "bis": to, "art": kind]).status == .seeOther)
            }
            let overlap = try await anna.post(path + "/zeitfenster", ["tag": F.day(7), "von": "10:30", "bis": "11:15", "art": "session"])
            #expect(overlap.status == .unprocessableEntity && overlap.body.contains("überschneidet sich mit 10:00–10:45"))
            #expect(try await EventSlotModel.query(on: app.db).count() == 4)
            try await olga.get(path)
            #expect(try await olga.post(path + "/raeume", ["name": "Keller", "kapazitaet": "5"]).status == .forbidden)

            // Registration: three places, then the waitlist moves up when someone cancels
            for (browser, choice) in [(anna, "kommune:\(F.ahlen)"), (olga, "kommune:\(F.oelde)"), (bert, "sonstige")] {
                try await browser.get(path)
                let response = try await browser.post(path + "/anmelden", ["fuer": choice, "organisation": "Heimatverein"])
                #expect(response.status == .ok && response.body.contains("Sie sind angemeldet."))
            }
            try await cleo.get(path)
            let waiting = try await cleo.post(path + "/anmelden", ["fuer": "kommune:\(F.warendorf)"])
            #expect(waiting.body.contains("Warteliste") && waiting.body.contains("Platz 1"))
            #expect(try await cleo.post(path + "/anmelden", ["fuer": "kommune:\(F.warendorf)"]).status == .conflict)
            #expect(try await bert.get(path).body.contains("Teilnehmende"))
            #expect(try await bert.post(path + "/abmelden", [:]).status == .seeOther)
            let cleoRegistration = try #require(try await EventRegistrationModel.query(on: app.db).filter(\.$userName == "cleo").first())
            #expect(cleoRegistration.statusValue == .bestaetigt)
            #expect(try await cleo.get("/benachrichtigungen").body.contains("Ein Platz ist frei geworden"))
            #expect(try await bert.get(path).body.contains("Teilnehmende") == false)

            // Topics: proposals; voting before the voting phase is refused
            let sessionsPath = path + "/sessions"
            func propose(_ browser: Browser, _ title: String, _ field: String) async throws -> String {
                try await browser.get(sessionsPath)
                let response = try await browser.post(
                    sessionsPath, ["titel": title, "kurzbeschreibung": "Erfahrungen teilen", "handlungsfeld": field, "format": "diskussion"])
                #expect(response.status == .seeOther, "\(response.body.prefix(600))")
                return F.id(response.headers.first(name: .location))
            }
            let radwege = try await propose(olga, "Radwege gemeinsam planen", "mobilitaet")
            let schule = try await propose(anna, "Digitale Schule", "schule-bildung")
            let ehrenamt = try await propose(cleo, "Ehrenamt stärken", "engagement-ehrenamt")
            try await olga.get(sessionsPath)
            let invalid = try await olga.post(sessionsPath, ["titel": "A", "handlungsfeld": "mond", "format": "tanz"])
            #expect(invalid.status == .unprocessableEntity && invalid.body.contains("Unbekannter Wert „mond“"))
            #expect(try await olga.post(sessionsPath + "/\(schule)/stimme", ["interesse": "ja"]).status == .conflict)

            // Voting: only the organiser switches phases; the ballot does not list early proposals first for everybody
            #expect(try await olga.post(path + "/phase", ["phase": "abstimmen"]).status == .forbidden)
            #expect(try await anna.post(path + "/phase", ["phase": "abstimmen"]).status == .seeOther)
            for (browser, session) in [(anna, radwege), (cleo, radwege), (cleo, schule), (olga, schule)] {
                try await browser.get(sessionsPath)
                #expect(try await browser.post(sessionsPath + "/\(session)/stimme", ["interesse": "ja"]).status == .seeOther)
            }
            #expect(try await olga.get(sessionsPath).body.contains("Interesse zurücknehmen: Digitale Schule"))
            #expect(try await anna.post(path + "/phase", ["phase": "planen"]).status == .seeOther)
            try await olga.get(sessionsPath)
            let late = try await olga.post(sessionsPath + "/\(radwege)/stimme", ["interesse": "ja"])
            #expect(late.status == .conflict && late.body.contains("Abgestimmt wird nur in der Phase „Abstimmen“"))
            #expect(try await EventVoteModel.query(on: app.db).count() == 4)

            // Hosts: the last host cannot leave; after adding Cleo, Olga may
            try await olga.get(sessionsPath + "/\(radwege)")
            let olgaID = try #require(try await UserModel.query(on: app.db).filter(\.$email == "olga@oelde.de").first()?.id).uuidString.lowercased()
            let cleoID = cleoRegistration.userID.uuidString.lowercased()
            let alone = try await olga.post(sessionsPath + "/\(radwege)/leitung/\(olgaID)/entfernen", [:])
            #expect(alone.status == .conflict && alone.body.contains("mindestens eine Leitung"))
            #expect(try await olga.post(sessionsPath + "/\(radwege)/leitung", ["person": cleoID]).status == .seeOther)
            try await olga.get(sessionsPath + "/\(radwege)")
            #expect(try await olga.post(sessionsPath + "/\(radwege)/leitung/\(olgaID)/entfernen", [:]).status == .seeOther)

            // Planning: the optimiser's plan keeps the hard constraints; its score is the independent one
            let planning = path + "/planung"
            #expect(try await olga.get(planning).status == .forbidden)
            try await anna.get(planning)
            #expect(try await anna.post(planning + "/optimieren", [:]).body.contains("Plan berechnet"))
            let event = try #require(try await EventModel.query(on: app.db).first())
            let service = PlanningService(database: app.db)
            var board = try await service.board(event)
            let plan = board.plan
            #expect(plan.assignments.count == 3)
            #expect(Set(plan.assignments.map { "\($0.room)|\($0.slot)" }).count == 3)
            let optimiser = try ScheduleOptimizer(board.instance)
            #expect(optimiser.conflicts(in: plan).isEmpty)
            #expect(optimiser.evaluate(plan).score == Self.independentScore(board.instance, plan))
            // Cleo hosts Radwege and Ehrenamt: never in the same slot
            let slotOf = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.session, $0.slot) })
            #expect(slotOf[radwege] != slotOf[ehrenamt])

            // Pins that contradict are refused and change nothing; a hand move shows the conflict
            try await anna.get(planning)
            #expect(try await anna.post(planning + "/festlegen", ["session": radwege, "festlegen": "ja"]).status == .seeOther)
            board = try await service.board(event)
            let radwegeCell = try #require(board.assignments[UUID(uuidString: radwege)!])
            let otherRoom = try #require(board.rooms.first { $0.id != radwegeCell.roomID }?.id)
            try await anna.get(planning)
            #expect(
                try await anna.post(
                    planning + "/verschieben",
                    ["session": ehrenamt, "zelle": "\(otherRoom.uuidString.lowercased())|\(radwegeCell.slotID.uuidString.lowercased())"]
                ).status == .seeOther)
            let grid = try await anna.get(planning)
            #expect(grid.body.contains("cleo leitet in") && grid.body.contains("mehrere Sessions"))
            let contradiction = try await anna.post(planning + "/festlegen", ["session": ehrenamt, "festlegen": "ja"])
            #expect(
                contradiction.status == .conflict && contradiction.body.contains("Die Festlegung widerspricht dem Plan")
                    && contradiction.body.contains("Der Plan bleibt unverändert"))
            #expect(try await EventAssignmentModel.find(UUID(uuidString: ehrenamt), on: app.db)?.pinned == false)
            // Moving onto a pinned session is refused; re-planning resolves the conflict and keeps the pin
            try await anna.get(planning)
            #expect(
                try await anna.post(
                    planning + "/verschieben",
                    ["session": schule, "zelle": "\(radwegeCell.roomID.uuidString.lowercased())|\(radwegeCell.slotID.uuidString.lowercased())"]
                ).status == .conflict)
            #expect(try await anna.post(planning + "/optimieren", [:]).status == .ok)
            board = try await service.board(event)
            #expect(service.conflicts(board, optimiser: try ScheduleOptimizer(board.instance)).isEmpty)
            #expect(
                board.assignments[UUID(uuidString: radwege)!]?.slotID == radwegeCell.slotID
                    && board.assignments[UUID(uuidString: radwege)!]?.pinned == true)

            // Publishing: version 1, then a move and version 2 with the change list
            try await anna.get(planning)
            #expect(try await anna.post(planning + "/veroeffentlichen", [:]).body.contains("Version 1 veröffentlicht"))
            let anonymous = Browser(app)
            let first = try await anonymous.get(path + "/programm")
            #expect(first.status == .ok && first.body.contains("Radwege gemeinsam planen") && first.body.contains("Version 1"))
            board = try await service.board(event)
            let schuleCell = try #require(board.assignments[UUID(uuidString: schule)!])
            let free = try #require(
                board.slots.flatMap { slot in board.rooms.map { ($0.id!, slot.id!) } }.first { cell in
                    !board.assignments.values.contains { $0.roomID == cell.0 && $0.slotID == cell.1 }
                        && cell.1 != board.assignments[UUID(uuidString: ehrenamt)!]?.slotID
                })
            try await anna.get(planning)
            #expect(
                try await anna.post(
                    planning + "/verschieben", ["session": schule, "zelle": "\(free.0.uuidString.lowercased())|\(free.1.uuidString.lowercased())"]
                ).status == .seeOther)
            #expect(try await anna.post(planning + "/veroeffentlichen", [:]).body.contains("Version 2 veröffentlicht mit 1 Änderungen"))
            let second = try await anonymous.get(path + "/programm")
            #expect(second.body.contains("Version 2") && second.body.contains("„Digitale Schule“ verschoben"))
            #expect(schuleCell.slotID != free.1 || schuleCell.roomID != free.0)
            #expect(try await olga.get("/benachrichtigungen").body.contains("Programm von „Kleinstadt-Barcamp Westfalen“ geändert (Version 2)"))

            // Exports parse back: iCal (timed, UTC), Frab XML and JSON
            let ics = try await anonymous.get(path + "/programm.ics")
            #expect(ics.headers.contentType?.subType == "calendar")
            let vevents = ics.body.components(separatedBy: "\r\n").filter { $0 == "BEGIN:VEVENT" }.count
            #expect(vevents == 3 && ics.body.contains("SUMMARY:Radwege gemeinsam planen") && ics.body.contains("LOCATION:"))
            #expect(ics.body.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTART:") }.allSatisfy { $0.hasSuffix("Z") && $0.count == 24 })
            let xml = try await anonymous.get(path + "/programm.xml")
            let document = try XMLDocument(xmlString: xml.body, options: [])
            let events = try document.nodes(forXPath: "//event")
            #expect(events.count == 3)
            #expect(
                Set(try document.nodes(forXPath: "//event/title").compactMap(\.stringValue)) == [
                    "Radwege gemeinsam planen", "Digitale Schule", "Ehrenamt stärken",
                ])
            #expect(try document.nodes(forXPath: "//event/duration").compactMap(\.stringValue).allSatisfy { $0 == "00:45" })
            let json = try await anonymous.get(path + "/programm.json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            let conference = try #require((object["schedule"] as? [String: Any])?["conference"] as? [String: Any])
            let days = try #require(conference["days"] as? [[String: Any]])
            #expect(days.count == 2 && days.compactMap { $0["rooms"] as? [String: [[String: Any]]] }.flatMap { $0.values.flatMap { $0 } }.count == 3)
            #expect(try await anonymous.get(path + "/raumschilder").body.contains("Ratssaal"))

            // Participant CSV for the organiser only
            let csv = try await anna.get(path + "/teilnehmende.csv")
            #expect(csv.body.hasPrefix("\u{FEFF}Name;Art;Für;Status") && csv.body.contains("cleo;Kommune;Warendorf"))
            #expect(try await olga.get(path + "/teilnehmende.csv").status == .forbidden)

            // Personal agenda: own sessions and sessions of interest, also as iCal
            let agenda = try await cleo.get(path + "/agenda")
            #expect(
                agenda.body.contains("Radwege gemeinsam planen") && agenda.body.contains("eigene Session") && agenda.body.contains("Digitale Schule"))
            #expect(try await cleo.get(path + "/agenda.ics").body.components(separatedBy: "BEGIN:VEVENT").count == 4)
            #expect(try await bert.get(path + "/agenda").status == .forbidden)

            // Results: the host records one and adopts it as a draft Vorhaben with interested towns as partners
            try await cleo.get(sessionsPath + "/\(radwege)")
            #expect(
                try await cleo.post(sessionsPath + "/\(radwege)/ergebnis", ["ergebnis": "Wir planen ein gemeinsames Radwegekonzept."]).status == .ok)
            #expect(try await anna.post(sessionsPath + "/\(radwege)/ergebnis", ["ergebnis": "x"]).status == .forbidden)
            let adopted = try await cleo.post(sessionsPath + "/\(radwege)/vorhaben", ["kommune": F.warendorf])
            #expect(adopted.status == .seeOther)
            let itemID = try #require(UUID(uuidString: F.id(adopted.headers.first(name: .location))))
            let item = try #require(try await CooperationItemModel.find(itemID, on: app.db))
            #expect(item.ownerKey == F.warendorf && item.input.published == false && item.input.kind == .vorhaben)
            let partners = try await ItemPartnerSuggestionModel.query(on: app.db).filter(\.$itemID == itemID).all().map(\.townKey)
            #expect(partners == [F.ahlen])
            #expect(try await cleo.get("/eintraege/\(itemID.uuidString.lowercased())").body.contains("Vorgeschlagene Partner"))
            #expect(
                try await cleo.post(sessionsPath + "/\(radwege)/vorhaben", ["kommune": F.warendorf]).headers.first(name: .location)
                    == adopted.headers.first(name: .location))
        }
    }
}
