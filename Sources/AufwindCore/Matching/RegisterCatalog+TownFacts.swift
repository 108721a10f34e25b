extension RegisterCatalog {
    /// Every listed Gemeinde and every Kreis as the matching sees them; `recentItems` and
    /// `answeredRequests` give each town's activity. A Kreis has the population of its
    /// Gemeinden and their population-weighted centre as its place.
    public func townFacts(recentItems: (String) -> Int = { _ in 0 }, answeredRequests: (String) -> Int = { _ in 0 }) -> [TownFacts] {
        let gemeindeFacts = gemeinden.map { g in
            TownFacts(
                key: g.ags, name: g.displayName, population: g.population, kreisKey: g.kreisKey,
                kreisName: unit(key: g.kreisKey)?.kreisLabel ?? "", coordinate: g.coordinate, recentItems: recentItems(g.ags),
                answeredRequests: answeredRequests(g.ags))
        }
        let kreisFacts = units(of: .kreis).map { kreis in
            let members = self.gemeinden(in: kreis.key)
            var weight = 0.0
            var latitude = 0.0
            var longitude = 0.0
            for g in members {
                guard let point = g.coordinate else { continue }
                let w = Double(max(1, g.population))
                weight += w
                latitude += w * point.latitude
                longitude += w * point.longitude
            }
            return TownFacts(
                key: kreis.key, name: kreis.displayName, population: members.reduce(0) { $0 + $1.population }, kreisKey: kreis.key,
                kreisName: kreis.kreisLabel, coordinate: weight > 0 ? GeoPoint(latitude: latitude / weight, longitude: longitude / weight) : nil,
                recentItems: recentItems(kreis.key), answeredRequests: answeredRequests(kreis.key))
        }
        return gemeindeFacts + kreisFacts
    }
}
