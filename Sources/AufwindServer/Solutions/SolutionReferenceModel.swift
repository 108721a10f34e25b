import AufwindCore
import Fluent
import Foundation

/// That a town uses a solution: recorded by the town (confirmed at once) or proposed by the
/// solution's publisher and then confirmed or declined by a member of the town. Only confirmed
/// references are public; `confirmedAt` is the last confirmation (renewed by "weiterhin bestätigen").
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class SolutionReferenceModel: Model, @unchecked Sendable {
    static let schema = "solution_references"

    @ID(key: .id) var id: UUID?
    @Field(key: "solution_id") var solutionID: UUID
    @Field(key: "town_key") var townKey: String
    @Field(key: "status") var status: String
    @Field(key: "since") var since: String
    @Field(key: "state") var state: String
    /// The town's member others may ask about it; nil when nobody is named.
    @OptionalField(key: "contact_user_id") var contactUserID: UUID?
    @OptionalField(key: "proposed_by") var proposedBy: UUID?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    /// Why the town declined a proposal (shown to the publisher).
    @Field(key: "decline_reason") var declineReason: String
    @Field(key: "is_demo") var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(solutionID: UUID, townKey: String, status: ReferenceStatus, since: String, state: ReferenceState, proposedBy: UUID?) {
        self.solutionID = solutionID
        self.townKey = townKey
        self.status = status.rawValue
        self.since = since
        self.state = state.rawValue
        self.proposedBy = proposedBy
        declineReason = ""
        isDemo = false
    }

    var statusValue: ReferenceStatus { ReferenceStatus(rawValue: status) ?? .geplant }
    var stateValue: ReferenceState { ReferenceState(rawValue: state) ?? .vorgeschlagen }

    /// As the public sees it; nil unless confirmed.
    var user: SolutionUser? {
        guard stateValue == .bestaetigt, let confirmedAt else { return nil }
        return SolutionUser(townKey: townKey, status: statusValue, since: since, confirmedAt: confirmedAt, mayBeAsked: contactUserID != nil)
    }
}
