import Foundation

/// What a town publishes: a project, a need, an offer, or staff to share or sought.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case vorhaben, bedarf, angebot
    case personalAngebot = "personal-angebot"
    case personalBedarf = "personal-bedarf"

    public var label: String {
        switch self {
        case .vorhaben: "Vorhaben"
        case .bedarf: "Bedarf"
        case .angebot: "Angebot"
        case .personalAngebot: "Personal (Angebot)"
        case .personalBedarf: "Personal (Bedarf)"
        }
    }

    /// How well an item of `other` kind answers this one: need ↔ offer counts most.
    public func complementarity(with other: ItemKind) -> Double {
        switch (self, other) {
        case (.bedarf, .angebot), (.angebot, .bedarf), (.personalBedarf, .personalAngebot), (.personalAngebot, .personalBedarf): 1
        case (.vorhaben, .vorhaben): 0.5
        case (.bedarf, .vorhaben), (.vorhaben, .angebot), (.vorhaben, .bedarf), (.angebot, .vorhaben): 0.3
        default: 0
        }
    }
}

/// How far a town looks for partners for an item.
public enum Reach: String, Sendable, Codable, CaseIterable {
    /// Neighbours up to 25 km.
    case nachbarschaft
    /// The region: up to 75 km, or the same Kreis.
    case region
    /// Germany: distance does not count.
    case bundesweit

    public var label: String {
        switch self {
        case .nachbarschaft: "Nachbarschaft (bis 25 km)"
        case .region: "Region (bis 75 km oder gleicher Kreis)"
        case .bundesweit: "bundesweit"
        }
    }
}

/// A published item as the matching sees it.
public struct CooperationItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var kind: ItemKind
    /// AGS of the Gemeinde or key of the Kreis that owns it.
    public var ownerKey: String
    public var title: String
    public var description: String
    public var handlungsfelder: Set<Handlungsfeld>
    public var reach: Reach
    /// Size classes the owner wishes partners to have; empty: any.
    public var desiredSizes: Set<Groessenklasse>
    /// Sub-theme ids (`Unterthema.id`).
    public var unterthemen: Set<String>
    /// Only Vorhaben have one.
    public var status: ItemStatus?
    public var visibility: Visibility
    /// Generated demo data, shown as such.
    public var isDemo: Bool

    public init(
        id: String, kind: ItemKind, ownerKey: String, title: String, description: String,
        handlungsfelder: Set<Handlungsfeld>, reach: Reach, desiredSizes: Set<Groessenklasse> = [],
        unterthemen: Set<String> = [], status: ItemStatus? = nil, visibility: Visibility = .oeffentlich, isDemo: Bool = false
    ) {
        self.unterthemen = unterthemen
        self.status = status
        self.visibility = visibility
        self.isDemo = isDemo
        self.id = id
        self.kind = kind
        self.ownerKey = ownerKey
        self.title = title
        self.description = description
        self.handlungsfelder = handlungsfelder
        self.reach = reach
        self.desiredSizes = desiredSizes
    }
}

/// What the matching needs to know about a town.
public struct TownFacts: Sendable, Equatable {
    public var key: String
    public var name: String
    public var population: Int
    public var kreisKey: String
    public var kreisName: String
    public var coordinate: GeoPoint?
    /// Items the town published in the last 90 days.
    public var recentItems: Int
    /// Interest requests the town accepted or declined.
    public var answeredRequests: Int

    public init(
        key: String, name: String, population: Int, kreisKey: String, kreisName: String, coordinate: GeoPoint?, recentItems: Int,
        answeredRequests: Int = 0
    ) {
        self.answeredRequests = answeredRequests
        self.key = key
        self.name = name
        self.population = population
        self.kreisKey = kreisKey
        self.kreisName = kreisName
        self.coordinate = coordinate
        self.recentItems = recentItems
    }

    public var groessenklasse: Groessenklasse { Groessenklasse(population: population) }
}
