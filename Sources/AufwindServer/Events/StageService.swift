import AufwindCore
import Fluent
import Foundation
import SQLKit

/// The pitch stage: blocks, their pitches and the clock. A command reads the clock, applies it
/// and writes it back only if nobody changed it meanwhile (`revision`), retrying with the fresh
/// state; so two moderators on two instances never lose a command.
struct StageService {
    let database: any Database

    static let defaultSeconds = 100

    func createBlock(_ event: EventModel, title: String, seconds: Int) async throws -> PitchBlockModel {
        let block = PitchBlockModel()
        block.eventID = try event.requireID()
        block.title = title
        block.clockValue = PitchClock(order: [], secondsPerPitch: seconds)
        block.revision = 0
        try await block.create(on: database)
        return block
    }

    /// Adds a pitch at the end of the block. With `announce` (the event and the base URL for the
    /// link), the person pitching hears that it is accepted, in the transaction that adds it.
    @discardableResult
    func addPitch(
        _ block: PitchBlockModel, title: String, presenter: String, userID: UUID?, itemID: UUID? = nil, organisationID: UUID? = nil,
        solutionID: UUID? = nil, announce: (event: EventModel, baseURL: String)? = nil
    ) async throws -> PitchModel {
        let pitch = PitchModel()
        pitch.blockID = try block.requireID()
        pitch.title = title
        pitch.presenter = presenter
        pitch.userID = userID
        pitch.itemID = itemID
        pitch.organisationID = organisationID
        pitch.solutionID = solutionID
        try await database.transaction { db in
            try await pitch.create(on: db)
            if let announce {
                try await EventNotices(database: db, baseURL: announce.baseURL).pitchAccepted(pitch, block: block, event: announce.event)
            }
        }
        let key = pitch.key
        _ = try await change(block) { clock in
            clock.append(key)
            return .success(())
        }
        return pitch
    }

    /// Applies `change` to the stored clock with a conditional update; retries on a concurrent change.
    func change(_ block: PitchBlockModel, _ change: (inout PitchClock) -> Result<Void, ValidationMessage>) async throws -> PitchClock {
        let blockID = try block.requireID()
        for _ in 0..<5 {
            guard let fresh = try await PitchBlockModel.find(blockID, on: database) else {
                throw ProblemDetails.notFound("Diesen Pitch-Block gibt es nicht.")
            }
            var clock = fresh.clockValue
            if case .failure(let message) = change(&clock) { throw EventService.refused(message) }
            let updated = PitchBlockModel()
            updated.clockValue = clock
            let rows = try await (database as! any SQLDatabase).update(PitchBlockModel.schema)
                .set(SQLIdentifier("clock"), to: SQLBind(updated.clock))
                .set(SQLIdentifier("revision"), to: SQLBind(fresh.revision + 1))
                .where(SQLIdentifier("id"), .equal, SQLBind(blockID))
                .where(SQLIdentifier("revision"), .equal, SQLBind(fresh.revision))
                .returning(SQLIdentifier("id")).all()
            if !rows.isEmpty { return clock }
        }
        throw EventService.refused("Die Bühne wurde gerade mehrfach gleichzeitig geändert; bitte noch einmal versuchen.")
    }

    func command(_ block: PitchBlockModel, _ command: PitchClock.Command, now: @escaping @Sendable () -> Date = Date.init) async throws -> PitchClock
    {
        try await change(block) { $0.apply(command, at: now()) }
    }

    /// What every view shows, computed at the server's `now`.
    struct State: Codable, Sendable, Equatable {
        struct Pitcher: Codable, Sendable, Equatable {
            var title: String
            var presenter: String
        }
        var block: String
        var revision: Int
        var stage: String
        var current: Pitcher?
        var next: Pitcher?
        var position: Int
        var total: Int
        var seconds: Int
        var remainingMs: Int
        var running: Bool
        var signal: String
        /// The server's clock (ms since 1970) when the state was computed: clients correct their offset.
        var serverNow: Int

        var json: String { (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}" }
    }

    func state(_ blockID: UUID, now: Date) async throws -> (State, PitchBlockModel, [PitchModel])? {
        guard let block = try await PitchBlockModel.find(blockID, on: database) else { return nil }
        let pitches = try await PitchModel.query(on: database).filter(\.$blockID == blockID).all()
        // A pitch presenting a solution hidden by the moderation counts as hidden for every view.
        try await PitchVisibility.markHidden(pitches, on: database)
        return (Self.state(block, pitches: pitches, now: now), block, pitches)
    }

    static func state(_ block: PitchBlockModel, pitches: [PitchModel], now: Date) -> State {
        let clock = block.clockValue
        let byKey = Dictionary(uniqueKeysWithValues: pitches.map { ($0.key, $0) })
        // A pitch hidden by a moderation decision keeps its place on the clock, not its words.
        func pitcher(_ key: String?) -> State.Pitcher? {
            key.flatMap { byKey[$0] }.map {
                $0.hidden == true ? .init(title: "Pitch verborgen", presenter: "Moderation") : .init(title: $0.title, presenter: $0.presenter)
            }
        }
        return State(
            block: block.id?.uuidString.lowercased() ?? "", revision: block.revision, stage: clock.stage.rawValue,
            current: pitcher(clock.currentPitch), next: pitcher(clock.nextPitch), position: min(clock.current + 1, clock.order.count),
            total: clock.order.count,
            seconds: clock.secondsPerPitch + clock.extraSeconds, remainingMs: Int((clock.remaining(at: now) * 1000).rounded()),
            running: clock.stage == .laeuft, signal: clock.signal(at: now).rawValue, serverNow: Int((now.timeIntervalSince1970 * 1000).rounded()))
    }

    /// The revision only: what the live stream polls (one small query).
    func revision(_ blockID: UUID) async throws -> Int? {
        let row = try await (database as! any SQLDatabase).select().column("revision").from(PitchBlockModel.schema)
            .where(SQLIdentifier("id"), .equal, SQLBind(blockID)).first()
        return try row?.decode(column: "revision", as: Int.self)
    }
}
