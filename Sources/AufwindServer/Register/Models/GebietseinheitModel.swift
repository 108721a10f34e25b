import AufwindCore
import Fluent

/// A Land, Regierungsbezirk, Region, Kreis or Gemeindeverband row, keyed by its register key
/// (whose length tells the level). Never deleted.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class GebietseinheitModel: Model, @unchecked Sendable {
    static let schema = "gebietseinheiten"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "seat") var seat: String
    @OptionalField(key: "type_code") var typeCode: Int?
    @OptionalField(key: "historical_since") var historicalSince: String?

    init() {}

    init(_ unit: Gebietseinheit) {
        id = unit.key
        update(from: unit)
    }

    func update(from unit: Gebietseinheit) {
        kind = unit.kind.rawValue
        name = unit.name
        seat = unit.seat
        typeCode = unit.typeCode
        historicalSince = nil
    }
}
