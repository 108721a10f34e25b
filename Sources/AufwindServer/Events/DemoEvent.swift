import AufwindCore
import Fluent
import Foundation
import Vapor

/// A generated barcamp for benchmarks and demonstrations: rooms, two days of slots, sessions
/// with hosts, registered participants with their interests (from `ScheduleInstanceGenerator`),
/// planned by the optimiser and published. Participants are generated names without accounts.
struct DemoEvent {
    let database: any Database
    let threadPool: NIOThreadPool

    static let topics = [
        "Radwege zwischen den Ortsteilen", "Digitale Schule ohne eigene IT", "Kommunale Wärmeplanung gemeinsam", "Ehrenamt digital organisieren",
        "Leerstand im Ortskern", "Bürgerbus und Rufbus", "Gemeinsamer Bauhof", "Fachkräfte für die Verwaltung", "Online-Zugangsgesetz umsetzen",
        "Dorfläden und Nahversorgung", "Photovoltaik auf kommunalen Dächern", "Schulwege sicher machen",
    ]

    func generate(town: String, townName: String, sessions: Int, participants: Int, seed: UInt64, now: Date) async throws -> EventModel {
        let instance = ScheduleInstanceGenerator(seed: seed).instance(participants: participants, sessions: sessions, rooms: 8, slots: 8)
        let first = ISODay.adding(14, to: ISODay.today(now))
        let input = EventInput(
            title: "Demo-Barcamp der Kleinstädte (\(sessions) Sessions)", description: "Erzeugte Veranstaltung für Lasttests und Vorführungen.",
            firstDay: first, lastDay: ISODay.adding(1, to: first), place: "\(townName), Rathaus", onlineURL: "",
            capacity: participants + 100, meetingTables: 10)
        let event = try await EventService(database: database).create(input, organiserType: .kommune, organiserKey: town, organiserName: townName)
        event.phase = EventPhase.planen.rawValue
        try await event.update(on: database)
        let eventID = try event.requireID()
        let people = Dictionary(uniqueKeysWithValues: instance.participants.map { ($0.id, UUID()) })
        try await database.transaction { db in
            for (index, room) in instance.rooms.enumerated() {
                let model = EventRoomModel(eventID: eventID, name: "Raum \(index + 1)", capacity: room.capacity)
                model.createdAt = now.addingTimeInterval(Double(index))
                try await model.create(on: db)
            }
            let starts = [570, 645, 810, 885]
            for (index, _) in instance.slots.enumerated() {
                let day = index < 4 ? first : ISODay.adding(1, to: first)
                try await EventSlotModel(
                    eventID: eventID, slot: .init(id: "", day: day, start: starts[index % 4], end: starts[index % 4] + 60, kind: .session)
                ).create(on: db)
            }
            // Lunch and a 1:1 window on both days, so the programme shows what a real grid holds.
            for day in [first, ISODay.adding(1, to: first)] {
                for (start, end, kind) in [(720, 800, SlotGrid.Kind.pause), (960, 1020, .treffen)] {
                    try await EventSlotModel(eventID: eventID, slot: .init(id: "", day: day, start: start, end: end, kind: kind)).create(on: db)
                }
            }
            for (index, participant) in instance.participants.enumerated() {
                let registration = EventRegistrationModel()
                registration.eventID = eventID
                registration.userID = people[participant.id]!
                registration.userName = "Teilnehmerin \(index + 1)"
                registration.participantType = EventRegistration.ParticipantType.kommune.rawValue
                registration.orgKey = ""
                registration.orgName = "Demo"
                registration.status = EventRegistrationModel.Status.bestaetigt.rawValue
                registration.sequence = index
                try await registration.create(on: db)
            }
            var sessionIDs: [String: UUID] = [:]
            for (index, session) in instance.sessions.enumerated() {
                let model = EventSessionModel()
                model.eventID = eventID
                model.number = index + 1
                model.title = "\(Self.topics[index % Self.topics.count]) (\(index + 1))"
                model.summary = "Erfahrungen austauschen und gemeinsam anpacken."
                model.handlungsfeld = Handlungsfeld.allCases[index % Handlungsfeld.allCases.count].rawValue
                model.format = SessionFormat.allCases[index % SessionFormat.allCases.count].rawValue
                model.cancelled = false
                model.unavailableSlots = ""
                model.result = ""
                try await model.create(on: db)
                sessionIDs[session.id] = try model.requireID()
                for host in session.hosts {
                    try await EventSessionHostModel(sessionID: model.requireID(), userID: people[host]!, userName: "Teilnehmerin \(host.dropFirst())")
                        .create(on: db)
                }
            }
            for participant in instance.participants {
                for interest in participant.interests {
                    try await EventVoteModel(eventID: eventID, sessionID: sessionIDs[interest]!, userID: people[participant.id]!).create(on: db)
                }
            }
        }
        let planning = PlanningService(database: database)
        _ = try await planning.optimise(try await planning.board(event), threadPool: threadPool)
        _ = try await planning.publish(try await planning.board(event), by: "Demo")
        return event
    }
}
