import AufwindCore
import Fluent
import Foundation

/// A Vorhaben, Bedarf, Angebot or staff offer/need of a town. Generated demo items carry
/// `is_demo` and are shown as such everywhere.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class CooperationItemModel: Model, @unchecked Sendable {
    static let schema = "cooperation_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "owner_key") var ownerKey: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    /// Comma-separated ids, as are `subthemes` and `desiredSizes`.
    @Field(key: "handlungsfelder") var handlungsfelder: String
    @Field(key: "subthemes") var subthemes: String
    @Field(key: "status") var status: String
    @Field(key: "reach") var reach: String
    @Field(key: "desired_sizes") var desiredSizes: String
    @Field(key: "time_frame") var timeFrame: String
    @Field(key: "contact_person") var contactPerson: String
    @Field(key: "visibility") var visibility: String
    @Field(key: "staff_role") var staffRole: String
    @OptionalField(key: "staff_hours") var staffHours: Int?
    @Field(key: "staff_duration") var staffDuration: String
    @Field(key: "staff_form") var staffForm: String
    @Field(key: "staff_cost_split") var staffCostSplit: String
    @Field(key: "published") var published: Bool
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "is_demo") var isDemo: Bool
    /// Hidden by a moderation decision (nil: not); a hidden item is unpublished and stays so.
    @OptionalField(key: "hidden") var hidden: Bool?
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// A generated demo item (published, public).
    init(_ item: CooperationItem, isDemo: Bool, createdBy: UUID?, now: Date) {
        ownerKey = item.ownerKey
        self.isDemo = isDemo
        self.createdBy = createdBy
        version = 1
        apply(
            CooperationItemInput(
                kind: item.kind, title: item.title, description: item.description,
                handlungsfelder: Handlungsfeld.allCases.filter(item.handlungsfelder.contains), unterthemen: item.unterthemen.sorted(),
                status: item.kind == .vorhaben ? (item.status ?? .partnerGesucht) : nil, reach: item.reach,
                desiredSizes: Groessenklasse.allCases.filter(item.desiredSizes.contains), timeFrame: "", contactPerson: "",
                visibility: item.visibility, published: true, staff: nil))
        publishedAt = now
    }

    init(ownerKey: String, input: CooperationItemInput, createdBy: UUID?, now: Date) {
        self.ownerKey = ownerKey
        isDemo = false
        version = 1
        self.createdBy = createdBy
        apply(input)
        publishedAt = input.published ? now : nil
    }

    func apply(_ input: CooperationItemInput) {
        kind = input.kind.rawValue
        title = input.title
        description = input.description
        handlungsfelder = input.handlungsfelder.map(\.rawValue).joined(separator: ",")
        subthemes = input.unterthemen.joined(separator: ",")
        status = input.status?.rawValue ?? ""
        reach = input.reach.rawValue
        desiredSizes = input.desiredSizes.map(\.rawValue).joined(separator: ",")
        timeFrame = input.timeFrame
        contactPerson = input.contactPerson
        visibility = input.visibility.rawValue
        staffRole = input.staff?.role ?? ""
        staffHours = input.staff?.hoursPerWeek
        staffDuration = input.staff?.duration ?? ""
        staffForm = input.staff?.form.rawValue ?? ""
        staffCostSplit = input.staff?.costSplit ?? ""
        published = input.published
    }

    private static func list(_ csv: String) -> [String] { csv.split(separator: ",").map(String.init) }

    /// The item as its form shows it.
    var input: CooperationItemInput {
        let kind = ItemKind(rawValue: kind) ?? .vorhaben
        let staff = StaffForm(rawValue: staffForm).map {
            StaffSharing(role: staffRole, hoursPerWeek: staffHours ?? 0, duration: staffDuration, form: $0, costSplit: staffCostSplit)
        }
        return CooperationItemInput(
            kind: kind, title: title, description: description,
            handlungsfelder: Self.list(handlungsfelder).compactMap(Handlungsfeld.init(rawValue:)), unterthemen: Self.list(subthemes),
            status: ItemStatus(rawValue: status), reach: Reach(rawValue: reach) ?? .bundesweit,
            desiredSizes: Self.list(desiredSizes).compactMap(Groessenklasse.init(rawValue:)), timeFrame: timeFrame,
            contactPerson: contactPerson, visibility: Visibility(rawValue: visibility) ?? .kommunen, published: published, staff: staff)
    }

    /// The item as the matching sees it.
    var item: CooperationItem? {
        guard let id else { return nil }
        return ItemRow.item(id: id, ownerKey: ownerKey, isDemo: isDemo, input: input)
    }
}

/// Turns stored values into the matching's item; shared by models and the bulk loader.
enum ItemRow {
    static func item(id: UUID, ownerKey: String, isDemo: Bool, input: CooperationItemInput) -> CooperationItem {
        CooperationItem(
            id: id.uuidString.lowercased(), kind: input.kind, ownerKey: ownerKey, title: input.title, description: input.description,
            handlungsfelder: Set(input.handlungsfelder), reach: input.reach, desiredSizes: Set(input.desiredSizes),
            unterthemen: Set(input.unterthemen), status: input.status, visibility: input.visibility, isDemo: isDemo)
    }
}
