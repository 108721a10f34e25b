import AufwindCore
import Testing

@Suite("The cost-sharing form: amounts as typed, the method by its form value")
struct CostSharingInputTests {
    static let members = CostSharingTests.members

    static func messages(_ input: CostSharingInput) -> [String] {
        if case .failure(let problems) = input.split(members: members) { return problems.messages.map(\.text) }
        return []
    }

    @Test("80.000 € by population with 20.000,00 € funding: the same split as the numbers themselves")
    func byPopulation() throws {
        let split = try CostSharingInput(amount: "80.000", funding: "20.000,00 €", method: "einwohner").split(members: Self.members).get()
        let direct = try CostSharing.split(totalCost: 80_000, funding: 20_000, members: Self.members, method: .byPopulation).get()
        #expect(split.shares == direct && split.method == .byPopulation)
    }

    @Test("equally, by usage and base plus per capita, from their form values")
    func otherMethods() throws {
        #expect(
            try CostSharingInput(amount: "100", method: "gleich").split(members: Self.members).get().shares.map(\.grossCents) == [
                3_334, 3_333, 3_333,
            ])
        let usage = CostSharingInput(amount: "1.000", method: "nutzung", usage: ["05570004": "2", "05570036": "1,0", "05570052": "1"])
        #expect(try usage.split(members: Self.members).get().shares.map(\.grossCents) == [50_000, 25_000, 25_000])
        let base = try CostSharingInput(amount: "30 000", method: "sockel", base: "10.000 €").split(members: Self.members).get()
        #expect(base.shares.map(\.grossCents) == [1_000_000, 1_000_000, 1_000_000] && base.method == .basePlusPerCapita(base: 10_000))
    }

    @Test("what cannot be split says why, in German")
    func refused() {
        #expect(Self.messages(CostSharingInput(amount: "viel")) == ["„viel“ ist kein Eurobetrag (z. B. 80.000 oder 1.234,56 €)."])
        #expect(Self.messages(CostSharingInput(amount: "")) == ["Bitte geben Sie einen Betrag in Euro an."])
        #expect(Self.messages(CostSharingInput(amount: "100", funding: "-5")) == ["„-5“ ist negativ; bitte geben Sie einen Betrag ab 0 € an."])
        #expect(Self.messages(CostSharingInput(amount: "100", funding: "200")) == ["Die Förderung muss zwischen 0 und den Kosten liegen."])
        #expect(Self.messages(CostSharingInput(amount: "0")) == ["Die Kosten müssen eine positive Zahl sein."])
        #expect(Self.messages(CostSharingInput(amount: "100", method: "sockel")) == ["Bitte einen Sockelbetrag je Mitglied angeben."])
        #expect(Self.messages(CostSharingInput(amount: "100", method: "los")) == ["Unbekannte Aufteilung „los“."])
        // a usage that cannot be read is a missing one
        let usage = CostSharingInput(amount: "100", method: "nutzung", usage: ["05570004": "2", "05570036": "viel", "05570052": "1"])
        #expect(Self.messages(usage) == ["Für Oelde fehlt die erwartete Nutzung (eine Zahl ≥ 0)."])
    }

    @Test("every method the form offers can be split")
    func methodsOffered() {
        for method in CostSharingInput.methods {
            let input = CostSharingInput(amount: "900", method: method.id, base: "100", usage: ["05570004": "1", "05570036": "1", "05570052": "1"])
            #expect((try? input.split(members: Self.members).get()) != nil, "\(method.id)")
        }
    }
}
