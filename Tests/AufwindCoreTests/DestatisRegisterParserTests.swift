import AufwindCore
import Testing

@Suite("GV100AD parser")
struct GV100ADParserTests {
    let writer = GV100ADWriter(gebietsstand: "20251130")
    let land = Gebietseinheit(kind: .land, key: "05", name: "Nordrhein-Westfalen", seat: "Düsseldorf", typeCode: nil)
    let regbez = Gebietseinheit(kind: .regierungsbezirk, key: "055", name: "Reg.-Bez. Münster", seat: "Münster", typeCode: nil)
    let region = Gebietseinheit(kind: .region, key: "0811", name: "Region Stuttgart", seat: "Stuttgart", typeCode: nil)
    let kreis = Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 44)
    let verband = Gebietseinheit(kind: .gemeindeverband, key: "055700004", name: "Ahlen, Stadt", seat: "", typeCode: 50)
    let ahlen = Gemeinde(
        ags: "05570004", ars: "055700004004", name: "Ahlen, Stadt", typeCode: 63, areaHectares: 12_328,
        population: 52_666, populationMale: 26_000, postcode: "59227", hasSeveralPostcodes: true, coordinate: nil)

    func parse(_ text: String) throws(RegisterFileError) -> RegisterData {
        try GV100ADParser(fileName: "test.txt").parse(text).data
    }

    func file(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    @Test("reads every Satzart with its fields")
    func readsEverySatzart() throws {
        let bwLand = Gebietseinheit(kind: .land, key: "08", name: "Baden-Württemberg", seat: "Stuttgart", typeCode: nil)
        let text = file(
            [land, regbez, kreis, verband].map(writer.record(for:)) + [
                writer.record(for: ahlen), writer.record(for: bwLand), writer.record(for: region),
            ])
        let data = try parse(text)
        #expect(data.gebietsstand == "2025-11-30")
        #expect(data.units == [land, regbez, kreis, verband, bwLand, region])
        #expect(data.gemeinden == [ahlen])
        #expect(data.gemeinden[0].shortName == "Ahlen")
        #expect(data.gemeinden[0].populationFemale == 26_666)
        #expect(data.gemeinden[0].areaKm2 == 123.28)
    }

    @Test("reads the real file: 10,953 records of Satzart 60, 400 Kreise, 16 Länder")
    func readsRealFile() throws {
        try #require(ReferenceData.isAvailable)
        let data = ReferenceData.register
        #expect(data.gemeinden.count == 10_953)
        #expect(data.gemeinden.filter { !$0.isGemeindefrei }.count == 10_751)
        #expect(data.units.filter { $0.kind == .kreis }.count == 400)
        #expect(data.units.filter { $0.kind == .land }.count == 16)
        #expect(data.units.filter { $0.kind == .regierungsbezirk }.count == 29)
        #expect(data.units.filter { $0.kind == .region }.count == 12)
        #expect(data.gemeinden.reduce(0) { $0 + $1.population } == 83_577_140)
        let muenster = try #require(data.gemeinden.first { $0.ags == "05515000" })
        #expect(muenster.name == "Münster, Stadt")
        #expect(muenster.population == 308_258)
        #expect(muenster.postcode == "48143")
        #expect(muenster.coordinate != nil)
    }

    @Test("keeps the 50-character name that Destatis cut, Sorbian letters intact")
    func fiftyCharacterName() throws {
        try #require(ReferenceData.isAvailable)
        let bautzen = try #require(ReferenceData.register.gemeinden.first { $0.ags == "14625020" })
        #expect(bautzen.name == "Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokoš")
        #expect(bautzen.name.unicodeScalars.count == 50)
        #expect(bautzen.shortName == "Bautzen / Budyšin")
    }

    @Test("a malformed population names file, line, field and value")
    func malformedNumber() {
        var line = Array(writer.record(for: ahlen).unicodeScalars)
        for (offset, scalar) in "00000x52666".unicodeScalars.enumerated() { line[139 + offset] = scalar }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line)
        let text = file([land, kreis, verband].map(writer.record(for:)) + [String(view)])
        #expect(
            throws: RegisterFileError(
                file: "test.txt", line: 4, field: "Bevölkerung insgesamt (Stellen 140–150)", value: "00000x52666",
                reason: "erwartet 11 Ziffern")
        ) { try parse(text) }
    }

    @Test("rejects a short record, an unknown Satzart and a missing Kreis")
    func structuralErrors() {
        #expect(throws: RegisterFileError.self) { try parse(file([String(writer.record(for: land).dropLast())])) }
        let unknown = "70" + writer.record(for: land).dropFirst(2)
        #expect { try parse(file([String(unknown)])) } throws: { ($0 as? RegisterFileError)?.field == "Satzart (Stellen 1–2)" }
        #expect { try parse(file([writer.record(for: land), writer.record(for: ahlen)])) } throws: { error in
            let e = error as? RegisterFileError
            return e?.line == 2 && e?.description.contains("Satzart") == true
        }
    }

    @Test("rejects records of two Gebietsstände in one file")
    func mixedGebietsstand() {
        let other = GV100ADWriter(gebietsstand: "20241231")
        #expect { try parse(file([writer.record(for: land), other.record(for: kreis)])) } throws: {
            ($0 as? RegisterFileError)?.line == 2
        }
    }

    @Test("coordinates: reads ags,lat,lon and names a broken line")
    func coordinates() throws {
        let parser = CoordinatesParser(fileName: "koordinaten.csv")
        let points = try parser.parse("ags,lat,lon\n05570004,51.76,7.89\n")
        #expect(points["05570004"] == GeoPoint(latitude: 51.76, longitude: 7.89))
        #expect { try parser.parse("ags,lat,lon\n05570004,91.0,7.89\n") } throws: { ($0 as? RegisterFileError)?.line == 2 }
    }
}
