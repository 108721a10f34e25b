import AufwindCore
import Foundation
import Testing

/// Real cases from the funding catalogue, pinned with the rules that ship with Aufwind.
@Suite("Eligibility of a Verbund for funding programmes")
struct EligibilityTests {
    static let rules = try! FundingRuleFile.bundled().get()
    static let checker = EligibilityChecker(landNames: ["05": "Nordrhein-Westfalen", "03": "Niedersachsen", "09": "Bayern"], today: "2026-11-26")
    static func gemeinde(_ key: String, _ name: String, _ population: Int) -> VerbundMember {
        VerbundMember(key: key, name: name, type: .gemeinde, landCode: String(key.prefix(2)), population: population, kreisKey: String(key.prefix(5)))
    }
    static let ahlen = gemeinde("05570004", "Ahlen", 52_666), oelde = gemeinde("05570036", "Oelde", 29_326)
    static let munster = gemeinde("03358016", "Munster", 15_260)

    static func check(_ programme: String, _ verbund: VerbundFacts) -> EligibilityResult {
        checker.check(verbund, against: rules.rules(for: programme)!)
    }

    @Test("IKZ NRW: two NRW towns are eligible, with the fixed amount and its formula")
    func ikzTwoTowns() {
        let result = Self.check("ikz-nrw", VerbundFacts(members: [Self.ahlen, Self.oelde], leadKey: Self.ahlen.key, eligibleCosts: 250_000))
        #expect(result.verdict == .foerderfaehig)
        #expect(result.estimate?.amount == 175_000)
        #expect(
            result.estimate?.formula
                == "175.000 € für 2 Beteiligte aus Nordrhein-Westfalen + 0 × 35.000 € = 175.000 €, höchstens 90 % der zuwendungsfähigen Ausgaben (90 % von 250.000 € = 225.000 €) → 175.000 €"
        )
        #expect(result.results.contains { $0.outcome == .hinweis && $0.explanation.hasPrefix("Noch zu bestätigen: Nur neue Kooperationen") })
        // small costs: the 90 % cap bites
        let small = Self.check("ikz-nrw", VerbundFacts(members: [Self.ahlen, Self.oelde], leadKey: nil, eligibleCosts: 100_000))
        #expect(small.estimate?.amount == 90_000)
    }

    @Test("IKZ NRW with a town from Niedersachsen: not eligible, and the reason names it")
    func ikzWithNiedersachsen() {
        let result = Self.check("ikz-nrw", VerbundFacts(members: [Self.ahlen, Self.munster], leadKey: Self.ahlen.key))
        #expect(result.verdict == .nichtFoerderfaehig)
        #expect(result.missing.contains("Munster liegt in Niedersachsen, nicht in Nordrhein-Westfalen."))
        #expect(result.missing.contains("Es fehlt noch mindestens ein weiterer Partner aus Nordrhein-Westfalen (nötig: mindestens 2, bisher 1)."))
    }

    @Test("Land.Heimat.Innovativ: a town of 40.000 exceeds the limit of 35.000")
    func populationLimit() {
        let rothenberg = Self.gemeinde("09999001", "Rothenberg", 40_000)
        let result = Self.check("buleplus-land-heimat-innovativ", VerbundFacts(members: [rothenberg, Self.oelde], leadKey: rothenberg.key))
        #expect(result.verdict == .nichtFoerderfaehig)
        #expect(result.missing.contains { $0.hasPrefix("Rothenberg überschreitet die Einwohnergrenze von 35.000 (40.000 Einwohner)") })
        #expect(!result.missing.contains { $0.contains("Oelde überschreitet") })
    }

    @Test("Smarte.Land.Regionen rejects a joint application")
    func smarteLandRegionen() {
        let warendorf = VerbundMember(key: "05570", name: "Kreis Warendorf", type: .kreis, landCode: "05", population: 278_000, kreisKey: "05570")
        let heidekreis = VerbundMember(key: "03358", name: "Heidekreis", type: .kreis, landCode: "03", population: 140_000, kreisKey: "03358")
        let joint = Self.check("smarte-land-regionen", VerbundFacts(members: [warendorf, heidekreis], leadKey: warendorf.key))
        #expect(joint.verdict == .nichtFoerderfaehig)
        #expect(joint.missing.contains("Gemeinsame Anträge sind in diesem Programm ausgeschlossen (der Verbund hat 2 Antragsteller)."))
        let alone = Self.check("smarte-land-regionen", VerbundFacts(members: [warendorf], leadKey: warendorf.key))
        #expect(!alone.missing.contains { $0.hasPrefix("Gemeinsame Anträge") })
    }

    @Test("Kommunalrichtlinie, kommunale Netzwerke: five participants are one too few, six are enough")
    func networkOfSix() {
        let towns = (1...6).map { Self.gemeinde("0557\(String(format: "%04d", $0))", "Gemeinde \($0)", 10_000) }
        let five = Self.check(
            "krl-kommunale-netzwerke", VerbundFacts(members: Array(towns.prefix(5)), leadKey: towns[0].key, handlungsfelder: [.klimaEnergie]))
        #expect(five.verdict == .nichtFoerderfaehig)
        #expect(five.missing == ["Es fehlt noch mindestens ein weiteres Mitglied (nötig: mindestens 6, bisher 5)."])
        let six = Self.check(
            "krl-kommunale-netzwerke", VerbundFacts(members: towns, leadKey: towns[0].key, handlungsfelder: [.klimaEnergie], eligibleCosts: 100_000))
        #expect(six.verdict == .foerderfaehig)
        #expect(six.estimate?.amount == 60_000)
    }

    @Test("deadlines, regional spread, decisive manual rules and the Verbund's own problems")
    func otherRules() {
        let passed = Self.check("ziz-bund", VerbundFacts(members: [Self.ahlen], leadKey: nil))
        #expect(passed.missing.contains("Die Antragsfrist ist am 17.09.2021 abgelaufen."))
        let spread = Self.check("regio-nrw-transformation", VerbundFacts(members: [Self.ahlen, Self.oelde], leadKey: nil))
        #expect(
            spread.missing.contains {
                $0.hasPrefix("Es fehlt noch regionale Breite: mindestens 3 Kreise (bisher 1) oder mindestens 1.000.000 Einwohner")
            })
        let manual = Self.check("dorferneuerung-nrw", VerbundFacts(members: [Self.oelde], leadKey: nil))
        #expect(manual.results.contains { $0.outcome == .manuell })
        let duplicate = Self.check("ikz-nrw", VerbundFacts(members: [Self.ahlen, Self.ahlen, Self.oelde], leadKey: "05515000"))
        #expect(duplicate.verdict == .nichtFoerderfaehig)
    }
}

@Suite("The rule file")
struct FundingRuleFileTests {
    static func parse(_ json: String) -> String? {
        if case .failure(let message) = FundingRuleFile.parse(Data(json.utf8)) { return message.text }
        return nil
    }

    static func file(_ rule: String) -> String {
        #"{"format":"aufwind-foerderregeln","version":1,"stand":"2026-11-26","programme":[{"id":"ikz-nrw","regeln":["# + rule + "]}]}"
    }

    static var catalogueURL: URL { ReferenceData.directory.appendingPathComponent("foerderprogramme.json") }

    @Test(
        "the shipped file covers every programme of the catalogue exactly once and cites their sources",
        .enabled(
            if: FileManager.default.fileExists(atPath: catalogueURL.path) || ProcessInfo.processInfo.environment["CI"] == "true",
            "foerderprogramme.json fehlt in ../shared/data (siehe README)"))
    func shipped() throws {
        let rules = try FundingRuleFile.bundled().get()
        let data = try Data(contentsOf: Self.catalogueURL)
        let catalogue = try FundingProgramme.catalogue(data).get()
        #expect(rules.programmes.count == catalogue.count)
        #expect(Set(rules.programmes.map(\.programmeID)) == Set(catalogue.map(\.id)))
        #expect(rules.citationProblems(catalogue: catalogue) == [])
    }

    @Test("an unknown rule kind or a malformed value names programme, rule and field")
    func strict() {
        #expect(
            Self.parse(Self.file(#"{"id":"x","art":"horoskop","quelle":"https://a.de"}"#))
                == "Programm „ikz-nrw“, Regel „x“, Feld „art“: unbekannte Regelart „horoskop“ (bekannt: antragsteller, land, partnerzahl, einwohner, streuung, gemeinsamer-antrag, handlungsfelder, frist, manuell, festbetrag, foerderquote)."
        )
        #expect(
            Self.parse(Self.file(#"{"id":"p","art":"partnerzahl","min":"zwei","quelle":"https://a.de"}"#))
                == "Programm „ikz-nrw“, Regel „p“, Feld „min“: „zwei“ ist keine ganze Zahl ≥ 0.")
        #expect(
            Self.parse(Self.file(#"{"id":"q","art":"foerderquote","quote":90,"quelle":"https://a.de"}"#))
                == "Programm „ikz-nrw“, Regel „q“, Feld „quote“: „90“ ist kein Anteil zwischen 0 und 1.")
        #expect(
            Self.parse(Self.file(#"{"id":"l","art":"land","laender":["05"],"farbe":"rot","quelle":"https://a.de"}"#))
                == "Programm „ikz-nrw“, Regel „l“, Feld „farbe“: unbekanntes Feld für die Regelart „land“.")
        #expect(
            Self.parse(Self.file(#"{"id":"f","art":"frist","bis":"31.12.2026","quelle":"https://a.de"}"#))
                == "Programm „ikz-nrw“, Regel „f“, Feld „bis“: „31.12.2026“ ist kein Datum JJJJ-MM-TT.")
        #expect(
            Self.parse(Self.file(#"{"id":"m","art":"manuell","text":"x"}"#))
                == "Programm „ikz-nrw“, Regel „m“, Feld „quelle“: muss die Adresse der Quelle sein (https://…).")
        #expect(Self.parse(#"{"format":"aufwind-foerderregeln","version":2,"stand":"2026-11-26","programme":[]}"#)?.hasPrefix("„version“ 2") == true)
    }
}

@Suite("Passende Programme and Verbund vervollständigen")
struct FundingAdvisorTests {
    /// Every programme of the rule file, all on digital administration (the real themes are facts
    /// of the catalogue, see `FundingAdviceTests`); the status is unknown, so the deadlines decide.
    static let advisor: FundingAdvisor = {
        let rules = EligibilityTests.rules
        let programmes = rules.programmes.map { entry in
            FundingProgramme(id: entry.programmeID, name: entry.programmeID, themes: ["verwaltung_digital"], sourceUrls: [])
        }
        return FundingAdvisor(
            checker: EligibilityTests.checker, programmes: programmes,
            rules: Dictionary(uniqueKeysWithValues: rules.programmes.map { ($0.programmeID, $0) }))
    }()

    @Test("the open programmes of the Verbund's topic; among equally fitting ones the eligible first, the others say why")
    func programmes() {
        let fits = Self.advisor.programmes(
            for: VerbundFacts(
                members: [EligibilityTests.ahlen, EligibilityTests.oelde], leadKey: EligibilityTests.ahlen.key, handlungsfelder: [.digitaleVerwaltung]
            ))
        let open = Self.advisor.programmes.filter {
            $0.availability(today: EligibilityTests.checker.today, rules: Self.advisor.rules[$0.id]).isOpen
        }
        #expect(fits.count == open.count && open.count < EligibilityTests.rules.programmes.count)
        #expect(!fits.contains { $0.programme.id == "ziz-bund" })  // its deadline passed in 2021
        #expect(fits.first?.result.verdict == .foerderfaehig)
        #expect(fits.contains { $0.programme.id == "ikz-nrw" && $0.result.verdict == .foerderfaehig })
        #expect(fits.last?.result.verdict == .nichtFoerderfaehig && !(fits.last?.result.missing.isEmpty ?? true))
        // without a Handlungsfeld in common nothing is advice
        #expect(
            Self.advisor.programmes(for: VerbundFacts(members: [EligibilityTests.ahlen], leadKey: nil, handlungsfelder: [.wohnen])).isEmpty)
    }

    @Test("completion: only a town from NRW makes Ahlen's Verbund eligible for IKZ NRW, the best fitting first")
    func completion() {
        let candidates = [EligibilityTests.munster, EligibilityTests.oelde, EligibilityTests.gemeinde("05570052", "Warendorf", 37_930)]
        let suggestions = Self.advisor.completions(
            for: VerbundFacts(members: [EligibilityTests.ahlen], leadKey: EligibilityTests.ahlen.key), programmeID: "ikz-nrw", candidates: candidates,
            fit: { key in key == "05570052" ? (0.8, "bietet „Digitale Schulverwaltung“ an") : (0.5, "Nachbar") })
        #expect(suggestions.map(\.member.name) == ["Warendorf", "Oelde"])
        #expect(
            suggestions[0].reason.hasPrefix("schließt die Lücke: ") && suggestions[0].reason.contains("Es fehlt noch")
                && suggestions[0].reason.hasSuffix("bietet „Digitale Schulverwaltung“ an"))
    }
}
