import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Editing an event: facts, days and places, rooms with their sessions; forms that keep what was chosen")
struct EventEditTests {
    typealias F = EventFixture

    static func notices(_ app: Application, _ email: String) async throws -> [String] {
        guard let id = try await UserModel.query(on: app.db).filter(\.$email == email).first()?.id else { throw FixtureFailure("no user \(email)") }
        return try await NotificationModel.query(on: app.db).filter(\.$userID == id).all().map(\.text)
    }

    static func editForm(_ event: EventModel, _ changes: [String: String]) -> [String: String] {
        [
            "version": String(event.version), "titel": event.title, "beschreibung": event.description, "erster_tag": event.firstDay,
            "letzter_tag": event.lastDay, "ort": event.place, "online": event.onlineURL, "plaetze": String(event.capacity),
            "tische": String(event.meetingTables),
        ].merging(changes) { $1 }
    }

    @Test(
        "the team moves the event by two days to another place with more seats: the grid moves along, the registered hear of it",
        arguments: TestDatabase.available)
    func moveTheEvent(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.registered(app)
            try await barcamp.register(barcamp.bert, "sonstige")  // full: Bert waits
            #expect(try await EventRegistrationModel.query(on: app.db).filter(\.$status == "warteliste").count() == 1)
            #expect(try await barcamp.olga.get(barcamp.path + "/bearbeiten").status == .forbidden)
            let form = try await barcamp.anna.get(barcamp.path + "/bearbeiten")
            #expect(form.status == .ok && form.body.contains("Änderungen speichern"))
            let saved = try await barcamp.anna.post(
                barcamp.path + "/bearbeiten",
                Self.editForm(
                    try await barcamp.event,
                    ["titel": "Barcamp Westfalen 2", "erster_tag": F.day(9), "letzter_tag": F.day(10), "ort": "Stadthalle Oelde", "plaetze": "4"]))
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == barcamp.path + "?erfolg=veranstaltung-gespeichert")
            let event = try await barcamp.event
            #expect(event.title == "Barcamp Westfalen 2" && event.firstDay == F.day(9) && event.place == "Stadthalle Oelde" && event.capacity == 4)
            #expect(Set(try await EventSlotModel.query(on: app.db).all().map(\.day)) == [F.day(9)])
            #expect(try await EventRegistrationModel.query(on: app.db).filter(\.$status == "warteliste").count() == 0)
            for email in ["olga@oelde.de", "cleo@warendorf.de"] {
                #expect(try await Self.notices(app, email).contains { $0.contains("hat sich geändert") && $0.contains("Stadthalle Oelde") })
            }
            #expect(!(try await Self.notices(app, "anna@ahlen.de")).contains { $0.contains("hat sich geändert") })
            #expect(try await Self.notices(app, "bert@example.org").contains { $0.contains("Platz ist frei geworden") })
        }
    }

    @Test("a first day in the past is refused: nothing changes and the form keeps every input", arguments: TestDatabase.available)
    func pastFirstDay(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.withRooms(app)
            let before = try await barcamp.event
            try await barcamp.anna.get(barcamp.path + "/bearbeiten")
            let refused = try await barcamp.anna.post(
                barcamp.path + "/bearbeiten",
                Self.editForm(
                    before, ["titel": "Ganz neuer Titel", "erster_tag": F.day(-1), "letzter_tag": F.day(0), "ort": "Neuer Ort", "tische": "5"]))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Der erste Tag darf nicht in der Vergangenheit liegen."))
            for typed in ["value=\"Ganz neuer Titel\"", "value=\"\(F.day(-1))\"", "value=\"Neuer Ort\"", "value=\"5\""] {
                #expect(refused.body.contains(typed), "\(typed)")
            }
            let after = try await barcamp.event
            #expect(
                after.title == before.title && after.firstDay == before.firstDay && after.place == before.place && after.version == before.version)
            #expect(Set(try await EventSlotModel.query(on: app.db).all().map(\.day)) == [F.day(7)])
        }
    }

    @Test(
        "shorter days that would leave a slot outside are refused; a form opened before another change is refused with the input kept",
        arguments: TestDatabase.available)
    func slotsOutsideAndStaleForms(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.withRooms(app)
            try await barcamp.anna.get(barcamp.path)
            #expect(
                try await barcamp.anna.post(barcamp.path + "/zeitfenster", ["tag": F.day(8), "von": "09:00", "bis": "09:45", "art": "session"]).status
                    == .seeOther)
            let opened = try await barcamp.event
            try await barcamp.anna.get(barcamp.path + "/bearbeiten")
            // A one-day event would leave the slot of the second day outside: refused.
            let outside = try await barcamp.anna.post(barcamp.path + "/bearbeiten", Self.editForm(opened, ["letzter_tag": F.day(7)]))
            #expect(outside.status == .unprocessableEntity && outside.body.contains("außerhalb der Veranstaltungstage"))
            #expect(try await barcamp.event.lastDay == F.day(8))
            // Olga registers meanwhile; Anna's form carries the old version.
            try await barcamp.register(barcamp.olga, "kommune:\(F.oelde)")
            try await barcamp.anna.get(barcamp.path + "/bearbeiten")
            let stale = try await barcamp.anna.post(barcamp.path + "/bearbeiten", Self.editForm(opened, ["titel": "Mein neuer Titel"]))
            #expect(stale.status == .conflict && stale.body.contains("inzwischen geändert") && stale.body.contains("value=\"Mein neuer Titel\""))
            #expect(try await barcamp.event.title == opened.title)
            let fresh = try await barcamp.event
            let retried = try await barcamp.anna.post(barcamp.path + "/bearbeiten", Self.editForm(fresh, ["titel": "Mein neuer Titel"]))
            #expect(retried.status == .seeOther)
            #expect(try await barcamp.event.title == "Mein neuer Titel")
        }
    }

    @Test(
        "removing a room with sessions asks first; moving them keeps them, unscheduling takes them out; hosts and voters hear of it",
        arguments: TestDatabase.available)
    func removeRoomWithSessions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.published(app)
            let event = try await barcamp.event
            let rooms = try await EventRoomModel.query(on: app.db).all()
            let assignments = try await EventAssignmentModel.query(on: app.db).all()
            let used = try #require(rooms.first { room in assignments.contains { $0.roomID == room.id } })
            let other = try #require(rooms.first { $0.id != used.id })
            let inUsed = assignments.filter { $0.roomID == used.id }
            let sessions = try await EventSessionModel.query(on: app.db).filter(\.$id ~~ inUsed.compactMap(\.id)).all()
            let removal = barcamp.path + "/raeume/\(used.key)/entfernen"

            let asked = try await barcamp.anna.get(removal)
            #expect(asked.status == .ok && sessions.allSatisfy { asked.body.contains($0.title) })
            #expect(try await barcamp.olga.get(removal).status == .forbidden)
            let undecided = try await barcamp.anna.post(removal, [:])
            #expect(undecided.status == .unprocessableEntity && undecided.body.contains("was mit den Sessions"))
            #expect(try await EventRoomModel.find(used.id, on: app.db) != nil)

            // The other room is taken in a slot, if two sessions ran at once: then a move is refused.
            let clash = assignments.contains { a in a.roomID == other.id && inUsed.contains { $0.slotID == a.slotID } }
            if clash {
                try await barcamp.anna.get(removal)
                let refused = try await barcamp.anna.post(removal, ["sessions": "verschieben", "ziel": other.key])
                #expect(refused.status == .conflict && refused.body.contains("zur selben Zeit"))
            }
            // A new room that is free: the sessions move there, in their slots.
            try await barcamp.anna.get(barcamp.path)
            #expect(try await barcamp.anna.post(barcamp.path + "/raeume", ["name": "Aula", "kapazitaet": "60"]).status == .seeOther)
            let aula = try #require(try await EventRoomModel.query(on: app.db).filter(\.$name == "Aula").first())
            try await barcamp.anna.get(removal)
            let moved = try await barcamp.anna.post(removal, ["sessions": "verschieben", "ziel": aula.key])
            #expect(moved.status == .seeOther && moved.headers.first(name: .location) == barcamp.path + "/bearbeiten?erfolg=raum-entfernt")
            #expect(try await EventRoomModel.find(used.id, on: app.db) == nil)
            let now = try await EventAssignmentModel.query(on: app.db).filter(\.$id ~~ inUsed.compactMap(\.id)).all()
            #expect(now.count == inUsed.count && now.allSatisfy { $0.roomID == aula.id })
            let version = try #require(try await PlanningService(database: app.db).latestVersion(try event.requireID()))
            #expect(version.number == 2 && sessions.allSatisfy { s in version.placementList.contains { $0.session == s.key && $0.room == "Aula" } })
            // Cleo voted for both sessions (and hosts Radwege): she hears where they went.
            #expect(try await Self.notices(app, "cleo@warendorf.de").contains { $0.contains("Version 2") && $0.contains("→ Aula") })

            // Aula goes too, its sessions out of the plan.
            let aulaRemoval = barcamp.path + "/raeume/\(aula.key)/entfernen"
            try await barcamp.anna.get(aulaRemoval)
            #expect(try await barcamp.anna.post(aulaRemoval, ["sessions": "ausplanen"]).status == .seeOther)
            #expect(try await EventAssignmentModel.query(on: app.db).filter(\.$id ~~ inUsed.compactMap(\.id)).count() == 0)
            let third = try #require(try await PlanningService(database: app.db).latestVersion(try event.requireID()))
            #expect(third.number == 3 && !third.placementList.contains { p in sessions.contains { $0.key == p.session } })
            #expect(try await Self.notices(app, "cleo@warendorf.de").contains { $0.contains("nicht mehr eingeplant") })
            #expect(try await barcamp.bert.get(barcamp.path + "/programm").status == .ok)
        }
    }

    @Test("a renamed room reaches the published programme; a bad room form keeps what was typed", arguments: TestDatabase.available)
    func renameRoom(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.published(app)
            let assignment = try #require(try await EventAssignmentModel.query(on: app.db).first())
            let room = try #require(try await EventRoomModel.find(assignment.roomID, on: app.db))
            try await barcamp.anna.get(barcamp.path + "/bearbeiten")
            let bad = try await barcamp.anna.post(barcamp.path + "/raeume/\(room.key)", ["name": "Großer Saal", "kapazitaet": "0"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("value=\"Großer Saal\"") && bad.body.contains("value=\"0\""))
            #expect(try await EventRoomModel.find(room.id, on: app.db)?.name == room.name)
            let renamed = try await barcamp.anna.post(barcamp.path + "/raeume/\(room.key)", ["name": "Großer Saal", "kapazitaet": "80"])
            #expect(renamed.status == .seeOther && renamed.headers.first(name: .location) == barcamp.path + "/bearbeiten?erfolg=raum-gespeichert")
            let version = try #require(try await PlanningService(database: app.db).latestVersion(try (try await barcamp.event).requireID()))
            #expect(version.number == 2 && version.placementList.contains { $0.room == "Großer Saal" })
            #expect(try await barcamp.bert.get(barcamp.path + "/programm").body.contains("Großer Saal"))
        }
    }

    @Test("the registration form keeps the chosen option on an error", arguments: TestDatabase.available)
    func registrationKeepsChoice(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.withRooms(app)
            try await barcamp.bert.get(barcamp.path)
            let refused = try await barcamp.bert.post(barcamp.path + "/anmelden", ["fuer": "behoerde", "organisation": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Name der Behörde oder Organisation"))
            #expect(refused.body.contains("<option value=\"behoerde\" selected=\"selected\">"))
            #expect(try await EventRegistrationModel.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "an Anbieter pitches without a topic, as the help text says; a refused pitch form keeps every choice",
        arguments: TestDatabase.available)
    func anbieterPitch(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.registered(app)
            let provider = OrganisationModel(
                kind: .anbieter, name: "Radwerk GmbH", website: "https://radwerk.example", description: "",
                foundedBy: try #require(try await UserModel.query(on: app.db).first()?.id))
            provider.status = MembershipModel.Status.confirmed.rawValue
            try await provider.create(on: app.db)
            try await barcamp.anna.get(barcamp.path + "/buehne")
            let created = try await barcamp.anna.post(barcamp.path + "/buehne", ["titel": "Startups", "sekunden": "100"])
            let moderation = try #require(created.headers.redirectPath?.split(separator: "?").first.map(String.init))
            let blockPath = moderation.replacingOccurrences(of: "/moderation", with: "")
            let olga = try await barcamp.userID("olga@oelde.de")
            try await barcamp.anna.get(moderation)
            let refused = try await barcamp.anna.post(
                blockPath + "/pitches",
                ["eintrag": "/eintraege/\(UUID().uuidString)", "anbieter": provider.id!.uuidString, "praesentiert": "", "titel": "", "person": olga])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("<option value=\"\(provider.id!.uuidString)\" selected=\"selected\">"))
            #expect(refused.body.contains("<option value=\"\(olga)\" selected=\"selected\">"))
            let pitched = try await barcamp.anna.post(
                blockPath + "/pitches", ["anbieter": provider.id!.uuidString, "praesentiert": "", "titel": "", "person": ""])
            #expect(pitched.status == .seeOther)
            let pitch = try #require(try await PitchModel.query(on: app.db).first())
            #expect(pitch.presenter == "Radwerk GmbH" && pitch.title == "Vorstellung von Radwerk GmbH" && pitch.organisationID == provider.id)
        }
    }

    @Test("the event API: upcoming events a page at a time, one event with its published programme", arguments: TestDatabase.available)
    func eventAPI(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.published(app)
            _ = try await F.create(barcamp.anna, town: F.ahlen, title: "Zweites Barcamp")
            _ = try await F.create(barcamp.anna, town: F.ahlen, title: "Drittes Barcamp")
            let past = try await F.create(barcamp.anna, town: F.ahlen, title: "Vergangenes Barcamp")
            let pastID = try #require(UUID(uuidString: F.id(past)))
            try await EventModel.query(on: app.db).filter(\.$id == pastID).set(\.$firstDay, to: F.day(-9)).set(\.$lastDay, to: F.day(-8)).update()
            let api = Browser(app)
            let first = try await api.get("/api/v1/veranstaltungen?per_page=2")
            #expect(first.status == .ok)
            let list = try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any]
            #expect(list?["total"] as? Int == 3 && list?["pageCount"] as? Int == 2 && list?["perPage"] as? Int == 2)
            #expect((list?["items"] as? [[String: Any]])?.count == 2)
            let second = try await api.get("/api/v1/veranstaltungen?per_page=2&page=2")
            #expect(!second.body.contains("Vergangenes Barcamp") && !first.body.contains("Vergangenes Barcamp"))
            #expect(try await api.get("/api/v1/veranstaltungen?per_page=0").status == .badRequest)

            let detail = try await api.get("/api/v1/veranstaltungen/\(F.id(barcamp.path))")
            #expect(detail.status == .ok && !detail.body.contains("anna@ahlen.de") && !detail.body.contains("Heimatverein"))
            let event = try #require(try JSONSerialization.jsonObject(with: Data(detail.body.utf8)) as? [String: Any])
            let programme = try #require(event["programm"] as? [String: Any])
            let sessions = try #require(programme["sessions"] as? [[String: Any]])
            #expect(programme["version"] as? Int == 1 && !sessions.isEmpty)
            let radwege = try #require(sessions.first { $0["titel"] as? String == "Radwege gemeinsam planen" })
            #expect(radwege["handlungsfeld"] as? String == "mobilitaet" && radwege["tag"] as? String == F.day(7))
            #expect(["10:00", "11:00"].contains(radwege["beginn"] as? String ?? "") && (radwege["raum"] as? String)?.isEmpty == false)
            let unpublished = try await api.get("/api/v1/veranstaltungen/\(F.id(past))")
            #expect(unpublished.status == .ok && unpublished.body.contains("\"programm\":null"))
            #expect(try await api.get("/api/v1/veranstaltungen/\(UUID().uuidString)").status == .notFound)
        }
    }
}
