import AufwindCore
import Vapor

/// A reference to a unit of the register in API answers.
struct UnitRefDTO: Content, Equatable {
    var schluessel: String
    var name: String
}

struct KoordinatenDTO: Content, Equatable {
    var lat: Double
    var lon: Double
}

struct HistorischDTO: Content, Equatable {
    var seit: String
    var nachfolger: String?
}

/// A Gemeinde as the API shows it.
struct GemeindeDTO: Content {
    var ags: String
    var ars: String
    var name: String
    var kurzname: String
    var typ: String
    var groessenklasse: String
    var einwohner: Int
    var einwohnerMaennlich: Int
    var einwohnerWeiblich: Int
    var flaecheKm2: Double
    var einwohnerProKm2: Double?
    var plz: String
    var mehrerePlz: Bool
    var koordinaten: KoordinatenDTO?
    var land: UnitRefDTO?
    var regierungsbezirk: UnitRefDTO?
    var kreis: UnitRefDTO?
    var gemeindeverband: UnitRefDTO?
    var historisch: HistorischDTO?
    var entfernungKm: Double?

    init(_ g: Gemeinde, catalog: RegisterCatalog, distanceKm: Double? = nil) {
        func ref(_ key: String) -> UnitRefDTO? { catalog.unit(key: key).map { UnitRefDTO(schluessel: $0.key, name: $0.name) } }
        ags = g.ags
        ars = g.ars
        name = g.name
        kurzname = g.shortName
        typ = g.typeName
        groessenklasse = g.groessenklasse.rawValue
        einwohner = g.population
        einwohnerMaennlich = g.populationMale
        einwohnerWeiblich = g.populationFemale
        flaecheKm2 = g.areaKm2
        einwohnerProKm2 = g.density.map { ($0 * 10).rounded() / 10 }
        plz = g.postcode
        mehrerePlz = g.hasSeveralPostcodes
        koordinaten = g.coordinate.map { KoordinatenDTO(lat: $0.latitude, lon: $0.longitude) }
        land = ref(g.landCode)
        regierungsbezirk = ref(g.regierungsbezirkCode)
        kreis = ref(g.kreisKey)
        gemeindeverband = ref(g.verbandKey)
        historisch = catalog.historical[g.ags].map { HistorischDTO(seit: $0.since, nachfolger: $0.successor) }
        entfernungKm = distanceKm.map { ($0 * 10).rounded() / 10 }
    }
}

struct GemeindeListDTO: Content {
    var items: [GemeindeDTO]
    var total: Int
    var page: Int
    var perPage: Int
    var pageCount: Int
}

/// A Kreis with its totals.
struct KreisDTO: Content {
    var ags5: String
    var name: String
    var typ: String?
    var sitz: String
    var land: UnitRefDTO?
    var gemeinden: Int
    var einwohner: Int
    var flaecheKm2: Double

    init(_ unit: Gebietseinheit, catalog: RegisterCatalog) {
        let totals = catalog.totals(of: unit.key)
        ags5 = unit.key
        name = unit.name
        typ = unit.typeName
        sitz = unit.seat
        land = catalog.unit(key: String(unit.key.prefix(2))).map { UnitRefDTO(schluessel: $0.key, name: $0.name) }
        gemeinden = totals.gemeinden
        einwohner = totals.population
        flaecheKm2 = totals.areaKm2
    }
}

struct KreisDetailDTO: Content {
    var kreis: KreisDTO
    var gemeindeListe: [GemeindeDTO]
}

struct LandDTO: Content {
    var schluessel: String
    var name: String
    var sitz: String
    var gemeinden: Int
    var kreise: Int
    var einwohner: Int
    var flaecheKm2: Double

    init(_ unit: Gebietseinheit, catalog: RegisterCatalog) {
        let totals = catalog.totals(of: unit.key)
        schluessel = unit.key
        name = unit.name
        sitz = unit.seat
        gemeinden = totals.gemeinden
        kreise = catalog.kreise(in: unit.key).count
        einwohner = totals.population
        flaecheKm2 = totals.areaKm2
    }
}

/// A Gemeindeverband (Amt, Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft …) with its totals.
struct GemeindeverbandDTO: Content {
    var ars9: String
    var name: String
    var kurzname: String
    var typ: String?
    var sitz: String
    var kreis: UnitRefDTO?
    var land: UnitRefDTO?
    var gemeinden: Int
    var einwohner: Int
    var flaecheKm2: Double

    init(_ unit: Gebietseinheit, catalog: RegisterCatalog) {
        func ref(_ key: String) -> UnitRefDTO? { catalog.unit(key: key).map { UnitRefDTO(schluessel: $0.key, name: $0.name) } }
        let totals = catalog.totals(of: unit.key)
        ars9 = unit.key
        name = unit.name
        kurzname = unit.shortName
        typ = unit.typeName
        sitz = unit.seat
        kreis = ref(String(unit.key.prefix(5)))
        land = ref(String(unit.key.prefix(2)))
        gemeinden = totals.gemeinden
        einwohner = totals.population
        flaecheKm2 = totals.areaKm2
    }
}

struct GemeindeverbandDetailDTO: Content {
    var gemeindeverband: GemeindeverbandDTO
    var gemeindeListe: [GemeindeDTO]
}
