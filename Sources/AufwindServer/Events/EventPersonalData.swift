import AufwindCore
import Fluent
import Foundation

/// Event data of an account. The export lists every event it took part in (registered, hosted,
/// voted or met someone) and the pitches it gave. The deletion cancels the registrations (the
/// waitlist moves up), deletes votes and the event profiles, frees the places of agreed meetings, and leaves programmes readable:
/// hosts and meeting partners become "ehemaliges Mitglied" under an id that belongs to no one.
struct EventPersonalData: PersonalDataOwner {
    /// An event the user took part in, with what they did there.
    struct Participation: Encodable, Sendable {
        var veranstaltung: String
        var status: String
        var fuer: String
        var angemeldet: Date?
        var geleiteteSessions: [String]
        var interesseAn: [String]
        var treffen: [String]
        var wirSuchen: String
        var wirBieten: String
        /// Times the person cannot meet, as stored ("<window>@<from>-<to>" in minutes of the day).
        var nichtVerfuegbarFuerTreffen: String
    }
    struct Pitch: Encodable, Sendable {
        var titel: String
        var block: String
        var veranstaltung: String
    }

    static let notRegistered = "nicht angemeldet"

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(EventRegistrationModel.schema, ["user_id", "user_name"], exportedIn: "veranstaltungen")
            + PersonalColumn.anonymised(EventSessionHostModel.schema, ["user_id", "user_name"], exportedIn: "veranstaltungen")
            + PersonalColumn.deleted(EventVoteModel.schema, ["user_id"], exportedIn: "veranstaltungen")
            + PersonalColumn.anonymised(
                MeetingModel.schema, ["requester_id", "requester_name", "invitee_id", "invitee_name"], exportedIn: "veranstaltungen")
            + PersonalColumn.anonymised(PitchModel.schema, ["user_id"], exportedIn: "pitches")
            + PersonalColumn.kept(
                ScheduleVersionModel.schema, ["published_by"],
                because: "the publisher's display name copied into a published programme version, not linked to the account")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let userID = subject.id
        let registrations = try await EventRegistrationModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all()
        let hosted = try await EventSessionHostModel.query(on: db).filter(\.$userID == userID).all()
        let votes = try await EventVoteModel.query(on: db).filter(\.$userID == userID).all()
        let meetings = try await meetings(of: userID, on: db).all()
        let sessionIDs = hosted.map(\.sessionID) + votes.map(\.sessionID)
        let sessions = sessionIDs.isEmpty ? [] : try await EventSessionModel.query(on: db).filter(\.$id ~~ sessionIDs).all()
        let pitches = try await PitchModel.query(on: db).filter(\.$userID == userID).all()
        let blocks = pitches.isEmpty ? [] : try await PitchBlockModel.query(on: db).filter(\.$id ~~ pitches.map(\.blockID)).all()

        var eventIDs: [UUID] = []
        for id in registrations.map(\.eventID) + sessions.map(\.eventID) + meetings.map(\.eventID) + blocks.map(\.eventID)
        where !eventIDs.contains(id) {
            eventIDs.append(id)
        }
        let events = eventIDs.isEmpty ? [] : try await EventModel.query(on: db).filter(\.$id ~~ eventIDs).all()
        func title(_ eventID: UUID) -> String { events.first { $0.id == eventID }?.title ?? "" }

        let participations = eventIDs.filter { id in
            registrations.contains { $0.eventID == id } || sessions.contains { $0.eventID == id } || meetings.contains { $0.eventID == id }
        }.map { eventID in
            let registration = registrations.first { $0.eventID == eventID }
            let inEvent = sessions.filter { $0.eventID == eventID }
            func titles(_ ids: [UUID]) -> [String] { inEvent.filter { ids.contains($0.id!) }.map(\.title) }
            return Participation(
                veranstaltung: title(eventID), status: registration?.status ?? Self.notRegistered, fuer: registration?.orgName ?? "",
                angemeldet: registration?.createdAt, geleiteteSessions: titles(hosted.map(\.sessionID)), interesseAn: titles(votes.map(\.sessionID)),
                treffen: meetings.filter { $0.eventID == eventID }.map {
                    "\($0.requesterID == userID ? "mit " + $0.inviteeName : "mit " + $0.requesterName) (\($0.statusValue.label))"
                }, wirSuchen: registration?.meetingSeeking ?? "", wirBieten: registration?.meetingOffering ?? "",
                nichtVerfuegbarFuerTreffen: registration?.meetingUnavailable ?? "")
        }
        return [
            PersonalDataSection("veranstaltungen", participations),
            PersonalDataSection(
                "pitches",
                pitches.map { pitch in
                    let block = blocks.first { $0.id == pitch.blockID }
                    return Pitch(titel: pitch.title, block: block?.title ?? "", veranstaltung: block.map { title($0.eventID) } ?? "")
                }),
        ]
    }

    /// Event places go to the waitlist first, in their own transactions, as any cancellation.
    func release(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        let registrations = try await EventRegistrationModel.query(on: db).filter(\.$userID == subject.id).all()
        let service = EventService(database: db)
        for registration in registrations {
            guard let event = try await EventModel.find(registration.eventID, on: db) else { continue }
            try await service.notifyMovedUp(try await service.cancel(event, userID: subject.id), event: event, baseURL: context.baseURL)
        }
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        let userID = subject.id
        // Registered meanwhile (between release and this transaction): gone without moving anyone up.
        try await EventRegistrationModel.query(on: db).filter(\.$userID == userID).delete()
        try await EventVoteModel.query(on: db).filter(\.$userID == userID).delete()
        try await EventSessionHostModel.query(on: db).filter(\.$userID == userID)
            .set(\.$userID, to: UUID()).set(\.$userName, to: FormerMember.name).update()
        let stranger = UUID()
        for meeting in try await meetings(of: userID, on: db).all() {
            meeting.plannedStart = nil
            meeting.tableNumber = nil
            if meeting.requesterID == userID {
                meeting.requesterID = stranger
                meeting.requesterName = FormerMember.name
            }
            if meeting.inviteeID == userID {
                meeting.inviteeID = stranger
                meeting.inviteeName = FormerMember.name
            }
            if meeting.statusValue == .angefragt || meeting.statusValue == .angenommen {
                meeting.status = MeetingModel.Status.zurueckgezogen.rawValue
            }
            try await meeting.update(on: db)
        }
        try await PitchModel.query(on: db).filter(\.$userID == userID).set(\.$userID, to: nil).update()
    }

    private func meetings(of userID: UUID, on db: any Database) -> QueryBuilder<MeetingModel> {
        MeetingModel.query(on: db).group(.or) { $0.filter(\.$requesterID == userID).filter(\.$inviteeID == userID) }
    }
}
