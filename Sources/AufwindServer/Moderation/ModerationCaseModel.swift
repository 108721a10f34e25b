import AufwindCore
import Fluent
import Foundation

/// Reported content under review: a copy of it as it was reported (kept as the record of the
/// decision), the decision with its statement of reasons, and the author's one objection with the
/// decision on it by another administrator.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class ModerationCaseModel: Model, @unchecked Sendable {
    static let schema = "moderation_cases"

    enum Status: String, Codable, CaseIterable {
        /// Reported, waiting for a decision.
        case offen
        /// Decided; the author may object once.
        case entschieden
        /// The author objected; another administrator decides.
        case einspruch
        /// The objection is decided.
        case abgeschlossen

        var label: String {
            switch self {
            case .offen: "wartet auf Entscheidung"
            case .entschieden: "entschieden"
            case .einspruch: "Einspruch eingelegt"
            case .abgeschlossen: "abgeschlossen"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "content_kind") var contentKind: String
    @Field(key: "content_id") var contentID: UUID
    @OptionalField(key: "open_key") var openKey: String?
    @Field(key: "content_title") var contentTitle: String
    @Field(key: "content_text") var contentText: String
    @Field(key: "content_path") var contentPath: String
    @OptionalField(key: "content_created_at") var contentCreatedAt: Date?
    @OptionalField(key: "author_id") var authorID: UUID?
    @OptionalField(key: "town_key") var townKey: String?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "status") var status: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "ground") var ground: String?
    @Field(key: "ground_reference") var groundReference: String
    @Field(key: "explanation") var explanation: String
    @Field(key: "facts") var facts: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// What hiding changed, to restore it when an objection succeeds (an item: whether it was published).
    @Field(key: "restore_state") var restoreState: String
    @Field(key: "objection_text") var objectionText: String
    @OptionalField(key: "objection_by") var objectionBy: UUID?
    @OptionalField(key: "objection_at") var objectionAt: Date?
    @OptionalField(key: "objection_outcome") var objectionOutcome: String?
    @Field(key: "objection_reasons") var objectionReasons: String
    @OptionalField(key: "objection_decided_by") var objectionDecidedBy: UUID?
    @OptionalField(key: "objection_decided_at") var objectionDecidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ content: ModeratedContent) {
        contentKind = content.kind.rawValue
        contentID = content.id
        openKey = Self.openKey(content.kind, content.id)
        contentTitle = content.title
        contentText = content.text
        contentPath = content.path
        contentCreatedAt = content.createdAt
        authorID = content.authorID
        townKey = content.townKey
        organisationID = content.organisationID
        status = Status.offen.rawValue
        groundReference = ""
        explanation = ""
        facts = ""
        restoreState = ""
        objectionText = ""
        objectionReasons = ""
    }

    static func openKey(_ kind: ModeratedKind, _ id: UUID) -> String { "\(kind.rawValue):\(id.uuidString.lowercased())" }

    var statusValue: Status { Status(rawValue: status) ?? .offen }
    var kindValue: ModeratedKind? { ModeratedKind(rawValue: contentKind) }
    var outcomeValue: ModerationOutcome? { outcome.flatMap(ModerationOutcome.init(rawValue:)) }
    var objectionOutcomeValue: ObjectionOutcome? { objectionOutcome.flatMap(ObjectionOutcome.init(rawValue:)) }

    var statement: StatementOfReasons? {
        guard let outcomeValue else { return nil }
        return StatementOfReasons(
            outcome: outcomeValue, ground: ground.flatMap(DecisionGround.init(rawValue:)), groundReference: groundReference,
            explanation: explanation, facts: facts)
    }

    var idString: String { id?.uuidString.lowercased() ?? "" }
    /// The page of the decision for the people concerned.
    var decisionPath: String { "/moderation/\(idString)" }
    /// The case in the administration's queue.
    var adminPath: String { "/admin/moderation/\(idString)" }

    /// Who may object: the author, or — when the author's account is gone — the town or Anbieter.
    var parties: ModerationParties {
        ModerationParties(authorID: authorID?.uuidString, townKey: townKey, organisationID: organisationID?.uuidString)
    }
}
