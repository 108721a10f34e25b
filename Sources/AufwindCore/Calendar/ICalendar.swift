import Foundation

/// An iCalendar (RFC 5545) feed of all-day or timed events: CRLF lines, escaped text, lines
/// folded at 75 octets. Timed events are written in UTC. Every feed carries the VTIMEZONE of
/// Europe/Berlin: RFC 5545 requires at least one component, so a feed without dates (a new
/// Verbund, an empty agenda) stays valid, and clients learn the zone the dates are meant in.
public struct ICalendar: Sendable {
    public struct Event: Sendable {
        public var uid: String
        /// ISO date (JJJJ-MM-TT) of the all-day event.
        public var date: String
        public var summary: String
        public var description: String
        public var url: String?
        /// Start and end of a timed event (nil: all day on `date`).
        public var interval: DateInterval?
        public var location: String?

        public init(
            uid: String, date: String, summary: String, description: String, url: String?, interval: DateInterval? = nil, location: String? = nil
        ) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.url = url
            self.interval = interval
            self.location = location
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

    /// `20261126T090000Z`
    static func utc(_ date: Date) -> String {
        AtomFeed.timestamp(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// Europe/Berlin since 1996: CEST from the last Sunday in March, 02:00, to the last Sunday
    /// in October, 03:00.
    static let berlin = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD", "END:VTIMEZONE",
    ]

    public func ics(now: Date = Date()) -> String {
        let stamp = Self.utc(now)
        var lines =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aufwind//Kalender//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:" + Self.escape(name),
            ] + Self.berlin
        for event in events {
            let day = event.date.replacingOccurrences(of: "-", with: "")
            let next = ISODay.adding(1, to: event.date).replacingOccurrences(of: "-", with: "")
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp]
            if let interval = event.interval {
                lines += ["DTSTART:" + Self.utc(interval.start), "DTEND:" + Self.utc(interval.end)]
            } else {
                lines += ["DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + next]
            }
            lines += ["SUMMARY:" + Self.escape(event.summary), "DESCRIPTION:" + Self.escape(event.description)]
            if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
}
