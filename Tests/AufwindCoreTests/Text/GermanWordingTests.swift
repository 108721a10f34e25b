import AufwindCore
import Foundation
import Testing

/// The formatters and names behind `docs/sprache.md`: numbers, dates, times, durations,
/// singular and plural, the display names of towns and the one greeting of mails.
@Suite("German wording: formats, plurals, town names, mail greeting")
struct GermanWordingTests {
    @Test("numbers with dots for thousands and a decimal comma")
    func numbers() {
        #expect(GermanFormat.integer(1_234_567) == "1.234.567" && GermanFormat.integer(-12_300) == "-12.300" && GermanFormat.integer(999) == "999")
        #expect(GermanFormat.decimal(1234.56, digits: 1) == "1.234,6" && GermanFormat.decimal(0.5, digits: 2) == "0,50")
        #expect(EuroAmount(cents: 17_500_000).description == "175.000,00 €")
    }

    @Test("dates as 30.11.2026, times as 14:30 Uhr, in German time")
    func datesAndTimes() throws {
        let winter = try #require(ISO8601DateFormatter().date(from: "2026-11-30T13:30:00Z"))
        let summer = try #require(ISO8601DateFormatter().date(from: "2026-06-30T12:30:00Z"))
        #expect(GermanFormat.date(winter) == "30.11.2026" && GermanFormat.date(iso: "2026-11-30") == "30.11.2026")
        #expect(GermanFormat.time(winter) == "14:30 Uhr" && GermanFormat.time(summer) == "14:30 Uhr")
        #expect(GermanFormat.dateTime(winter) == "30.11.2026, 14:30 Uhr")
    }

    @Test("durations in words, one way: seconds, minutes up to two hours, then hours, whole days")
    func durations() {
        #expect(GermanFormat.spokenDuration(seconds: 1) == "1 Sekunde")
        #expect(GermanFormat.spokenDuration(seconds: 44.2) == "45 Sekunden")
        #expect(GermanFormat.spokenDuration(seconds: 60) == "1 Minute")
        #expect(GermanFormat.spokenDuration(seconds: 61) == "2 Minuten")
        #expect(GermanFormat.spokenDuration(seconds: 90 * 60) == "90 Minuten")
        #expect(GermanFormat.spokenDuration(seconds: 3 * 3600) == "3 Stunden")
        #expect(GermanFormat.spokenDuration(seconds: 150 * 60) == "2 Stunden 30 Minuten")
        #expect(GermanFormat.spokenDuration(seconds: 2 * 86400) == "2 Tage")
        #expect(GermanFormat.spokenDuration(seconds: 0) == "0 Sekunden")
    }

    @Test("singular after 1, plural otherwise, with the count grouped")
    func plurals() {
        #expect(GermanFormat.count(1, "Interessierte:r", "Interessierte") == "1 Interessierte:r")
        #expect(GermanFormat.count(2, "Interessierte:r", "Interessierte") == "2 Interessierte")
        #expect(GermanFormat.count(0, "Session", "Sessions") == "0 Sessions")
        #expect(GermanFormat.count(1, "Session", "Sessions") == "1 Session")
        #expect(GermanFormat.count(1_234, "Session", "Sessions") == "1.234 Sessions")
    }

    static func gemeinde(_ name: String, type: Int) -> Gemeinde {
        Gemeinde(
            ags: "05570048", ars: "055700048048", name: name, typeCode: type, areaHectares: 100, population: 20_000, populationMale: 10_000,
            postcode: "48291", hasSeveralPostcodes: false, coordinate: nil)
    }

    @Test("a town's name without the official suffix, with the register's kind where the kind matters")
    func townNames() {
        let telgte = Self.gemeinde("Telgte, Stadt", type: 63)
        #expect(telgte.displayName == "Telgte" && telgte.nameWithKind == "Telgte (Stadt)")
        #expect(Self.gemeinde("Everswinkel", type: 64).nameWithKind == "Everswinkel (Gemeinde)")
        #expect(Self.gemeinde("Münster, Stadt", type: 61).nameWithKind == "Münster (kreisfreie Stadt)")
        #expect(Self.gemeinde("Bad Aibling, St", type: 63).nameWithKind == "Bad Aibling (Stadt)")
        #expect(Self.gemeinde("Markt Schwaben, M", type: 60).nameWithKind == "Markt Schwaben (Markt)")

        let muenster = Gebietseinheit(kind: .kreis, key: "05515", name: "Münster, Stadt", seat: "Münster", typeCode: 41)
        let warendorf = Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 43)
        let marburg = Gebietseinheit(kind: .kreis, key: "06534", name: "Marburg-Biedenkopf", seat: "Marburg", typeCode: 44)
        let heidekreis = Gebietseinheit(kind: .kreis, key: "03358", name: "Heidekreis", seat: "Bad Fallingbostel", typeCode: 44)
        #expect(muenster.displayName == "Münster" && muenster.nameWithKind == "Münster (kreisfreie Stadt)" && muenster.kreisLabel == "Stadt Münster")
        #expect(warendorf.nameWithKind == "Warendorf (Kreis)" && warendorf.kreisLabel == "Kreis Warendorf")
        #expect(marburg.kreisLabel == "Landkreis Marburg-Biedenkopf" && heidekreis.kreisLabel == "Heidekreis")
    }

    @Test("the eligibility check names members with the register's kind and counts in the right number")
    func eligibilityWording() {
        let telgte = VerbundMember(
            key: "05570048", name: "Telgte", type: .gemeinde, landCode: "05", population: 20_000, kreisKey: "05570", registerKind: "Stadt")
        let ostbevern = VerbundMember(
            key: "05570040", name: "Ostbevern", type: .gemeinde, landCode: "05", population: 11_000, kreisKey: "05570", registerKind: "Gemeinde")
        let verbund = VerbundFacts(members: [telgte, ostbevern], leadKey: telgte.key)
        let programme = ProgrammeRules(
            programmeID: "p",
            rules: [
                FundingRule(id: "nur-kreise", kind: .applicantTypes(allowed: [.kreis], scope: .antragsteller), source: "https://a.de"),
                FundingRule(id: "hoechstens-eins", kind: .partnerCount(min: nil, max: 1, scope: .alle, type: nil, land: nil), source: "https://a.de"),
            ])
        let result = EligibilityChecker(landNames: ["05": "Nordrhein-Westfalen"], today: "2026-11-30").check(verbund, against: programme)
        #expect(
            result.missing.contains(
                "Telgte (Stadt) ist nicht antragsberechtigt; Ostbevern (Gemeinde) ist nicht antragsberechtigt. Antragsberechtigt: Kreis."))
        #expect(result.missing.contains("Höchstens 1 Mitglied ist möglich, der Verbund hat 2."))
        #expect(result.results.allSatisfy { !$0.explanation.contains($0.rule.id) && !$0.explanation.contains("Konsortialführung") })
        #expect(programme.rules.map(\.topic) == ["Wer einen Antrag stellen darf", "Zahl der Partner"])
    }

    @Test("every mail greets and closes the same way")
    func mailGreeting() {
        #expect(
            MailWording.greeting("Anna Schulte") == "Guten Tag Anna Schulte," && MailWording.greeting(nil) == "Guten Tag,"
                && MailWording.greeting(" ") == "Guten Tag,")
        #expect(MailWording.letter(to: "Anna", "danke.") == "Guten Tag Anna,\n\ndanke.\n\nFreundliche Grüße\nIhr Aufwind-Team")
        let mail = NotificationMail(
            recipientName: "Anna", subject: "s", entries: [.init(category: .nachrichten, text: "t", action: "a", url: "u")], reason: "r",
            settingsURL: "e", unsubscribeURL: "x", unsubscribeLabel: "l")
        #expect(mail.plainText.hasPrefix("Guten Tag Anna,\n") && mail.plainText.contains("Freundliche Grüße\nIhr Aufwind-Team\n\n-- \nr"))
        #expect(mail.html.contains("<p>Guten Tag Anna,</p>") && mail.html.contains("Freundliche Grüße<br>Ihr Aufwind-Team"))
    }
}
