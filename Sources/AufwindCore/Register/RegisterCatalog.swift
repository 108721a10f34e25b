/// The register in memory: every unit and Gemeinde with look-ups, totals, search and listing.
/// Immutable; a new import builds a new catalog.
public struct RegisterCatalog: Sendable {
    public let gebietsstand: String?
    /// Listed Gemeinden: current, politically independent, ordered by AGS.
    public let gemeinden: [Gemeinde]
    private let gemeindeByAGS: [String: Gemeinde]
    private let unitsByKey: [String: Gebietseinheit]
    /// Current units of each level, ordered by key.
    private let unitsByKind: [GebietsebeneKind: [Gebietseinheit]]
    public let historical: [String: HistoricalRecord]
    private let listedIndexByAGS: [String: Int]
    private let totalsByKey: [String: RegisterTotals]
    private let membersByKey: [String: [Int]]
    let searchIndex: RegisterSearchIndex
    private let orderByName: [Int]
    private let orderByPopulation: [Int]
    private let orderByArea: [Int]

    /// - Parameters:
    ///   - units: Länder, Regierungsbezirke, Regionen, Kreise, Verbände (current and historical).
    ///   - gemeinden: every Gemeinde, historical ones included.
    ///   - historical: AGS or unit key → when and into what it disappeared.
    public init(gebietsstand: String?, units: [Gebietseinheit], gemeinden allGemeinden: [Gemeinde], historical: [String: HistoricalRecord] = [:]) {
        self.gebietsstand = gebietsstand
        self.historical = historical
        unitsByKey = Dictionary(units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        unitsByKind = Dictionary(grouping: unitsByKey.values.filter { historical[$0.key] == nil }, by: \.kind)
            .mapValues { $0.sorted { $0.key < $1.key } }
        gemeindeByAGS = Dictionary(allGemeinden.map { ($0.ags, $0) }, uniquingKeysWith: { a, _ in a })
        let listed =
            allGemeinden
            .filter { !$0.isGemeindefrei && historical[$0.ags] == nil }
            .sorted { $0.ags < $1.ags }
        gemeinden = listed
        listedIndexByAGS = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1.ags, $0) })
        var totals: [String: RegisterTotals] = [:]
        var members: [String: [Int]] = [:]
        for (index, gemeinde) in listed.enumerated() {
            for key in [gemeinde.landCode, gemeinde.regierungsbezirkCode, gemeinde.kreisKey, gemeinde.verbandKey, ""] {
                totals[key, default: RegisterTotals()].add(gemeinde)
                members[key, default: []].append(index)
            }
        }
        totalsByKey = totals
        membersByKey = members
        searchIndex = RegisterSearchIndex(entries: listed.map { .init(name: $0.name, weight: $0.population) })
        let folded = listed.map { SearchKey(name: $0.name).expanded }
        let indices = Array(listed.indices)
        orderByName = indices.sorted { (folded[$0], listed[$0].ags) < (folded[$1], listed[$1].ags) }
        orderByPopulation = indices.sorted { (listed[$0].population, listed[$0].ags) < (listed[$1].population, listed[$1].ags) }
        orderByArea = indices.sorted { (listed[$0].areaHectares, listed[$0].ags) < (listed[$1].areaHectares, listed[$1].ags) }
    }

    public var isEmpty: Bool { gemeinden.isEmpty }

    /// Any Gemeinde by AGS, historical and gemeindefreie Gebiete included.
    public func gemeinde(ags: String) -> Gemeinde? { gemeindeByAGS[ags] }

    public func unit(key: String) -> Gebietseinheit? { unitsByKey[key] }

    public func units(of kind: GebietsebeneKind) -> [Gebietseinheit] {
        unitsByKind[kind] ?? []
    }

    /// Totals over the listed Gemeinden below a key (Land, RegBez, Kreis, Verband; "" for Germany).
    public func totals(of key: String) -> RegisterTotals { totalsByKey[key] ?? RegisterTotals() }

    /// Listed Gemeinden below a key, by AGS.
    public func gemeinden(in key: String) -> [Gemeinde] { (membersByKey[key] ?? []).map { gemeinden[$0] } }

    /// Gemeinden of a Land by Regierungsbezirk key, for Länder without one the empty list.
    public func regierungsbezirke(ofLand land: String) -> [Gebietseinheit] {
        units(of: .regierungsbezirk).filter { $0.key.hasPrefix(land) }
    }

    public func kreise(in key: String) -> [Gebietseinheit] {
        units(of: .kreis).filter { $0.key.hasPrefix(key) }
    }

    /// The `count` listed Gemeinden closest to `ags` (itself excluded), with distance in km.
    public func nearest(to ags: String, count: Int) -> [(gemeinde: Gemeinde, km: Double)] {
        guard let origin = gemeindeByAGS[ags]?.coordinate, count > 0 else { return [] }
        // The `count` best kept in order while scanning: no sort of all 10,751.
        var best: [(index: Int, km: Double)] = []
        best.reserveCapacity(count + 1)
        for (index, gemeinde) in gemeinden.enumerated() where gemeinde.ags != ags {
            guard let point = gemeinde.coordinate else { continue }
            let km = origin.distanceKm(to: point)
            if best.count == count, km >= best[count - 1].km { continue }
            let position = best.firstIndex { km < $0.km } ?? best.count
            best.insert((index, km), at: position)
            if best.count > count { best.removeLast() }
        }
        return best.map { (gemeinde: gemeinden[$0.index], km: $0.km) }
    }

    func listedIndex(ags: String) -> Int? { listedIndexByAGS[ags] }
    var namesOrder: [Int] { orderByName }
    var populationOrder: [Int] { orderByPopulation }
    var areaOrder: [Int] { orderByArea }
}
