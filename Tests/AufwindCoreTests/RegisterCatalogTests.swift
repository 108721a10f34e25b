import AufwindCore
import Testing

@Suite("Register catalog: filters, totals, distances")
struct RegisterCatalogTests {
    var catalog: RegisterCatalog { ReferenceData.catalog }

    @Test("NRW has 396 Gemeinden, Germany 10,751 and 400 Kreise")
    func counts() throws {
        try #require(ReferenceData.isAvailable)
        #expect(catalog.totals(of: "05").gemeinden == 396)
        #expect(catalog.totals(of: "").gemeinden == 10_751)
        #expect(catalog.units(of: .kreis).count == 400)
        #expect(try catalog.query(GemeindeQuery(land: "05")).total == 396)
    }

    @Test("filters combine: Kreis Warendorf, größere Kleinstädte")
    func filters() throws {
        try #require(ReferenceData.isAvailable)
        let page = try catalog.query(GemeindeQuery(kreis: "05570", groessenklasse: .groessereKleinstadt, perPage: 100))
        #expect(page.total > 0)
        #expect(page.items.allSatisfy { $0.gemeinde.kreisKey == "05570" && (10_000..<20_000).contains($0.gemeinde.population) })
    }

    @Test("sorting by population and by distance")
    func sorting() throws {
        try #require(ReferenceData.isAvailable)
        let biggest = try catalog.query(GemeindeQuery(sort: .populationDescending, perPage: 3)).items.map(\.gemeinde.shortName)
        #expect(biggest == ["Berlin", "Hamburg", "München"])
        let near = try catalog.query(GemeindeQuery(kreis: "05570", sort: .distance, distanceFrom: "05570004", perPage: 100))
        #expect(near.items.first?.gemeinde.ags == "05570004")
        let distances = near.items.compactMap(\.distanceKm)
        #expect(distances == distances.sorted())
    }

    @Test("pagination returns the requested slice and the total")
    func pagination() throws {
        try #require(ReferenceData.isAvailable)
        let first = try catalog.query(GemeindeQuery(land: "05", page: 1, perPage: 100))
        let last = try catalog.query(GemeindeQuery(land: "05", page: 4, perPage: 100))
        #expect(first.items.count == 100 && last.items.count == 96 && last.pageCount == 4)
        let beyond = try catalog.query(GemeindeQuery(land: "05", page: 9, perPage: 100))
        #expect(beyond.items.isEmpty && beyond.total == 396)
    }

    @Test("the ten nearest Gemeinden of Ahlen are close and ordered")
    func nearest() throws {
        try #require(ReferenceData.isAvailable)
        let nearest = catalog.nearest(to: "05570004", count: 10)
        #expect(nearest.count == 10)
        #expect(nearest.allSatisfy { $0.km < 30 })
        #expect(nearest.map(\.km) == nearest.map(\.km).sorted())
    }

    @Test("query parameters: bad values get a German message")
    func parameters() {
        #expect(throws: GemeindeQueryError.self) { try GemeindeQuery(parameters: ["land": "NRW"]) }
        #expect(throws: GemeindeQueryError.self) { try GemeindeQuery(parameters: ["per_page": "1000"]) }
        #expect(throws: GemeindeQueryError.self) { try GemeindeQuery(parameters: ["groesse": "riesig"]) }
        #expect((try? GemeindeQuery(parameters: ["sort": "entfernung"]))?.effectiveSort == .nameAscending)
        let query = try? GemeindeQuery(parameters: ["q": " Ahlen ", "kreis": "05570", "page": "2"])
        #expect(query == GemeindeQuery(text: "Ahlen", kreis: "05570", page: 2))
    }
}
