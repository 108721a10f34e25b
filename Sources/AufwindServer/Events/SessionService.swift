import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Session proposals, their hosts and votes, and results that become Vorhaben.
struct SessionService {
    let database: any Database

    struct Loaded {
        var sessions: [EventSessionModel]
        var hosts: [UUID: [EventSessionHostModel]]
        var votes: [UUID: Int]
    }

    /// All sessions of an event with hosts and vote counts (three queries).
    func load(_ eventID: UUID, includeCancelled: Bool = true) async throws -> Loaded {
        var query = EventSessionModel.query(on: database).filter(\.$eventID == eventID)
        if !includeCancelled { query = query.filter(\.$cancelled == false) }
        let sessions = try await query.sort(\.$number).all()
        let ids = sessions.compactMap(\.id)
        let hosts = ids.isEmpty ? [] : try await EventSessionHostModel.query(on: database).filter(\.$sessionID ~~ ids).all()
        let votes = try await EventVoteModel.query(on: database).filter(\.$eventID == eventID).all()
        return Loaded(
            sessions: sessions, hosts: Dictionary(grouping: hosts, by: \.sessionID),
            votes: Dictionary(grouping: votes, by: \.sessionID).mapValues(\.count))
    }

    /// A new session with the proposer as its first host; numbers count up per event.
    func propose(_ event: EventModel, input: SessionProposalInput, by user: UserModel) async throws -> EventSessionModel {
        let eventID = try event.requireID()
        for attempt in 0..<5 {
            do {
                return try await database.transaction { db in
                    let last = try await EventSessionModel.query(on: db).filter(\.$eventID == eventID).max(\.$number) ?? 0
                    let session = EventSessionModel()
                    session.eventID = eventID
                    session.number = last + 1
                    session.title = input.title
                    session.summary = input.summary
                    session.handlungsfeld = input.handlungsfeld.rawValue
                    session.format = input.format.rawValue
                    session.cancelled = false
                    session.unavailableSlots = ""
                    session.result = ""
                    try await session.create(on: db)
                    try await EventSessionHostModel(sessionID: session.requireID(), userID: user.requireID(), userName: user.displayName).create(
                        on: db)
                    return session
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 4 {
                continue  // another proposal took the number; take the next
            }
        }
        throw EventService.refused("Der Vorschlag konnte nicht gespeichert werden; bitte noch einmal senden.")
    }

    func addHost(_ session: EventSessionModel, user: EventRegistrationModel) async throws {
        do {
            try await EventSessionHostModel(sessionID: session.requireID(), userID: user.userID, userName: user.userName).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw EventService.refused("\(user.userName) leitet diese Session schon.")
        }
    }

    /// Removes a host; the last host cannot leave (the session would have nobody to run it).
    func removeHost(_ session: EventSessionModel, userID: UUID) async throws {
        let sessionID = try session.requireID()
        try await database.transaction { db in
            let hosts = try await EventSessionHostModel.query(on: db).filter(\.$sessionID == sessionID).all()
            guard hosts.contains(where: { $0.userID == userID }) else {
                throw EventService.refused("Diese Person leitet die Session nicht.", status: 404)
            }
            guard hosts.count > 1 else {
                throw EventService.refused(
                    "Eine Session braucht mindestens eine Leitung. Tragen Sie zuerst eine weitere Person ein oder sagen Sie die Session ab.")
            }
            try await EventSessionHostModel.query(on: db).filter(\.$sessionID == sessionID).filter(\.$userID == userID).delete()
        }
    }

    /// Marks or withdraws interest; only in the voting phase.
    func vote(_ event: EventModel, session: EventSessionModel, userID: UUID, interested: Bool) async throws {
        if let refusal = event.phaseValue.refusal(for: .vote) { throw EventService.refused(refusal) }
        let sessionID = try session.requireID()
        if interested {
            do {
                try await EventVoteModel(eventID: event.requireID(), sessionID: sessionID, userID: userID).create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                return  // already marked
            }
        } else {
            try await EventVoteModel.query(on: database).filter(\.$sessionID == sessionID).filter(\.$userID == userID).delete()
        }
    }

    /// Turns a session's result into a draft Vorhaben of `town`, with the towns of the interested
    /// participants as suggested partners. Once per session.
    func adoptAsVorhaben(
        _ session: EventSessionModel, event: EventModel, town: String, by user: UserModel, items: ItemService, now: Date
    ) async throws -> UUID {
        if let existing = session.itemID { return existing }
        let field = session.fieldValue ?? .daseinsvorsorge
        var description = session.summary
        if !session.result.isEmpty { description += (description.isEmpty ? "" : "\n\n") + "Ergebnis der Session: " + session.result }
        if description.isEmpty { description = "Aus der Session „\(session.title)“ der Veranstaltung „\(event.title)“." }
        let raw = CooperationItemInput.Raw(
            kind: ItemKind.vorhaben.rawValue, title: String(session.title.prefix(CooperationItemInput.titleLength.upperBound)),
            description: String(description.prefix(CooperationItemInput.maximumDescriptionLength)), handlungsfelder: [field.rawValue],
            unterthemen: [],
            status: ItemStatus.partnerGesucht.rawValue, reach: Reach.bundesweit.rawValue, desiredSizes: [], timeFrame: "",
            contactPerson: user.displayName,
            visibility: Visibility.oeffentlich.rawValue, published: false)
        let input: CooperationItemInput
        switch CooperationItemInput.validate(raw) {
        case .success(let valid): input = valid
        case .failure(let problems): throw EventService.refused(ValidationMessage(problems.messages.map(\.text).joined(separator: " ")), status: 422)
        }
        let sessionID = try session.requireID()
        let voters = try await EventVoteModel.query(on: database).filter(\.$sessionID == sessionID).all().map(\.userID)
        let towns =
            voters.isEmpty
            ? []
            : try await EventRegistrationModel.query(on: database).filter(\.$eventID == event.requireID())
                .filter(\.$userID ~~ voters).filter(\.$participantType == EventRegistration.ParticipantType.kommune.rawValue).all()
                .map(\.orgKey).filter { !$0.isEmpty && $0 != town }
        let item = try await items.create(ownerKey: town, input: input, by: user, now: now)
        let itemID = try item.requireID()
        // Once per session: the conditional update decides; a second click links to the first.
        let claimed = try await (database as! any SQLDatabase).update(EventSessionModel.schema).set(SQLIdentifier("item_id"), to: SQLBind(itemID))
            .where(SQLIdentifier("id"), .equal, SQLBind(sessionID)).where(SQLIdentifier("item_id"), .is, SQLLiteral.null)
            .returning(SQLIdentifier("id")).all()
        guard !claimed.isEmpty else {
            try await item.delete(on: database)
            return try await EventSessionModel.find(sessionID, on: database)?.itemID ?? itemID
        }
        for key in Set(towns).sorted() {
            try await ItemPartnerSuggestionModel(itemID: itemID, townKey: key, source: "Interesse an der Session „\(session.title)“ (\(event.title))")
                .create(on: database)
        }
        return itemID
    }
}
