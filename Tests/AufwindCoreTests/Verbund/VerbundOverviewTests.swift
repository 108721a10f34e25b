import AufwindCore
import Foundation
import Testing

@Suite("Verbund overview: members, verdict, completion and the next date, from facts alone")
struct VerbundOverviewTests {
    typealias F = VerbundFixture
    static let today = "2026-11-26"
    static let noMatches = MatchEngine(items: [], towns: [:])

    static func overview(
        _ memberships: [VerbundMembership], programme: String? = nil, vorhaben: CooperationItem? = nil, dates: [VerbundDate] = [],
        matching: MatchEngine = noMatches
    ) -> VerbundOverview {
        VerbundOverview(
            memberships: memberships, leadKey: F.ahlen, programmeID: programme, vorhaben: vorhaben, dates: dates, today: today,
            register: F.register, funding: F.funding, matching: matching)
    }

    /// The bundled rules with the catalogue's themes for three programmes: IKZ NRW (digital
    /// administration, open), the Heimat-Scheck (Ehrenamt, open) and the Smart-Cities models
    /// (digital administration, deadline passed in 2021).
    static let themedFunding: FundingCatalog = {
        let themes = [
            "ikz-nrw": ["verwaltung_digital"], "starke-heimat-nrw": ["engagement_ehrenamt", "kultur_tourismus"],
            "modellprojekte-smart-cities": ["smart_city", "verwaltung_digital"],
        ]
        var funding = F.funding
        funding.programmes = funding.programmes.map { programme in
            var themed = programme
            themed.themes = themes[programme.id] ?? []
            return themed
        }
        return funding
    }()

    static let itSecurity = CooperationItem(
        id: "v1", kind: .vorhaben, ownerKey: F.ahlen, title: "Gemeinsame:r Informationssicherheitsbeauftragte:r",
        description: "IT-Sicherheit für mehrere Städte.", handlungsfelder: [.digitaleVerwaltung], reach: .region)

    @Test("without a programme: no verdict and no suggestions; advised are the open programmes that share a Handlungsfeld")
    func withoutProgramme() {
        let overview = VerbundOverview(
            memberships: [F.member(F.ahlen), F.member(F.oelde)], leadKey: F.ahlen, programmeID: nil, vorhaben: Self.itSecurity, dates: [],
            today: Self.today, register: F.register, funding: Self.themedFunding, matching: Self.noMatches)
        #expect(overview.programme == nil && overview.result == nil && overview.suggestions.isEmpty)
        #expect(overview.fits.map(\.programme.id) == ["ikz-nrw"])
        #expect(overview.fits.first?.result.verdict == .foerderfaehig)
        // without Vorhaben and programme the Verbund has no Handlungsfelder, and nothing is advised
        #expect(Self.overview([F.member(F.ahlen), F.member(F.oelde)]).fits.isEmpty)
    }

    @Test("without a Vorhaben the Verbund works in its programme's Handlungsfelder; a programme off the Vorhaben's topic is said to be")
    func fieldsFromProgramme() {
        let founded = VerbundOverview(
            memberships: [F.member(F.ahlen), F.member(F.oelde)], leadKey: F.ahlen, programmeID: "starke-heimat-nrw", vorhaben: nil, dates: [],
            today: Self.today, register: F.register, funding: Self.themedFunding, matching: Self.noMatches)
        #expect(founded.facts.handlungsfelder == [.engagementEhrenamt, .kulturTourismus] && founded.themeMismatch == nil)
        #expect(founded.fits.map(\.programme.id) == ["starke-heimat-nrw"])
        let offTopic = VerbundOverview(
            memberships: [F.member(F.ahlen), F.member(F.oelde)], leadKey: F.ahlen, programmeID: "starke-heimat-nrw", vorhaben: Self.itSecurity,
            dates: [], today: Self.today, register: F.register, funding: Self.themedFunding, matching: Self.noMatches)
        #expect(
            offTopic.themeMismatch
                == "starke-heimat-nrw fördert Engagement & Ehrenamt, Kultur & Tourismus; der Verbund arbeitet in Digitale Verwaltung. Das Programm passt thematisch nicht zum Vorhaben."
        )
        #expect(!offTopic.fits.contains { $0.programme.id == "starke-heimat-nrw" })
    }

    @Test("Ahlen alone is not eligible for IKZ NRW: NRW towns that are not in it complete it, Munster does not")
    func completion() {
        let overview = Self.overview([F.member(F.ahlen), F.member(F.munster, .invited)], programme: "ikz-nrw")
        #expect(overview.programme?.id == "ikz-nrw" && overview.result?.verdict == .nichtFoerderfaehig)
        #expect(overview.suggestions.map(\.member.key) == [F.oelde, F.warendorf])
        #expect(
            overview.result?.missing.contains(
                "Es fehlt noch mindestens ein weiterer Partner aus Nordrhein-Westfalen (nötig: mindestens 2, bisher 1).") == true)
        #expect(overview.suggestions.allSatisfy { $0.reason.hasPrefix("schließt die Lücke: Das Programm verlangt einen gemeinsamen Antrag") })
    }

    @Test("with Oelde in, IKZ NRW is eligible and nothing is suggested")
    func eligible() {
        let overview = Self.overview([F.member(F.ahlen), F.member(F.oelde)], programme: "ikz-nrw")
        #expect(overview.result?.verdict == .foerderfaehig && overview.suggestions.isEmpty)
        #expect(overview.result?.estimate?.formula.hasPrefix("175.000 € für 2 Beteiligte aus Nordrhein-Westfalen") == true)
    }

    @Test("the partner matching on the Vorhaben ranks the completing towns, with its reason")
    func rankedByMatching() {
        let towns = [F.ahlen: "Ahlen", F.oelde: "Oelde", F.warendorf: "Warendorf", F.munster: "Munster"].map { key, name in
            TownFacts(key: key, name: name, population: 30_000, kreisKey: String(key.prefix(5)), kreisName: "", coordinate: nil, recentItems: 1)
        }
        let facts = Dictionary(uniqueKeysWithValues: towns.map { ($0.key, $0) })
        let vorhaben = CooperationItem(
            id: "v1", kind: .vorhaben, ownerKey: F.ahlen, title: "Gemeinsamer Bauhof", description: "Ein Bauhof für mehrere Städte.",
            handlungsfelder: [.digitaleVerwaltung], reach: .bundesweit)
        let similar = CooperationItem(
            id: "v2", kind: .vorhaben, ownerKey: F.warendorf, title: "Gemeinsamer Bauhof", description: "Ein Bauhof für mehrere Städte.",
            handlungsfelder: [.digitaleVerwaltung], reach: .bundesweit)
        let overview = Self.overview(
            [F.member(F.ahlen)], programme: "ikz-nrw", vorhaben: vorhaben, matching: MatchEngine(items: [vorhaben, similar], towns: facts))
        #expect(overview.suggestions.map(\.member.key) == [F.warendorf, F.oelde])
        #expect(overview.suggestions.first?.fit ?? 0 > 0)
        #expect(overview.suggestions.first?.reason.contains("Gemeinsamer Bauhof") == true)
        #expect(overview.facts.handlungsfelder == [.digitaleVerwaltung])
    }

    @Test("only the members that said yes count; a provider does not apply, a Zweckverband applies in its Land")
    func facts() {
        let overview = Self.overview(
            [
                F.member(F.ahlen), F.member(F.oelde, .declined), F.member(F.warendorf, .invited),
                F.member("org-1", type: .anbieter, name: "SchulSoft GmbH"),
                F.member("zv-1", type: .zweckverband, name: "Zweckverband Bauhof", land: "05"),
            ], programme: "ikz-nrw")
        #expect(overview.facts.members.map(\.key) == [F.ahlen, "org-1", "zv-1"])
        #expect(overview.facts.applicants.map(\.name) == ["Ahlen", "Zweckverband Bauhof"])
        #expect(overview.facts.members.last?.landCode == "05" && overview.facts.leadKey == F.ahlen)
        #expect(overview.result?.verdict == .foerderfaehig)
    }

    @Test("the dates by due day, and the next one: open and due today or later")
    func nextDate() {
        let dates = [
            F.date("later", due: "2027-03-01"), F.date("past", due: "2026-11-01"), F.date("done", due: "2026-11-30", done: true),
            F.date("today", due: Self.today, kind: .aufgabe),
        ]
        let overview = Self.overview([F.member(F.ahlen)], dates: dates)
        #expect(overview.dates.map(\.id) == ["past", "today", "done", "later"])
        #expect(overview.nextDate?.id == "today" && overview.nextDate?.kindLabel == "Aufgabe")
        #expect(Self.overview([F.member(F.ahlen)], dates: [F.date("past", due: "2026-01-01")]).nextDate == nil)
    }
}
