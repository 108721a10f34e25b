import AufwindCore
import Testing

@Suite("The iCal feeds of Verbund dates")
struct VerbundCalendarTests {
    typealias F = VerbundFixture
    static let link: @Sendable (String) -> String = { "https://aufwind.example/verbuende/\($0)" }

    @Test("a Verbund's feed: one all-day event per date, done ones marked, the owner named")
    func verbund() {
        let ics = VerbundCalendar.verbund(
            named: "Bauhof", dates: [F.date("d1", due: "2030-01-15"), F.date("d2", due: "2030-02-01", done: true, kind: .meilenstein)],
            directory: TownDirectory(catalog: F.register), link: Self.link
        ).ics()
        #expect(ics.contains("X-WR-CALNAME:Verbund Bauhof\r\n"))
        #expect(ics.contains("UID:d1@aufwind\r\n") && ics.contains("DTSTART;VALUE=DATE:20300115\r\n"))
        #expect(ics.contains("SUMMARY:Frist: Termin d1\r\n") && ics.contains("SUMMARY:Meilenstein: Termin d2 (erledigt)\r\n"))
        #expect(ics.contains("DESCRIPTION:Verbund „Bauhof“\\, verantwortlich: Ahlen\r\n"))
        #expect(ics.contains("URL:https://aufwind.example/verbuende/v1\r\n"))
    }

    @Test("a town's feed names the Verbund of every date")
    func town() {
        let ics = VerbundCalendar.town(
            F.ahlen, dates: [F.date("d1", due: "2030-01-15"), F.date("d2", due: "2030-02-01", done: true)], verbundNames: ["v1": "Bauhof"],
            directory: TownDirectory(catalog: F.register), link: Self.link
        ).ics()
        #expect(ics.contains("X-WR-CALNAME:Verbund-Termine Ahlen\r\n"))
        #expect(ics.contains("SUMMARY:Frist: Termin d1 (Bauhof)\r\n") && ics.contains("SUMMARY:Frist: Termin d2 (Bauhof) – erledigt\r\n"))
        #expect(ics.contains("DESCRIPTION:Verbund „Bauhof“\r\n"))
    }
}
