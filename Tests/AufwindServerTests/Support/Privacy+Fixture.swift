import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// An account that has left a trace in every feature: memberships and a decision, a token, mails,
/// audit entries, an item with its history, interest requests sent and decided, a message, a
/// notification, a contact-form message, a Verbund answer, an organisation, an event with a session, a vote, a meeting
/// and a pitch, a session, failed logins and a queued request.
enum PrivacyFixture {
    static let ahlen = "05570004", oelde = "05570036"

    /// `user` must be a confirmed Verwalter of Ahlen (items are created through the form).
    static func footprint(of user: UserModel, partner: UserModel, browser: Browser, app: Application) async throws {
        let db = app.db
        let id = try user.requireID()
        let name = user.displayName
        // Accounts: a decided membership request, a token, a confirmation link, mail, audit, an organisation.
        let request = MembershipModel(userID: try partner.requireID(), kind: .kommune, orgKey: ahlen, message: "")
        request.status = MembershipModel.Status.confirmed.rawValue
        request.decidedBy = id
        request.decidedAt = Date()
        try await request.create(on: db)
        try await APITokenModel(userID: id, name: "Fachverfahren", tokenHash: "hash-\(UUID())", expiresAt: nil).create(on: db)
        _ = try await AccountTokens.issue(for: user, purpose: .changeEmail, now: app.now, on: db, newEmail: "neu-\(user.email)")
        try await Outbox.send(to: user.email, subject: "Willkommen", body: "Hallo", userID: id, on: db)
        try await AuditEntryModel(actor: user, action: "mitglied-angenommen", subject: "kommune:\(ahlen)", detail: partner.email).create(on: db)
        try await OrganisationModel(kind: .anbieter, name: "Radweg-Startup", website: "", description: "", foundedBy: id).create(on: db)
        try await AccountRequestModel(kind: .resetPassword, email: user.email, at: app.now).create(on: db)
        let stranger = Browser(app)
        try await stranger.get("/anmelden")
        try await stranger.post("/anmelden", ["email": user.email, "password": "falsch-falsch"])

        // Items and contact: an item with its first version, a request sent and decided, a thread.
        let itemID = try #require(UUID(uuidString: try await ItemFixture.create(browser, ItemFixture.form(title: "Radweg-Konzept", town: ahlen))))
        let interest = InterestRequestModel(
            itemID: itemID, fromKey: oelde, toKey: ahlen, requestedBy: id, requesterName: name, message: "Wir haben Interesse.")
        interest.decidedBy = id
        interest.decidedByName = name
        interest.decidedAt = Date()
        try await interest.create(on: db)
        let cooperation = CooperationModel(itemID: itemID, requestID: try interest.requireID(), ownerKey: ahlen, partnerKey: oelde)
        try await cooperation.create(on: db)
        try await CooperationMessageModel(
            cooperationID: try cooperation.requireID(), authorKey: ahlen, authorID: id, authorName: name, body: "Wann treffen wir uns?"
        ).create(on: db)
        try await NotificationModel(userID: id, category: .anfragen, text: "Neue Anfrage", link: "/anfragen").create(on: db)

        // Contact form: a message to the operator, sent signed in.
        try await browser.get("/kontakt")
        let contact = try await browser.post(
            "/kontakt", ["name": name, "email": user.email, "betreff": "Frage", "nachricht": "Wer betreibt Aufwind?"])
        guard contact.status == .seeOther else { throw FixtureFailure("contact form refused: \(contact.body)") }

        // Verbund: an invitation answered for the town.
        let verbund = VerbundModel(name: "Radverbund Warendorf", itemID: itemID, leadKey: oelde)
        try await verbund.create(on: db)
        let member = VerbundMemberModel(
            verbundID: try verbund.requireID(), memberKey: ahlen, memberType: MemberType.gemeinde.rawValue, role: "partner", status: .accepted,
            expiresAt: nil)
        member.decidedBy = id
        member.decidedByName = name
        member.decidedAt = Date()
        try await member.create(on: db)

        // Lösungen: a solution of the town, a reference the account proposed, confirmed and answers questions for.
        let solution = SolutionModel(
            publisher: .town(ahlen),
            input: SolutionInput(
                name: "Radweg-Melder", shortDescription: "Schäden melden", description: "Meldungen zu Radwegen.", handlungsfelder: [.mobilitaet],
                licence: .proprietaer, operations: [.saas], euHosting: true),
            kept: "", createdBy: id)
        try await solution.create(on: db)
        let reference = SolutionReferenceModel(
            solutionID: try solution.requireID(), townKey: ahlen, status: .imEinsatz, since: "2024", state: .bestaetigt, proposedBy: id)
        reference.decidedBy = id
        reference.contactUserID = id
        reference.confirmedAt = Date()
        try await reference.create(on: db)

        try await eventFootprint(of: user, partner: partner, on: db)
    }

    /// Registered for a barcamp, hosts a session and votes for it, asked the partner for a meeting, pitches.
    private static func eventFootprint(of user: UserModel, partner: UserModel, on db: any Database) async throws {
        let id = try user.requireID()
        let event = EventModel()
        event.title = "Kleinstadt-Barcamp Westfalen"
        event.description = ""
        event.firstDay = EventFixture.day(7)
        event.lastDay = EventFixture.day(7)
        event.place = "Ahlen"
        event.onlineURL = ""
        event.organiserType = EventModel.OrganiserType.kommune.rawValue
        event.organiserKey = ahlen
        event.organiserName = "Ahlen"
        event.phase = EventPhase.themenEinreichen.rawValue
        event.registrationOpen = true
        event.capacity = 10
        event.meetingTables = 1
        event.version = 0
        try await event.create(on: db)
        let eventID = try event.requireID()
        let registration = EventRegistrationModel()
        registration.eventID = eventID
        registration.userID = id
        registration.userName = user.displayName
        registration.participantType = EventRegistration.ParticipantType.kommune.rawValue
        registration.orgKey = ahlen
        registration.orgName = "Ahlen"
        registration.status = EventRegistrationModel.Status.bestaetigt.rawValue
        registration.sequence = 1
        try await registration.create(on: db)
        let session = EventSessionModel()
        session.eventID = eventID
        session.number = 1
        session.title = "Radwege gemeinsam planen"
        session.summary = ""
        session.handlungsfeld = Handlungsfeld.allCases[0].rawValue
        session.format = SessionFormat.allCases[0].rawValue
        session.cancelled = false
        session.unavailableSlots = ""
        session.result = ""
        try await session.create(on: db)
        try await EventSessionHostModel(sessionID: try session.requireID(), userID: id, userName: user.displayName).create(on: db)
        try await EventVoteModel(eventID: eventID, sessionID: try session.requireID(), userID: id).create(on: db)
        let slot = EventSlotModel(eventID: eventID, slot: .init(id: "", day: event.firstDay, start: 600, end: 630, kind: .treffen))
        try await slot.create(on: db)
        let meeting = MeetingModel()
        meeting.eventID = eventID
        meeting.slotID = try slot.requireID()
        meeting.requesterID = id
        meeting.requesterName = user.displayName
        meeting.inviteeID = try partner.requireID()
        meeting.inviteeName = partner.displayName
        meeting.context = ""
        meeting.message = "Kaffee?"
        meeting.status = MeetingModel.Status.angenommen.rawValue
        meeting.tableNumber = 1
        meeting.plannedStart = slot.startMinute
        meeting.expiresAt = Date().addingTimeInterval(86_400)
        try await meeting.create(on: db)
        let block = PitchBlockModel()
        block.eventID = eventID
        block.title = "Pitches am Morgen"
        block.clock = "{}"
        block.revision = 0
        try await block.create(on: db)
        let pitch = PitchModel()
        pitch.blockID = try block.requireID()
        pitch.title = "Radweg-App"
        pitch.presenter = "Ahlen"
        pitch.userID = id
        try await pitch.create(on: db)
    }
}
