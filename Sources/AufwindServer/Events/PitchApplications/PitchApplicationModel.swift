import AufwindCore
import Fluent
import Foundation

/// An Anbieter's application for a pitch at an event: one of its solutions, the Bedarfe it
/// answers (`PitchApplicationNeedModel`) and an abstract. The organisers accept it into a pitch
/// block (`pitchID`), put it on the waitlist or decline it with a reason the Anbieter reads.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class PitchApplicationModel: Model, @unchecked Sendable {
    static let schema = "pitch_applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    /// Nil when a moderation decision deleted the solution.
    @OptionalField(key: "solution_id") var solutionID: UUID?
    @Field(key: "abstract") var abstract: String
    @OptionalField(key: "applicant_id") var applicantID: UUID?
    @Field(key: "applicant_name") var applicantName: String
    @Field(key: "status") var status: String
    /// Why declined or waitlisted (the organisers' words to the Anbieter).
    @Field(key: "reason") var reason: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// The pitch an accepted application became.
    @OptionalField(key: "pitch_id") var pitchID: UUID?
    @Field(key: "revision") var revision: Int
    @Field(key: "submissions") var submissions: Int
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// How often a withdrawn application may be submitted again (so the team's inbox stays calm).
    static let maximumSubmissions = 3

    var statusValue: PitchApplicationStatus { PitchApplicationStatus(rawValue: status) ?? .eingereicht }
    var key: String { id?.uuidString.lowercased() ?? "" }
}

/// A Bedarf an application answers, in the order the Anbieter gave.
final class PitchApplicationNeedModel: Model, @unchecked Sendable {
    static let schema = "pitch_application_needs"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "position") var position: Int

    init() {}

    init(applicationID: UUID, itemID: UUID, position: Int) {
        self.applicationID = applicationID
        self.itemID = itemID
        self.position = position
    }
}
