import AufwindCore
import Testing

@Suite("Cost sharing")
struct CostSharingTests {
    static let members = [
        VerbundMember(key: "05570004", name: "Ahlen", type: .gemeinde, landCode: "05", population: 52_666, kreisKey: "05570"),
        VerbundMember(key: "05570036", name: "Oelde", type: .gemeinde, landCode: "05", population: 29_326, kreisKey: "05570"),
        VerbundMember(key: "05570052", name: "Warendorf", type: .gemeinde, landCode: "05", population: 37_930, kreisKey: "05570"),
        VerbundMember(key: "anbieter-1", name: "Startup GmbH", type: .anbieter, landCode: "", population: 0, kreisKey: ""),
    ]

    @Test("a shared digital officer at 80.000 € a year, split by population, adds up to the cent; providers pay nothing")
    func byPopulation() throws {
        let shares = try CostSharing.split(totalCost: 80_000, funding: 20_000, members: Self.members, method: .byPopulation).get()
        #expect(shares.map(\.key) == ["05570004", "05570036", "05570052"])
        #expect(shares.reduce(0) { $0 + $1.grossCents } == 8_000_000 && shares.reduce(0) { $0 + $1.fundingCents } == 2_000_000)
        #expect(shares[0].grossCents == 3_513_350)  // 8,000,000 ct × 52,666 / 119,922 = 3,513,350.1
    }

    @Test("equally, by usage and base plus per capita")
    func otherMethods() throws {
        let equal = try CostSharing.split(totalCost: 100, members: Self.members, method: .equally).get()
        #expect(equal.map(\.grossCents) == [3_334, 3_333, 3_333])
        let usage = try CostSharing.split(totalCost: 1_000, members: Self.members, method: .byUsage(["05570004": 2, "05570036": 1, "05570052": 1]))
            .get()
        #expect(usage.map(\.grossCents) == [50_000, 25_000, 25_000])
        let base = try CostSharing.split(totalCost: 30_000, members: Self.members, method: .basePlusPerCapita(base: 10_000)).get()
        #expect(base.map(\.grossCents) == [1_000_000, 1_000_000, 1_000_000])
    }

    @Test("impossible splits get a German message")
    func refused() {
        #expect(throws: (any Error).self) { try CostSharing.split(totalCost: 100, members: Self.members, method: .byUsage(["05570004": 1])).get() }
        if case .failure(let message) = CostSharing.split(totalCost: 100, members: Self.members, method: .basePlusPerCapita(base: 50)) {
            #expect(message.text == "Die Sockelbeträge (3 × 50 €) übersteigen die Kosten.")
        } else {
            Issue.record("expected a failure")
        }
        #expect(throws: (any Error).self) { try CostSharing.split(totalCost: -5, members: Self.members, method: .equally).get() }
    }

    @Test("CSV for German Excel: BOM, semicolons, decimal comma, formula-looking cells defused")
    func csv() throws {
        var members = Self.members
        members[1].name = "=HYPERLINK(\"x\")"
        let shares = try CostSharing.split(totalCost: 1_000.5, members: Array(members.prefix(2)), method: .equally).get()
        let text = CostSharing.csv(shares, method: .equally)
        #expect(text.hasPrefix("\u{FEFF}Mitglied;Schlüssel;Einwohner;"))
        #expect(text.contains("\r\nAhlen;05570004;52666;500,25;0,00;500,25\r\n"))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\";05570036"))
        #expect(text.contains("Summe;;81992;1000,50;0,00;1000,50"))
    }
}
