import Foundation

/// An iCalendar (RFC 5545) feed of all-day events: CRLF lines, escaped text, lines folded at
/// 75 octets.
public struct ICalendar: Sendable {
    public struct Event: Sendable {
        public var uid: String
        /// ISO date (JJJJ-MM-TT) of the all-day event.
        public var date: String
        public var summary: String
        public var description: String
        public var url: String?

        public init(uid: String, date: String, summary: String, description: String, url: String?) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    public var name: String
    public var events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545, 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { out.append(character) }
            }
        }
        return out
    }

    /// Folds a content line into chunks of at most 75 octets, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74  // continuation lines start with a space
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    public func ics(now: Date = Date()) -> String {
        let stamp = AtomFeed.timestamp(now).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aufwind//Verbund-Termine//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name)]
        for event in events {
            let day = event.date.replacingOccurrences(of: "-", with: "")
            let next = Self.nextDay(event.date).replacingOccurrences(of: "-", with: "")
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + next,
                      "SUMMARY:" + Self.escape(event.summary), "DESCRIPTION:" + Self.escape(event.description)]
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func nextDay(_ iso: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            let next = calendar.date(byAdding: .day, value: 1, to: date)
        else { return iso }
        let c = calendar.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
