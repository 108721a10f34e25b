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
    @Field(key: "handlungsfelder") var handlungsfelder: String
    @Field(key: "reach") var reach: String
    @Field(key: "desired_sizes") var desiredSizes: String
    @Field(key: "published") var published: Bool
    @Field(key: "is_demo") var isDemo: Bool
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ item: CooperationItem, isDemo: Bool, createdBy: UUID?) {
        kind = item.kind.rawValue
        ownerKey = item.ownerKey
        title = item.title
        description = item.description
        handlungsfelder = Handlungsfeld.allCases.filter(item.handlungsfelder.contains).map(\.rawValue).joined(separator: ",")
        reach = item.reach.rawValue
        desiredSizes = Groessenklasse.allCases.filter(item.desiredSizes.contains).map(\.rawValue).joined(separator: ",")
        published = true
        self.isDemo = isDemo
        version = 1
        self.createdBy = createdBy
    }

    /// The item as the matching sees it.
    var item: CooperationItem? {
        guard let id, let kind = ItemKind(rawValue: kind), let reach = Reach(rawValue: reach) else { return nil }
        return CooperationItem(
            id: id.uuidString, kind: kind, ownerKey: ownerKey, title: title, description: description,
            handlungsfelder: Set(handlungsfelder.split(separator: ",").compactMap { Handlungsfeld(rawValue: String($0)) }),
            reach: reach, desiredSizes: Set(desiredSizes.split(separator: ",").compactMap { Groessenklasse(rawValue: String($0)) }))
    }
}
