import AufwindCore
import Testing

@Suite("Register diff: re-import and mergers")
struct RegisterDiffTests {
    static let kreis = Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 44)
    static func gemeinde(_ ags: String, _ name: String, area: Int, population: Int, lat: Double) -> Gemeinde {
        Gemeinde(
            ags: ags, ars: "05570" + "0000" + ags.suffix(3), name: name, typeCode: 64, areaHectares: area,
            population: population, populationMale: population / 2, postcode: "59000", hasSeveralPostcodes: false,
            coordinate: GeoPoint(latitude: lat, longitude: 8))
    }
    let a = gemeinde("05570001", "Altdorf", area: 1000, population: 3000, lat: 51.0)
    let b = gemeinde("05570002", "Bachdorf", area: 2000, population: 4000, lat: 51.1)
    let c = gemeinde("05570003", "Fernheim", area: 3000, population: 5000, lat: 52.0)

    @Test("the same file twice changes nothing")
    func idempotent() {
        let data = RegisterData(gebietsstand: "2025-11-30", units: [Self.kreis], gemeinden: [a, b, c])
        let state = RegisterState(units: data.units, gemeinden: data.gemeinden)
        #expect(RegisterDiff.changes(from: state, to: data).isEmpty)
    }

    @Test("a merger into an existing Gemeinde keeps the old AGS as historical with that successor")
    func mergerIntoExisting() {
        var grownB = b
        grownB.areaHectares += a.areaHectares
        grownB.population += a.population
        let state = RegisterState(units: [Self.kreis], gemeinden: [a, b, c])
        let newer = RegisterData(gebietsstand: "2026-11-30", units: [Self.kreis], gemeinden: [grownB, c])
        let changes = RegisterDiff.changes(from: state, to: newer)
        #expect(changes.vanishedGemeinden == ["05570001": HistoricalRecord(since: "2026-11-30", successor: "05570002")])
        #expect(changes.updatedGemeinden == [grownB])
        #expect(changes.insertedGemeinden.isEmpty)
    }

    @Test("two Gemeinden forming a new one both point to the new AGS")
    func mergerIntoNew() {
        let merged = Self.gemeinde("05570009", "Altbach", area: 3000, population: 7000, lat: 51.05)
        let state = RegisterState(units: [Self.kreis], gemeinden: [a, b, c])
        let newer = RegisterData(gebietsstand: "2026-11-30", units: [Self.kreis], gemeinden: [merged, c])
        let changes = RegisterDiff.changes(from: state, to: newer)
        #expect(changes.vanishedGemeinden["05570001"]?.successor == "05570009")
        #expect(changes.vanishedGemeinden["05570002"]?.successor == "05570009")
        #expect(changes.insertedGemeinden == [merged])
    }

    @Test("a historical entry is not marked again, and one listed again is revived")
    func historicalStaysAndRevives() {
        let state = RegisterState(
            units: [Self.kreis], gemeinden: [a, b, c], historical: ["05570001": HistoricalRecord(since: "2026-11-30", successor: nil)])
        let without = RegisterData(gebietsstand: "2027-11-30", units: [Self.kreis], gemeinden: [b, c])
        #expect(RegisterDiff.changes(from: state, to: without).isEmpty)
        let with = RegisterData(gebietsstand: "2027-11-30", units: [Self.kreis], gemeinden: [a, b, c])
        #expect(RegisterDiff.changes(from: state, to: with).updatedGemeinden == [a])
    }
}
