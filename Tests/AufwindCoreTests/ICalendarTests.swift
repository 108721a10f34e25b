import Foundation
import Testing

@testable import AufwindCore

@Suite("iCalendar feeds (RFC 5545)")
struct ICalendarTests {
    @Test("all-day events with escaped text, CRLF and lines folded at 75 octets")
    func ics() {
        let text = ICalendar(
            name: "Verbund Ahlen, Oelde",
            events: [
                .init(
                    uid: "frist-1@aufwind", date: "2026-12-31", summary: "Antrag; IKZ, NRW", description: String(repeating: "Ümlaute ", count: 20),
                    url: "https://aufwind.de/verbuende/1")
            ]
        ).ics(now: Date(timeIntervalSince1970: 0))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("X-WR-CALNAME:Verbund Ahlen\\, Oelde\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"))
        #expect(text.contains("SUMMARY:Antrag\\; IKZ\\, NRW\r\n"))
        #expect(text.contains("DTSTAMP:19700101T000000Z"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("a feed without dates still holds a component (the VTIMEZONE of Europe/Berlin), as RFC 5545 requires")
    func empty() {
        let text = ICalendar(name: "Verbund ohne Termine", events: []).ics(now: Date(timeIntervalSince1970: 0))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("BEGIN:VTIMEZONE") && lines.contains("TZID:Europe/Berlin") && lines.contains("END:VTIMEZONE"))
        #expect(lines.contains("BEGIN:DAYLIGHT") && lines.contains("BEGIN:STANDARD"))
        #expect(!lines.contains("BEGIN:VEVENT"))
        #expect(text.hasSuffix("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
    }
}
