import AufwindCore
import Testing

/// A small register for the place search: towns that share their name with their Kreis or a
/// Samtgemeinde, a kreisfreie Stadt, three Halles and a Region larger than its city.
enum PlaceFixture {
    static func land(_ key: String, _ name: String) -> Gebietseinheit {
        Gebietseinheit(kind: .land, key: key, name: name, seat: "", typeCode: nil)
    }

    static func kreis(_ key: String, _ name: String, type: Int) -> Gebietseinheit {
        Gebietseinheit(kind: .kreis, key: key, name: name, seat: "", typeCode: type)
    }

    /// A Gemeinde; without `verband` it is verbandsfrei (its own Verband, Textkennzeichen 50).
    static func gemeinde(
        _ ags: String, _ name: String, type: Int = 63, population: Int, postcode: String, lat: Double, lon: Double, verband: String? = nil
    ) -> Gemeinde {
        Gemeinde(
            ags: ags, ars: String(ags.prefix(5)) + (verband ?? "0" + ags.suffix(3)) + ags.suffix(3), name: name, typeCode: type,
            areaHectares: 10_000, population: population, populationMale: population / 2, postcode: postcode, hasSeveralPostcodes: false,
            coordinate: GeoPoint(latitude: lat, longitude: lon))
    }

    static let muenster = gemeinde("05515000", "Münster, Stadt", type: 61, population: 308_258, postcode: "48143", lat: 51.96, lon: 7.63)
    static let ahlen = gemeinde("05570004", "Ahlen, Stadt", population: 52_666, postcode: "59227", lat: 51.76, lon: 7.89)
    static let warendorf = gemeinde("05570052", "Warendorf, Stadt", population: 37_703, postcode: "48231", lat: 51.95, lon: 7.99)
    static let halleWestf = gemeinde("05754012", "Halle (Westf.), Stadt", population: 22_036, postcode: "33790", lat: 52.06, lon: 8.36)
    static let halleSaale = gemeinde("15002000", "Halle (Saale), Stadt", type: 61, population: 226_767, postcode: "06108", lat: 51.48, lon: 11.97)
    static let halle = gemeinde("03255016", "Halle", type: 64, population: 1_400, postcode: "37620", lat: 51.99, lon: 9.56)
    static let hannover = gemeinde("03241001", "Hannover, Landeshauptstadt", population: 548_186, postcode: "30159", lat: 52.37, lon: 9.74)
    static let garbsen = gemeinde("03241005", "Garbsen, Stadt", population: 61_000, postcode: "30823", lat: 52.42, lon: 9.60)
    static let schwarmstedt = gemeinde(
        "03358020", "Schwarmstedt", type: 64, population: 5_759, postcode: "29690", lat: 52.68, lon: 9.62, verband: "5403")
    static let buchholz = gemeinde(
        "03358005", "Buchholz (Aller)", type: 64, population: 2_178, postcode: "29690", lat: 52.68, lon: 9.68, verband: "5403")
    static let samtgemeinde = Gebietseinheit(kind: .gemeindeverband, key: "033585403", name: "Schwarmstedt", seat: "Schwarmstedt", typeCode: 52)

    static let gemeinden = [muenster, ahlen, warendorf, halleWestf, halleSaale, halle, hannover, garbsen, schwarmstedt, buchholz]

    static let catalog = RegisterCatalog(
        gebietsstand: "2025-11-30",
        units: [
            land("03", "Niedersachsen"), land("05", "Nordrhein-Westfalen"), land("15", "Sachsen-Anhalt"),
            kreis("05515", "Münster, Stadt", type: 41), kreis("05570", "Warendorf", type: 43), kreis("05754", "Gütersloh", type: 43),
            kreis("15002", "Halle (Saale), Stadt", type: 41), kreis("03255", "Holzminden", type: 44), kreis("03241", "Region Hannover", type: 44),
            kreis("03358", "Heidekreis", type: 44), samtgemeinde,
        ]
            + gemeinden.filter { $0.ars.dropFirst(5).hasPrefix("0") }.map {
                Gebietseinheit(kind: .gemeindeverband, key: $0.verbandKey, name: $0.name, seat: "", typeCode: 50)
            },
        gemeinden: gemeinden)

    static func places(_ text: String, _ adjust: (inout GemeindeQuery) -> Void = { _ in }) throws -> [PlacePage.Item] {
        var query = GemeindeQuery(text: text, perPage: 50)
        adjust(&query)
        return try catalog.places(query).items
    }

    /// Each hit as kind and key, e.g. "kreis 05570".
    static func found(_ text: String, _ adjust: (inout GemeindeQuery) -> Void = { _ in }) throws -> [String] {
        try places(text, adjust).map { "\($0.place.kind.rawValue) \($0.place.key)" }
    }
}

@Suite("Place search: Gemeinden, Kreise, Gemeindeverbände, keys and postcodes")
struct PlaceSearchTests {
    @Test(
        "a Kreis is found by its name with the word that names it, and then alone",
        arguments: ["Kreis Warendorf", "Landkreis Warendorf", "Lkr. Warendorf", "kreis warendorf", "LK Warendorv"])
    func kreisByName(query: String) throws {
        #expect(try PlaceFixture.found(query) == ["kreis 05570"])
    }

    @Test("a name shared by a town and its Kreis shows both, the town first")
    func townAndKreis() throws {
        #expect(try PlaceFixture.found("Warendorf") == ["gemeinde 05570052", "kreis 05570"])
        // even where the Kreis (the Region) is the larger
        #expect(try PlaceFixture.found("Hannover") == ["gemeinde 03241001", "kreis 03241"])
        #expect(try PlaceFixture.found("Region Hannover").first == "kreis 03241")
    }

    @Test("a Gemeindeverband is found by its name, alone with the word that names its kind")
    func verband() throws {
        #expect(try PlaceFixture.found("Schwarmstedt") == ["gemeinde 03358020", "gemeindeverband 033585403"])
        #expect(try PlaceFixture.found("Samtgemeinde Schwarmstedt") == ["gemeindeverband 033585403"])
        #expect(try PlaceFixture.found("SG Schwarmstedt") == ["gemeindeverband 033585403"])
        let hit = try #require(try PlaceFixture.places("Samtgemeinde Schwarmstedt").first)
        #expect(hit.place.typeName == "Samtgemeinde" && hit.quality == .exact)
        #expect(PlaceFixture.catalog.gemeinden(in: "033585403").map(\.ags) == ["03358005", "03358020"])
    }

    @Test("a kreisfreie Stadt and a verbandsfreie Gemeinde are found once, as the Gemeinde, also by their Kreis and Verband keys")
    func notTwice() throws {
        #expect(try PlaceFixture.found("Münster") == ["gemeinde 05515000"])
        #expect(try PlaceFixture.found("05515") == ["gemeinde 05515000"])
        #expect(try PlaceFixture.found("055150000") == ["gemeinde 05515000"])
        #expect(try PlaceFixture.found("Ahlen") == ["gemeinde 05570004"])
    }

    @Test(
        "AGS, ARS and Kreis keys find their place, spaces aside",
        arguments: [
            ("05570004", "gemeinde 05570004"), ("0557 0004", "gemeinde 05570004"), ("055700004004", "gemeinde 05570004"),
            ("05570", "kreis 05570"), ("033585403", "gemeindeverband 033585403"), ("033585403000", "gemeindeverband 033585403"),
            ("033585403020", "gemeinde 03358020"),
        ])
    func keys(typed: String, expected: String) throws {
        #expect(try PlaceFixture.found(typed) == [expected])
    }

    @Test("the postcode of the seat finds its Gemeinden, the larger first; its first digits while typing")
    func postcode() throws {
        #expect(try PlaceFixture.found("29690") == ["gemeinde 03358020", "gemeinde 03358005"])
        #expect(try PlaceFixture.places("29690").allSatisfy { $0.quality == .exact })
        #expect(try PlaceFixture.found("48231") == ["gemeinde 05570052"])
        #expect(try PlaceFixture.places("2969").map(\.quality) == [.prefix, .prefix])
        #expect(try PlaceFixture.found("48") == ["gemeinde 05515000", "gemeinde 05570052"])
        #expect(try PlaceFixture.found("99999").isEmpty)
        #expect(try PlaceFixture.found("123456").isEmpty)
    }

    @Test("an ambiguous name puts the larger and the exact ones first: the name without its qualifier counts as exact")
    func halle() throws {
        #expect(try PlaceFixture.found("Halle") == ["gemeinde 15002000", "gemeinde 05754012", "gemeinde 03255016"])
        #expect(try PlaceFixture.places("Halle").allSatisfy { $0.quality == .exact })
        let towns = try PlaceFixture.catalog.query(GemeindeQuery(text: "Halle")).items.map(\.gemeinde.shortName)
        #expect(towns == ["Halle (Saale)", "Halle (Westf.)", "Halle"])
        #expect(try PlaceFixture.found("Halle (Westf.)").first == "gemeinde 05754012")
    }

    @Test("the Gemeinde listing (query) keeps finding Gemeinden only")
    func gemeindenOnly() throws {
        #expect(try PlaceFixture.catalog.query(GemeindeQuery(text: "Warendorf")).items.map(\.gemeinde.ags) == ["05570052"])
        #expect(try PlaceFixture.catalog.query(GemeindeQuery(text: "Kreis Warendorf")).total == 0)
        #expect(try PlaceFixture.catalog.query(GemeindeQuery(text: "Stadt Warendorf")).items.map(\.gemeinde.ags) == ["05570052"])
        #expect(try PlaceFixture.catalog.query(GemeindeQuery(text: "48231")).items.map(\.gemeinde.ags) == ["05570052"])
        // Without search text, places lists the Gemeinden as query does.
        #expect(try PlaceFixture.catalog.places(GemeindeQuery()).items.allSatisfy { $0.place.kind == .gemeinde })
        #expect(try PlaceFixture.catalog.places(GemeindeQuery()).total == PlaceFixture.gemeinden.count)
    }

    @Test("filters, order and distance apply to Kreise and Verbände; a Größenklasse keeps Gemeinden only")
    func filtersAndOrder() throws {
        #expect(try PlaceFixture.found("Warendorf") { $0.land = "03" }.isEmpty)
        #expect(try PlaceFixture.found("Schwarmstedt") { $0.kreis = "03358" }.count == 2)
        #expect(try PlaceFixture.found("Warendorf") { $0.groessenklasse = .mittelstadt } == ["gemeinde 05570052"])
        #expect(try PlaceFixture.found("Warendorf") { $0.sort = .populationAscending } == ["gemeinde 05570052", "kreis 05570"])
        #expect(try PlaceFixture.found("Hannover") { $0.sort = .populationDescending } == ["kreis 03241", "gemeinde 03241001"])
        let fromAhlen = try PlaceFixture.places("Warendorf") { $0.distanceFrom = PlaceFixture.ahlen.ags }
        let kreis = try #require(fromAhlen.first { $0.place.kind == .kreis })
        // The Kreis's centre is the area-weighted mean of its two Gemeinden.
        #expect(abs(try #require(PlaceFixture.catalog.centre(ofUnit: "05570")).latitude - (51.76 + 51.95) / 2) < 1e-9)
        #expect(try #require(kreis.distanceKm) > 5 && (kreis.distanceKm ?? 0) < 15)
    }
}

@Suite("Place search over the full register", .enabled(if: ReferenceData.isAvailable))
struct PlaceSearchRegisterTests {
    func found(_ text: String, _ count: Int = 5) throws -> [String] {
        try ReferenceData.catalog.places(GemeindeQuery(text: text, perPage: count)).items.map { "\($0.place.kind.rawValue) \($0.place.key)" }
    }

    @Test("Kreis Warendorf, Landkreis Warendorf; Warendorf shows the town and the Kreis")
    func kreisWarendorf() throws {
        #expect(try found("Kreis Warendorf").first == "kreis 05570")
        #expect(try found("Landkreis Warendorf").first == "kreis 05570")
        #expect(try found("Warendorf").prefix(2) == ["gemeinde 05570052", "kreis 05570"])
        #expect(try found("München").prefix(2) == ["gemeinde 09162000", "kreis 09184"])
    }

    @Test("Samtgemeinden, Ämter and Verbandsgemeinden, with and without the word for their kind")
    func verbaende() throws {
        #expect(try found("Samtgemeinde Hemmoor") == ["gemeindeverband 033525407"])
        #expect(try found("Hemmoor").prefix(2) == ["gemeinde 03352022", "gemeindeverband 033525407"])
        #expect(try found("Gellersen").first == "gemeindeverband 033555404")
        #expect(try found("Amt Preetz-Land").first == "gemeindeverband 010575747")
        let samtgemeinde = try #require(try ReferenceData.catalog.places(GemeindeQuery(text: "Samtgemeinde Hemmoor")).items.first?.place)
        #expect(samtgemeinde.typeName == "Samtgemeinde")
    }

    @Test("postcodes of the seats, AGS and ARS")
    func keys() throws {
        #expect(try found("48231") == ["gemeinde 05570052"])
        #expect(try found("59227") == ["gemeinde 05570004"])
        #expect(try found("05570004") == ["gemeinde 05570004"])
        #expect(try found("055700004004") == ["gemeinde 05570004"])
        #expect(try found("033525407") == ["gemeindeverband 033525407"])
    }

    @Test("Halle (Saale) before the smaller Halles, Frankfurt am Main before Frankfurt (Oder)")
    func ambiguous() throws {
        #expect(try found("Halle").first == "gemeinde 15002000")
        #expect(try ReferenceData.catalog.query(GemeindeQuery(text: "Halle", perPage: 1)).items.first?.gemeinde.ags == "15002000")
        #expect(try found("Frankfurt").prefix(2) == ["gemeinde 06412000", "gemeinde 12053000"])
    }
}
