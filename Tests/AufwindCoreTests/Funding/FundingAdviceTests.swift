import AufwindCore
import Foundation
import Testing

/// "Passende Programme" and the catalogue's order: open and thematically fitting programmes only,
/// ranked by fit, then deadline; programmes without checkable rules are checked by hand.
@Suite("Funding advice: open programmes that fit, in a sensible order")
struct FundingAdviceTests {
    static let rules = try! FundingRuleFile.bundled().get()
    static let today = "2026-11-26"
    static let source = "https://example.org/quelle"

    static func gemeinde(_ key: String, _ name: String, _ population: Int) -> VerbundMember {
        VerbundMember(key: key, name: name, type: .gemeinde, landCode: String(key.prefix(2)), population: population, kreisKey: String(key.prefix(5)))
    }
    static let ahlen = gemeinde("05570004", "Ahlen", 52_666), oelde = gemeinde("05570036", "Oelde", 29_326)
    /// Two NRW towns that want a shared IT-security officer (Unterthema IT-Sicherheit of Digitale Verwaltung).
    static let itSecurity = VerbundFacts(members: [ahlen, oelde], leadKey: ahlen.key, handlungsfelder: [.digitaleVerwaltung])

    static func programme(_ id: String, themes: [String], status: String? = "open") -> FundingProgramme {
        FundingProgramme(id: id, name: id, themes: themes, sourceUrls: [source], status: status)
    }

    static func rule(_ id: String, _ kind: FundingRule.Kind) -> FundingRule { FundingRule(id: id, kind: kind, source: source) }

    static func advisor(_ programmes: [FundingProgramme], rules: [ProgrammeRules], today: String = today) -> FundingAdvisor {
        FundingAdvisor(
            checker: EligibilityChecker(landNames: ["05": "Nordrhein-Westfalen"], today: today), programmes: programmes,
            rules: Dictionary(uniqueKeysWithValues: rules.map { ($0.programmeID, $0) }))
    }

    /// The real Heimat-Scheck and IKZ NRW with their shipped rules, and the Smart-Cities models,
    /// whose deadline passed in 2021.
    static let realCases = advisor(
        [
            programme("starke-heimat-nrw", themes: ["engagement_ehrenamt", "kultur_tourismus"]),
            programme("ikz-nrw", themes: ["verwaltung_digital", "arbeit_wirtschaft", "kultur_tourismus"]),
            programme("modellprojekte-smart-cities", themes: ["smart_city", "verwaltung_digital"], status: "closed"),
        ],
        rules: ["starke-heimat-nrw", "ikz-nrw", "modellprojekte-smart-cities"].map { rules.rules(for: $0)! })

    @Test("the Heimat-Scheck is no advice for an IT-security Verbund, although its rules alone would call it eligible")
    func heimatScheckNotForITSecurity() {
        let heimat = Self.realCases.checker.check(Self.itSecurity, against: Self.rules.rules(for: "starke-heimat-nrw")!)
        #expect(heimat.verdict == .foerderfaehig)
        let advice = Self.realCases.programmes(for: Self.itSecurity)
        #expect(!advice.contains { $0.programme.id == "starke-heimat-nrw" })
        #expect(advice.map(\.programme.id) == ["ikz-nrw"])
        #expect(advice.first?.result.verdict == .foerderfaehig && advice.first?.sharedFields == [.digitaleVerwaltung])
    }

    @Test("a programme whose deadline passed is not advised, however well it fits")
    func expiredNotAdvised() {
        let smartCities = Self.realCases.programmes.first { $0.id == "modellprojekte-smart-cities" }!
        #expect(smartCities.availability(today: Self.today, rules: Self.rules.rules(for: smartCities.id)) == .expired(on: "2021-03-14"))
        #expect(!Self.realCases.programmes(for: Self.itSecurity).contains { $0.programme.id == smartCities.id })
    }

    @Test("a programme is advised until its deadline and not the day after")
    func deadlineByTheClock() {
        let programmes = [Self.programme("frist", themes: ["verwaltung_digital"])]
        let rules = [
            ProgrammeRules(
                programmeID: "frist",
                rules: [
                    Self.rule("land", .land(codes: ["05"], scope: .antragsteller)),
                    Self.rule("frist", .deadline(until: "2026-12-31", rolling: false)),
                ])
        ]
        #expect(Self.advisor(programmes, rules: rules, today: "2026-12-31").programmes(for: Self.itSecurity).map(\.nextDeadline) == ["2026-12-31"])
        #expect(Self.advisor(programmes, rules: rules, today: "2027-01-01").programmes(for: Self.itSecurity).isEmpty)
    }

    @Test("a closed programme is not advised even with a deadline ahead; a Verbund without Handlungsfelder gets no advice")
    func closedAndFieldless() {
        let programmes = [
            Self.programme("zu", themes: ["verwaltung_digital"], status: "ended"), Self.programme("auf", themes: ["verwaltung_digital"]),
        ]
        let rules = ["zu", "auf"].map {
            ProgrammeRules(
                programmeID: $0,
                rules: [
                    Self.rule("land", .land(codes: ["05"], scope: .antragsteller)),
                    Self.rule("frist", .deadline(until: "2030-01-01", rolling: false)),
                ])
        }
        let advisor = Self.advisor(programmes, rules: rules)
        #expect(advisor.programmes(for: Self.itSecurity).map(\.programme.id) == ["auf"])
        #expect(advisor.programmes(for: VerbundFacts(members: [Self.ahlen, Self.oelde], leadKey: Self.ahlen.key)).isEmpty)
    }

    @Test("ranked by fit (the members' Land, shared Handlungsfelder, verdict), then by the next deadline, rolling ones last")
    func ranking() {
        let verbund = VerbundFacts(
            members: [Self.ahlen, Self.oelde], leadKey: Self.ahlen.key, handlungsfelder: [.digitaleVerwaltung, .klimaEnergie])
        let nrw = Self.rule("land", .land(codes: ["05"], scope: .antragsteller))
        func rules(_ id: String, _ extra: [FundingRule]) -> ProgrammeRules { ProgrammeRules(programmeID: id, rules: [nrw] + extra) }
        let advisor = Self.advisor(
            [
                Self.programme("laufend", themes: ["verwaltung_digital"]), Self.programme("spaet", themes: ["verwaltung_digital"]),
                Self.programme("bald", themes: ["verwaltung_digital"]), Self.programme("beide", themes: ["verwaltung_digital", "klima_energie"]),
                Self.programme("bayern", themes: ["verwaltung_digital", "klima_energie"]),
            ],
            rules: [
                rules("laufend", [Self.rule("f", .deadline(until: nil, rolling: true))]),
                rules("spaet", [Self.rule("f", .deadline(until: "2028-06-30", rolling: false))]),
                rules("bald", [Self.rule("f", .deadline(until: "2027-01-15", rolling: false))]),
                rules("beide", [Self.rule("f", .deadline(until: "2029-01-01", rolling: false))]),
                ProgrammeRules(programmeID: "bayern", rules: [Self.rule("land", .land(codes: ["09"], scope: .antragsteller))]),
            ])
        let advice = advisor.programmes(for: verbund)
        // a programme of another Land comes last, however many Handlungsfelder it shares
        #expect(advice.map(\.programme.id) == ["beide", "bald", "spaet", "laufend", "bayern"])
        #expect(advice.last?.result.verdict == .nichtFoerderfaehig && advice.last?.sharedFields.count == 2)
    }

    @Test("a programme without machine-checkable rules is to be checked by hand, never eligible")
    func manualOnly() {
        let checker = EligibilityChecker(landNames: [:], today: Self.today)
        let onlyManual = ProgrammeRules(
            programmeID: "hand",
            rules: [
                Self.rule("vorbild", .manual(text: "Vorbildcharakter", decisive: false)), Self.rule("quote", .rate(rate: 0.8, maxAmount: nil)),
            ])
        let result = checker.check(Self.itSecurity, against: onlyManual)
        #expect(result.verdict == .manuellPruefen)
        #expect(result.results.first?.rule.id == "keine-pruefbaren-regeln")
        #expect(result.results.first?.explanation.contains("keine maschinell prüfbaren Regeln") == true)
        #expect(checker.check(Self.itSecurity, against: ProgrammeRules(programmeID: "leer", rules: [])).verdict == .manuellPruefen)
        // one checkable rule is enough for a verdict of its own
        let withLand = ProgrammeRules(programmeID: "nrw", rules: onlyManual.rules + [Self.rule("land", .land(codes: ["05"], scope: .antragsteller))])
        #expect(checker.check(Self.itSecurity, against: withLand).verdict == .foerderfaehig)
        // and in the advice it is "von Hand zu prüfen"
        let advice = Self.advisor([Self.programme("hand", themes: ["verwaltung_digital"])], rules: [onlyManual]).programmes(for: Self.itSecurity)
        #expect(advice.map(\.result.verdict) == [.manuellPruefen])
    }

    @Test("the catalogue opens with the open programmes by next deadline, the closed and expired ones at the end")
    func catalogueOrder() {
        let frist = { (id: String, day: String?) in
            ProgrammeRules(programmeID: id, rules: [Self.rule("f", .deadline(until: day, rolling: day == nil))])
        }
        let catalog = FundingCatalog(
            programmes: [
                Self.programme("Abgelaufen", themes: []), Self.programme("Beendet", themes: [], status: "ended"),
                Self.programme("Laufend", themes: []), Self.programme("Ohne Status", themes: [], status: nil),
                Self.programme("Spät", themes: []), Self.programme("Bald", themes: []),
                Self.programme("Geschlossen trotz Frist", themes: [], status: "closed"),
            ],
            rules: Dictionary(
                uniqueKeysWithValues: [
                    frist("Abgelaufen", "2025-01-31"), frist("Laufend", nil), frist("Spät", "2027-12-31"), frist("Bald", "2026-12-01"),
                    frist("Geschlossen trotz Frist", "2027-06-30"),
                ].map { ($0.programmeID, $0) }))
        let listing = catalog.listing(today: Self.today)
        #expect(listing.open.map(\.programme.id) == ["Bald", "Spät", "Laufend", "Ohne Status"])
        #expect(listing.open.map(\.availability.label) == ["offen bis 01.12.2026", "offen bis 31.12.2027", "offen", "offen"])
        #expect(listing.closed.map(\.programme.id) == ["Abgelaufen", "Beendet", "Geschlossen trotz Frist"])
        #expect(listing.closed.map(\.availability.label) == ["Frist abgelaufen am 31.01.2025", "beendet", "derzeit geschlossen"])
        #expect(catalog.listing(today: Self.today) { $0.id.hasPrefix("B") }.open.map(\.programme.id) == ["Bald"])
    }
}
