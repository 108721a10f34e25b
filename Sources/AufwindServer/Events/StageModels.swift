import AufwindCore
import Fluent
import Foundation

/// A block of pitches with its clock. The clock's state lives here, so every server instance
/// serves the same stage; a change is a conditional update on `revision`.
final class PitchBlockModel: Model, @unchecked Sendable {
    static let schema = "pitch_blocks"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "title") var title: String
    /// JSON of `PitchClock`.
    @Field(key: "clock") var clock: String
    @Field(key: "revision") var revision: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    static let coder: (JSONEncoder, JSONDecoder) = {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        decoder.dateDecodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return (encoder, decoder)
    }()

    var clockValue: PitchClock {
        get { (try? Self.coder.1.decode(PitchClock.self, from: Data(clock.utf8))) ?? PitchClock(order: []) }
        set { clock = String(decoding: (try? Self.coder.0.encode(newValue)) ?? Data(), as: UTF8.self) }
    }
}

/// A pitch: a startup or a town presenting a Vorhaben, with the person on stage.
final class PitchModel: Model, @unchecked Sendable {
    static let schema = "pitches"

    @ID(key: .id) var id: UUID?
    @Field(key: "block_id") var blockID: UUID
    @Field(key: "title") var title: String
    /// The organisation or town presenting.
    @Field(key: "presenter") var presenter: String
    /// The registered participant who pitches (for 1:1 requests), if any.
    @OptionalField(key: "user_id") var userID: UUID?
    /// The Vorhaben a town presents, if any.
    @OptionalField(key: "item_id") var itemID: UUID?
    /// The Anbieter organisation that pitches, if any.
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    /// The solution an Anbieter presents (from an accepted pitch application), if any.
    @OptionalField(key: "solution_id") var solutionID: UUID?
    /// Hidden by a moderation decision (nil: shown).
    @OptionalField(key: "hidden") var hidden: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var key: String { id?.uuidString.lowercased() ?? "" }
}
