import AufwindCore
import Fluent

/// A Gemeinde row. Keyed by its AGS; never deleted (a vanished AGS becomes historical).
// Fluent models are reference types with property wrappers; they are confined to one task at a
// time, which is why `@unchecked Sendable` is the sanctioned conformance.
final class GemeindeModel: Model, @unchecked Sendable {
    static let schema = "gemeinden"

    @ID(custom: "ags", generatedBy: .user) var id: String?
    @Field(key: "ars") var ars: String
    @Field(key: "name") var name: String
    @Field(key: "type_code") var typeCode: Int
    @Field(key: "area_ha") var areaHectares: Int
    @Field(key: "population") var population: Int
    @Field(key: "population_male") var populationMale: Int
    @Field(key: "postcode") var postcode: String
    @Field(key: "several_postcodes") var severalPostcodes: Bool
    @OptionalField(key: "lat") var latitude: Double?
    @OptionalField(key: "lon") var longitude: Double?
    @OptionalField(key: "historical_since") var historicalSince: String?
    @OptionalField(key: "successor_ags") var successorAGS: String?

    init() {}

    init(_ gemeinde: Gemeinde) {
        id = gemeinde.ags
        update(from: gemeinde)
    }

    /// Takes every register field of `gemeinde` and clears the historical mark.
    func update(from gemeinde: Gemeinde) {
        ars = gemeinde.ars
        name = gemeinde.name
        typeCode = gemeinde.typeCode
        areaHectares = gemeinde.areaHectares
        population = gemeinde.population
        populationMale = gemeinde.populationMale
        postcode = gemeinde.postcode
        severalPostcodes = gemeinde.hasSeveralPostcodes
        latitude = gemeinde.coordinate?.latitude
        longitude = gemeinde.coordinate?.longitude
        historicalSince = nil
        successorAGS = nil
    }
}
