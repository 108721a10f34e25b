import AufwindCore
import Foundation
import Vapor

/// An item in lists and as a match: enough to show and link it.
struct ItemSummaryDTO: Content {
    var id: String
    var art: String
    var titel: String
    var kommune: String
    var kommuneName: String
    var handlungsfelder: [String]
    var stand: String?
    var reichweite: String
    var demo: Bool

    init(_ item: CooperationItem, directory: TownDirectory) {
        id = item.id
        art = item.kind.rawValue
        titel = item.title
        kommune = item.ownerKey
        kommuneName = directory.name(of: item.ownerKey) ?? item.ownerKey
        handlungsfelder = Handlungsfeld.allCases.filter(item.handlungsfelder.contains).map(\.rawValue)
        stand = item.status?.rawValue
        reichweite = item.reach.rawValue
        demo = item.isDemo
    }
}

struct ItemListDTO: Content {
    var items: [ItemSummaryDTO]
    var total: Int
    var page: Int
    var perPage: Int
    var pageCount: Int
    /// No item contains all search words; these have the most of them.
    var teiltreffer: Bool
    /// The text holds only words too common to search for; nothing is found.
    var zuAllgemein: Bool
    /// Search words no item contains, as typed.
    var ohneTreffer: [String]
    /// The search text with typos corrected, when a correction exists.
    var meintenSie: String?
}

struct StaffDTO: Content {
    var rolle: String
    var stundenProWoche: Int
    var dauer: String
    var form: String
    var kostenteilung: String
}

/// An item with every field.
struct ItemDTO: Content {
    var id: String
    var kommune: String
    var kommuneName: String
    var art: String
    var titel: String
    var beschreibung: String
    var handlungsfelder: [String]
    var unterthemen: [String]
    var stand: String?
    var reichweite: String
    var groessen: [String]
    var zeitrahmen: String
    var ansprechperson: String
    var sichtbarkeit: String
    var veroeffentlicht: Bool
    var personal: StaffDTO?
    var demo: Bool
    var version: Int
    var aktualisiert: Date?

    init(_ model: CooperationItemModel, directory: TownDirectory) {
        let input = model.input
        id = model.id?.uuidString.lowercased() ?? ""
        kommune = model.ownerKey
        kommuneName = directory.name(of: model.ownerKey) ?? model.ownerKey
        art = input.kind.rawValue
        titel = input.title
        beschreibung = input.description
        handlungsfelder = input.handlungsfelder.map(\.rawValue)
        unterthemen = input.unterthemen
        stand = input.status?.rawValue
        reichweite = input.reach.rawValue
        groessen = input.desiredSizes.map(\.rawValue)
        zeitrahmen = input.timeFrame
        ansprechperson = input.contactPerson
        sichtbarkeit = input.visibility.rawValue
        veroeffentlicht = input.published
        personal = input.staff.map {
            StaffDTO(rolle: $0.role, stundenProWoche: $0.hoursPerWeek, dauer: $0.duration, form: $0.form.rawValue, kostenteilung: $0.costSplit)
        }
        demo = model.isDemo
        version = model.version
        aktualisiert = model.updatedAt
    }
}

/// What a client sends to create (with `kommune`) or update (with `version`) an item: the
/// request schemas `EintragNeu` and `EintragAenderung`, read by `Request.strictJSONBody`. Its
/// `CodingKeys` are the fields the API accepts; a test holds them to the document.
struct ItemWriteDTO: Content {
    struct Staff: Codable {
        var rolle: String?
        var stundenProWoche: Int?
        var dauer: String?
        var form: String?
        var kostenteilung: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case rolle, stundenProWoche, dauer, form, kostenteilung
        }
    }

    var kommune: String?
    var version: Int?
    var art: String?
    var titel: String?
    var beschreibung: String?
    var handlungsfelder: [String]?
    var unterthemen: [String]?
    var stand: String?
    var reichweite: String?
    var groessen: [String]?
    var zeitrahmen: String?
    var ansprechperson: String?
    var sichtbarkeit: String?
    var veroeffentlicht: Bool?
    var personal: Staff?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kommune, version, art, titel, beschreibung, handlungsfelder, unterthemen, stand, reichweite, groessen, zeitrahmen
        case ansprechperson, sichtbarkeit, veroeffentlicht, personal
    }

    var raw: CooperationItemInput.Raw {
        CooperationItemInput.Raw(
            kind: art, title: titel, description: beschreibung, handlungsfelder: handlungsfelder ?? [], unterthemen: unterthemen ?? [],
            status: stand, reach: reichweite, desiredSizes: groessen ?? [], timeFrame: zeitrahmen, contactPerson: ansprechperson,
            visibility: sichtbarkeit, published: veroeffentlicht ?? true, staffRole: personal?.rolle,
            staffHours: personal?.stundenProWoche.map(String.init), staffDuration: personal?.dauer, staffForm: personal?.form,
            staffCostSplit: personal?.kostenteilung)
    }
}

struct ExplanationDTO: Content {
    var komponente: String
    var bezeichnung: String
    /// Within its stage: the topical fit (thema, text) or form and setting (the others).
    var gewicht: Double
    var wert: Double
    var grund: String

    static func list(_ explanation: MatchExplanation) -> [ExplanationDTO] {
        explanation.parts.map {
            ExplanationDTO(komponente: $0.component.rawValue, bezeichnung: $0.component.label, gewicht: $0.weight, wert: $0.value, grund: $0.reason)
        }
    }
}

extension ItemMatch {
    /// For the API: rounded to 100 m.
    var roundedDistanceKm: Double? { distanceKm.map { ($0 * 10).rounded() / 10 } }
}

/// A partner item: where it lies, and its score = themenbezug × (0.6 + 0.4 × rahmen).
struct ItemMatchDTO: Content {
    var eintrag: ItemSummaryDTO
    var score: Double
    /// null when a place is unknown.
    @AlwaysEncoded var entfernungKm: Double?
    var inReichweite: Bool
    var themenbezug: Double
    var rahmen: Double
    var erklaerung: [ExplanationDTO]

    init(_ match: ItemMatch, directory: TownDirectory) {
        eintrag = ItemSummaryDTO(match.item, directory: directory)
        score = match.score
        entfernungKm = match.roundedDistanceKm
        inReichweite = match.inReach
        themenbezug = match.explanation.topicalFit
        rahmen = match.explanation.setting
        erklaerung = ExplanationDTO.list(match.explanation)
    }
}

/// A partner town by its best item, placed and scored as that item.
struct TownMatchDTO: Content {
    var kommune: String
    var kommuneName: String
    var score: Double
    /// null when a place is unknown.
    @AlwaysEncoded var entfernungKm: Double?
    var inReichweite: Bool
    var themenbezug: Double
    var rahmen: Double
    var passendeEintraege: Int
    var besterEintrag: ItemSummaryDTO
    var erklaerung: [ExplanationDTO]

    init(_ match: TownMatch, directory: TownDirectory) {
        kommune = match.town
        kommuneName = directory.name(of: match.town) ?? match.town
        score = match.score
        entfernungKm = match.best.roundedDistanceKm
        inReichweite = match.inReach
        themenbezug = match.best.explanation.topicalFit
        rahmen = match.best.explanation.setting
        passendeEintraege = match.fittingItems
        besterEintrag = ItemSummaryDTO(match.best.item, directory: directory)
        erklaerung = ExplanationDTO.list(match.best.explanation)
    }
}

struct PartnersDTO: Content {
    var eintraege: [ItemMatchDTO]
    var kommunen: [TownMatchDTO]
}
