import AufwindCore
import Foundation
import Testing

@Suite("Which town a typed name means: one at once, or the towns to choose from")
struct TownChoicesTests {
    static func gemeinde(_ ags: String, _ name: String, population: Int) -> Gemeinde {
        Gemeinde(
            ags: ags, ars: String(ags.prefix(5)) + "0" + ags.suffix(3) + ags.suffix(3), name: name, typeCode: 63, areaHectares: 5_000,
            population: population, populationMale: population / 2, postcode: "00000", hasSeveralPostcodes: false, coordinate: nil)
    }

    static let register = RegisterCatalog(
        gebietsstand: "2025-11-30",
        units: [
            Gebietseinheit(kind: .land, key: "05", name: "Nordrhein-Westfalen", seat: "Düsseldorf", typeCode: nil),
            Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 43),
            Gebietseinheit(kind: .land, key: "06", name: "Hessen", seat: "Wiesbaden", typeCode: nil),
            Gebietseinheit(kind: .kreis, key: "06534", name: "Marburg-Biedenkopf", seat: "Marburg", typeCode: 44),
            Gebietseinheit(kind: .land, key: "07", name: "Rheinland-Pfalz", seat: "Mainz", typeCode: nil),
            Gebietseinheit(kind: .kreis, key: "07316", name: "Neustadt an der Weinstraße, kreisfreie Stadt", seat: "", typeCode: 41),
        ],
        gemeinden: [
            gemeinde("05570036", "Oelde, Stadt", population: 29_326),
            gemeinde("05570090", "Neustadt, Stadt", population: 4_100),
            gemeinde("06534090", "Neustadt, Stadt", population: 9_300),
            gemeinde("06534016", "Neustadt (Hessen), Stadt", population: 9_316),
            gemeinde("07316000", "Neustadt an der Weinstraße, Stadt", population: 52_945),
        ])

    static let choices = TownChoices(catalog: register)

    static func keys(_ answer: TownChoices.Answer) -> [String] {
        if case .choose(let choices, _) = answer { return choices.map(\.key) }
        return []
    }

    /// The towns to choose from, or nil when the answer is no choice.
    static func choose(_ answer: TownChoices.Answer) -> (choices: [TownChoice], more: Bool)? {
        if case .choose(let choices, let more) = answer { return (choices, more) }
        return nil
    }

    @Test("a name several towns bear, alone or before their qualifier, asks which one, each with its Kreis and Land; the larger first")
    func namesakes() throws {
        let answer = Self.choices.lookup("Neustadt")
        #expect(Self.keys(answer) == ["07316000", "06534016", "06534090", "05570090"])
        let (choices, more) = try #require(Self.choose(answer))
        #expect(!more)
        #expect(choices[2] == TownChoice(key: "06534090", name: "Neustadt", kreis: "Landkreis Marburg-Biedenkopf", land: "Hessen", population: 9_300))
        #expect(choices[3].kreis == "Kreis Warendorf" && choices[3].land == "Nordrhein-Westfalen")
    }

    @Test("a full name, a name only one town bears and a key are taken at once")
    func unambiguous() {
        #expect(Self.choices.lookup("Neustadt an der Weinstraße") == .town("07316000"))
        #expect(Self.choices.lookup(" oelde ") == .town("05570036"))
        #expect(Self.choices.lookup("05570036") == .town("05570036"))
        #expect(Self.choices.lookup("05570") == .town("05570"))
        #expect(Self.choices.lookup("Atlantis") == .notFound && Self.choices.lookup("99999999") == .notFound)
        #expect(Self.choices.lookup("  ") == .notFound)
    }

    @Test("the beginning of a name or a name with a typo is never taken silently, even when only one town fits")
    func partialNames() throws {
        #expect(Self.keys(Self.choices.lookup("Neust")) == ["07316000", "06534016", "06534090", "05570090"])
        #expect(Self.keys(Self.choices.lookup("Oeld")) == ["05570036"])
        #expect(Self.keys(Self.choices.lookup("Oeldee")) == ["05570036"])
        let (choices, _) = try #require(Self.choose(Self.choices.lookup("Neust")))
        #expect(choices[0].kreis == "kreisfreie Stadt" && choices[0].land == "Rheinland-Pfalz")
    }

    @Test("a choice counts only among the towns the typed name may mean")
    func chosen() {
        #expect(Self.choices.lookup("Neustadt", chosen: "05570090") == .town("05570090"))
        #expect(Self.choices.lookup("Neustadt", chosen: "07316000") == .town("07316000"))
        #expect(Self.keys(Self.choices.lookup("Neustadt", chosen: "05570036")) == ["07316000", "06534016", "06534090", "05570090"])
        #expect(Self.choices.lookup("Oelde", chosen: "05570090") == .town("05570036"))
    }

    @Test("a list of members for the eligibility check names an ambiguous or misspelt entry with the towns it may mean, and checks nothing")
    func ambiguousMembersInAList() throws {
        let resolver = VerbundResolver(catalog: Self.register)
        guard case .failure(let problems) = resolver.members("Oelde, Neustadt") else {
            Issue.record("„Neustadt“ was taken without asking")
            return
        }
        let text = try #require(problems.messages.first?.text)
        #expect(problems.messages.count == 1)
        #expect(text.hasPrefix("„Neustadt“ ist nicht eindeutig"))
        #expect(text.contains("Neustadt (Landkreis Marburg-Biedenkopf, Hessen; AGS 06534090)"))
        #expect(text.contains("AGS 05570090") && text.contains("AGS 07316000"))
        guard case .failure(let typo) = resolver.members("Oelda") else {
            Issue.record("a misspelt name was taken without asking")
            return
        }
        #expect(typo.messages.first?.text.contains("Oelde (Kreis Warendorf, Nordrhein-Westfalen; AGS 05570036)") == true)
        guard case .success(let members) = resolver.members("Oelde, 06534090") else {
            Issue.record("a whole name and a key were refused")
            return
        }
        #expect(members.map(\.key) == ["05570036", "06534090"])
    }

    @Test("the lead of the check may be given by a shared name when only one member bears it; otherwise it is asked for")
    func ambiguousLead() {
        guard case .success(let facts) = EligibilityInput.parse(members: "Oelde, 06534090", lead: "Neustadt", costs: "", catalog: Self.register)
        else {
            Issue.record("the lead among the members was not found")
            return
        }
        #expect(facts.leadKey == "06534090")
        guard case .failure(let problems) = EligibilityInput.parse(members: "06534090, 05570090", lead: "Neustadt", costs: "", catalog: Self.register)
        else {
            Issue.record("a lead that two members may be was taken without asking")
            return
        }
        #expect(problems.messages.map(\.text).contains { $0.hasPrefix("Federführende Kommune: „Neustadt“ ist nicht eindeutig") })
    }
}
