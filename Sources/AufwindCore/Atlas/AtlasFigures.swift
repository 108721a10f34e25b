/// The Kooperationsatlas's figures for every Gemeinde and Kreis of the register, in one
/// Handlungsfeld or all, computed once from the public facts (`AtlasFacts`): one pass over the
/// facts, then over the Gemeinden. Pages read from it and never count on their own.
public struct AtlasFigures: Sendable {
    /// Cooperations between towns at most this far apart are *nah*.
    public static let nearKm = 25.0

    public let field: Handlungsfeld?
    /// Parallel to `RegisterCatalog.gemeinden`.
    public let gemeinden: [GemeindeActivity]
    /// Every current Kreis (and kreisfreie Stadt) by key.
    public let kreise: [String: KreisActivity]
    /// All of Germany (cooperations and Verbünde counted once each).
    public let germany: KreisActivity
    /// Lines between Kreise, most cooperations first.
    public let links: [AtlasLink]

    private let indexByAGS: [String: Int]

    public init(catalog: RegisterCatalog, facts: AtlasFacts, field: Handlungsfeld? = nil) {
        self.field = field
        func counts(_ fields: Set<Handlungsfeld>) -> Bool { field.map(fields.contains) ?? true }
        var indexByAGS: [String: Int] = [:]
        indexByAGS.reserveCapacity(catalog.gemeinden.count)
        for (index, gemeinde) in catalog.gemeinden.enumerated() { indexByAGS[gemeinde.ags] = index }
        var gemeinden = [GemeindeActivity](repeating: GemeindeActivity(), count: catalog.gemeinden.count)
        var kreise: [String: KreisActivity] = [:]
        for unit in catalog.units(of: .kreis) {
            var kreis = KreisActivity(key: unit.key)
            kreis.population = catalog.totals(of: unit.key).population
            kreise[unit.key] = kreis
        }
        var germany = KreisActivity(key: "")

        for key in facts.memberTowns { if let index = indexByAGS[key] { gemeinden[index].member = true } }
        if field != nil { for index in gemeinden.indices { gemeinden[index].countsMembership = false } }
        for group in facts.items where counts(group.fields) {
            if let index = indexByAGS[group.ownerKey] { gemeinden[index].items += group.count }
            kreise[String(group.ownerKey.prefix(5))]?.items += group.count
            germany.items += group.count
        }
        var links: [String: AtlasLink] = [:]
        for cooperation in facts.cooperations where counts(cooperation.fields) {
            germany.cooperations += 1
            for key in [cooperation.ownerKey, cooperation.partnerKey] { if let index = indexByAGS[key] { gemeinden[index].cooperations += 1 } }
            let first = String(cooperation.ownerKey.prefix(5))
            let second = String(cooperation.partnerKey.prefix(5))
            kreise[first]?.cooperations += 1
            guard first != second else { continue }
            kreise[second]?.cooperations += 1
            guard kreise[first] != nil, kreise[second] != nil,
                let a = Self.point(of: cooperation.ownerKey, catalog), let b = Self.point(of: cooperation.partnerKey, catalog)
            else { continue }
            let pair = first < second ? (first, second) : (second, first)
            let linkKey = pair.0 + pair.1
            var link = links[linkKey] ?? AtlasLink(from: pair.0, to: pair.1)
            if a.distanceKm(to: b) <= Self.nearKm { link.near += 1 } else { link.far += 1 }
            links[linkKey] = link
        }
        for verbund in facts.verbuende where counts(verbund.fields) {
            germany.verbuende += 1
            let keys = Set(verbund.memberKeys)
            for key in keys { if let index = indexByAGS[key] { gemeinden[index].verbuende += 1 } }
            for kreisKey in Set(keys.map { String($0.prefix(5)) }) { kreise[kreisKey]?.verbuende += 1 }
        }
        for (index, gemeinde) in catalog.gemeinden.enumerated() {
            let activity = gemeinden[index]
            let kreisKey = gemeinde.kreisKey
            kreise[kreisKey]?.gemeinden += 1
            germany.gemeinden += 1
            germany.population += gemeinde.population
            if activity.isActive {
                kreise[kreisKey]?.activeGemeinden += 1
                germany.activeGemeinden += 1
            }
            if activity.isIsolated {
                kreise[kreisKey]?.isolatedGemeinden += 1
                germany.isolatedGemeinden += 1
            }
        }
        self.gemeinden = gemeinden
        self.kreise = kreise
        self.germany = germany
        self.links = links.values.sorted { ($1.total, $0.from, $0.to) < ($0.total, $1.from, $1.to) }
        self.indexByAGS = indexByAGS
    }

    /// A listed Gemeinde's figures.
    public func gemeinde(ags: String) -> GemeindeActivity? { indexByAGS[ags].map { gemeinden[$0] } }

    /// Where a town is: a Gemeinde's coordinate, a Kreis's centre (of a kreisfreie Stadt: the Stadt's).
    public static func point(of key: String, _ catalog: RegisterCatalog) -> GeoPoint? {
        if key.count == 8 { return catalog.gemeinde(ags: key)?.coordinate }
        if let centre = catalog.centre(ofUnit: key) { return centre }
        let members = catalog.gemeinden(in: key)
        return members.count == 1 ? members[0].coordinate : nil
    }
}
