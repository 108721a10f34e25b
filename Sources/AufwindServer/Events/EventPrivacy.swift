import Fluent
import Foundation

/// What the data export and the deletion of an account do with event data: registrations are
/// cancelled (the waitlist moves up), votes and open meeting requests go, host and meeting
/// names become "ehemaliges Mitglied" so that programmes stay readable.
struct EventPrivacy {
    let database: any Database

    static let formerMember = "ehemaliges Mitglied"

    func export(userID: UUID) async throws -> [PrivacyController.EventParticipation] {
        let registrations = try await EventRegistrationModel.query(on: database).filter(\.$userID == userID).all()
        guard !registrations.isEmpty else { return [] }
        let events = try await EventModel.query(on: database).filter(\.$id ~~ registrations.map(\.eventID)).all()
        let hosted = try await EventSessionHostModel.query(on: database).filter(\.$userID == userID).all()
        let votes = try await EventVoteModel.query(on: database).filter(\.$userID == userID).all()
        let sessionIDs = hosted.map(\.sessionID) + votes.map(\.sessionID)
        let sessions = sessionIDs.isEmpty ? [] : try await EventSessionModel.query(on: database).filter(\.$id ~~ sessionIDs).all()
        let meetings = try await MeetingModel.query(on: database).group(.or) { $0.filter(\.$requesterID == userID).filter(\.$inviteeID == userID) }
            .all()
        return registrations.map { registration in
            let inEvent = Set(sessions.filter { $0.eventID == registration.eventID }.compactMap(\.id))
            func titles(_ ids: [UUID]) -> [String] { sessions.filter { ids.contains($0.id!) && inEvent.contains($0.id!) }.map(\.title) }
            return .init(
                veranstaltung: events.first { $0.id == registration.eventID }?.title ?? "", status: registration.status,
                fuer: registration.orgName, angemeldet: registration.createdAt,
                geleiteteSessions: titles(hosted.map(\.sessionID)), interesseAn: titles(votes.map(\.sessionID)),
                treffen: meetings.filter { $0.eventID == registration.eventID }.map {
                    "\($0.requesterID == userID ? "mit " + $0.inviteeName : "mit " + $0.requesterName) (\($0.statusValue.label))"
                })
        }
    }

    func cancelRegistrations(userID: UUID, baseURL: String) async throws {
        let registrations = try await EventRegistrationModel.query(on: database).filter(\.$userID == userID).all()
        let service = EventService(database: database)
        for registration in registrations {
            guard let event = try await EventModel.find(registration.eventID, on: database) else { continue }
            try await service.notifyMovedUp(try await service.cancel(event, userID: userID), event: event, baseURL: baseURL)
        }
    }

    func anonymise(userID: UUID) async throws {
        try await EventVoteModel.query(on: database).filter(\.$userID == userID).delete()
        try await EventSessionHostModel.query(on: database).filter(\.$userID == userID).set(\.$userName, to: Self.formerMember).update()
        let meetings = try await MeetingModel.query(on: database).group(.or) { $0.filter(\.$requesterID == userID).filter(\.$inviteeID == userID) }
            .all()
        for meeting in meetings {
            try await MeetingBookingModel.query(on: database).filter(\.$meetingID == meeting.requireID()).delete()
            if meeting.requesterID == userID { meeting.requesterName = Self.formerMember }
            if meeting.inviteeID == userID { meeting.inviteeName = Self.formerMember }
            if meeting.statusValue == .angefragt || meeting.statusValue == .angenommen {
                meeting.status = MeetingModel.Status.zurueckgezogen.rawValue
            }
            try await meeting.update(on: database)
        }
        try await PitchModel.query(on: database).filter(\.$userID == userID).set(\.$userID, to: nil).update()
    }
}
