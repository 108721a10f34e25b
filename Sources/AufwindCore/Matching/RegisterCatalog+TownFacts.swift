extension RegisterCatalog {
    /// Every listed Gemeinde as the matching sees it; `recentItems` gives each town's activity.
    public func townFacts(recentItems: (String) -> Int = { _ in 0 }) -> [TownFacts] {
        gemeinden.map { g in
            TownFacts(
                key: g.ags, name: g.shortName, population: g.population, kreisKey: g.kreisKey,
                kreisName: unit(key: g.kreisKey)?.name ?? "", coordinate: g.coordinate, recentItems: recentItems(g.ags))
        }
    }
}
