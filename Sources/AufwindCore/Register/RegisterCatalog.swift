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
    /// Kreise and Gemeindeverbände that the place search finds besides the listed Gemeinden;
    /// search id = `gemeinden.count` + index. Not the Kreis of a kreisfreie Stadt nor the
    /// Verband of a verbandsfreie Gemeinde: both are the Gemeinde itself.
    let searchUnits: [Gebietseinheit]
    /// Centre of each search unit: the area-weighted mean of its Gemeinden's centres.
    private let searchUnitCentres: [GeoPoint?]
    let codeIndex: PlaceCodeIndex
    /// Position of each search id (Gemeinden and search units) when all are ordered by name,
    /// population or area.
    let rankByName: [Int32]
    let rankByPopulation: [Int32]
    let rankByArea: [Int32]
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
        let searchUnits = unitsByKind.filter { $0.key == .kreis || $0.key == .gemeindeverband }.values.joined()
            .filter { Self.isSearchedApart($0) && totals[$0.key] != nil }
            .sorted { $0.key < $1.key }
        self.searchUnits = searchUnits
        searchUnitCentres = searchUnits.map { unit in
            RegisterCatalog.centre(of: (members[unit.key] ?? []).map { listed[$0] })
        }
        codeIndex = PlaceCodeIndex(gemeinden: listed, units: searchUnits)
        let unitEntries = searchUnits.map { unit in
            RegisterSearchIndex.Entry(
                name: unit.name, weight: totals[unit.key]?.population ?? 0, kind: unit.kind == .kreis ? .kreis : .gemeindeverband)
        }
        searchIndex = RegisterSearchIndex(entries: listed.map { RegisterSearchIndex.Entry(name: $0.name, weight: $0.population) } + unitEntries)
        let folded = listed.map { SearchKey(name: $0.name).expanded }
        let indices = Array(listed.indices)
        orderByName = indices.sorted { (folded[$0], listed[$0].ags) < (folded[$1], listed[$1].ags) }
        orderByPopulation = indices.sorted { (listed[$0].population, listed[$0].ags) < (listed[$1].population, listed[$1].ags) }
        orderByArea = indices.sorted { (listed[$0].areaHectares, listed[$0].ags) < (listed[$1].areaHectares, listed[$1].ags) }

        // The same orders over Gemeinden and search units, as ranks.
        let names = folded + searchUnits.map { SearchKey(name: $0.name).expanded }
        let keys = listed.map(\.ags) + searchUnits.map(\.key)
        let populations = listed.map(\.population) + searchUnits.map { totals[$0.key]?.population ?? 0 }
        let areas = listed.map(\.areaHectares) + searchUnits.map { totals[$0.key]?.areaHectares ?? 0 }
        func ranks(_ ordered: [Int]) -> [Int32] {
            var rank = [Int32](repeating: 0, count: ordered.count)
            for (position, id) in ordered.enumerated() { rank[id] = Int32(position) }
            return rank
        }
        let ids = Array(keys.indices)
        rankByName = ranks(ids.sorted { (names[$0], keys[$0]) < (names[$1], keys[$1]) })
        rankByPopulation = ranks(ids.sorted { (populations[$0], keys[$0]) < (populations[$1], keys[$1]) })
        rankByArea = ranks(ids.sorted { (areas[$0], keys[$0]) < (areas[$1], keys[$1]) })
    }

    /// Whether the place search lists a unit as a hit of its own: Kreise other than kreisfreie
    /// Städte and Stadtkreise, Gemeindeverbände other than verbandsfreie Gemeinden.
    static func isSearchedApart(_ unit: Gebietseinheit) -> Bool {
        switch unit.kind {
        case .kreis: unit.typeCode != 41 && unit.typeCode != 42
        case .gemeindeverband: unit.typeCode != 50
        default: false
        }
    }

    /// The area-weighted mean of the Gemeinden's centres (plain mean where no area is known).
    static func centre(of gemeinden: [Gemeinde]) -> GeoPoint? {
        let located = gemeinden.compactMap { g in g.coordinate.map { (point: $0, weight: Double(max(g.areaHectares, 1))) } }
        let total = located.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        return GeoPoint(
            latitude: located.reduce(0) { $0 + $1.point.latitude * $1.weight } / total,
            longitude: located.reduce(0) { $0 + $1.point.longitude * $1.weight } / total)
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

    /// The centre of a Kreis or Gemeindeverband (area-weighted mean of its Gemeinden), nil for
    /// units the search does not list apart.
    public func centre(ofUnit key: String) -> GeoPoint? {
        searchUnitIndex(key: key).flatMap { searchUnitCentres[$0] }
    }

    /// The place behind a search id.
    func place(id: Int) -> Place {
        if id < gemeinden.count { return .gemeinde(gemeinden[id]) }
        let unit = searchUnits[id - gemeinden.count]
        return unit.kind == .kreis ? .kreis(unit) : .gemeindeverband(unit)
    }

    /// The centre of the place behind a search id.
    func coordinate(id: Int) -> GeoPoint? {
        id < gemeinden.count ? gemeinden[id].coordinate : searchUnitCentres[id - gemeinden.count]
    }

    private func searchUnitIndex(key: String) -> Int? {
        var low = 0
        var high = searchUnits.count
        while low < high {
            let mid = (low + high) / 2
            if searchUnits[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < searchUnits.count && searchUnits[low].key == key ? low : nil
    }

    func listedIndex(ags: String) -> Int? { listedIndexByAGS[ags] }
    var namesOrder: [Int] { orderByName }
    var populationOrder: [Int] { orderByPopulation }
    var areaOrder: [Int] { orderByArea }
}
