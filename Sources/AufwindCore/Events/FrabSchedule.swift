import Foundation

/// A published schedule in the formats conference apps read (Giggity, ConfClerk, EventFahrplan,
/// the c3voc tools): Frab's `schedule.xml` and its JSON twin (`schedule.json`), both following
/// c3voc's schema (https://c3voc.de/schedule/schema.xsd, schema.json).
public struct FrabSchedule: Sendable {
    public struct Talk: Sendable {
        public var guid: String
        public var id: Int
        public var day: String
        public var start: Int
        public var end: Int
        public var room: String
        public var title: String
        public var track: String
        public var abstract: String
        public var persons: [String]
        public var url: String

        public init(
            guid: String, id: Int, day: String, start: Int, end: Int, room: String, title: String, track: String, abstract: String,
            persons: [String], url: String
        ) {
            self.guid = guid
            self.id = id
            self.day = day
            self.start = start
            self.end = end
            self.room = room
            self.title = title
            self.track = track
            self.abstract = abstract
            self.persons = persons
            self.url = url
        }
    }

    public var version: String
    public var acronym: String
    public var title: String
    public var baseURL: String
    /// ISO dates of the event, first and last day.
    public var firstDay: String
    public var lastDay: String
    /// All rooms, in display order (rooms without talks are listed too).
    public var rooms: [String]
    public var talks: [Talk]

    public init(version: String, acronym: String, title: String, baseURL: String, firstDay: String, lastDay: String, rooms: [String], talks: [Talk]) {
        self.version = version
        self.acronym = acronym
        self.title = title
        self.baseURL = baseURL
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.rooms = rooms
        self.talks = talks
    }

    /// The event's days, first to last.
    var days: [String] {
        var days: [String] = []
        var day = firstDay
        while day <= lastDay, days.count < 60 {
            days.append(day)
            day = ISODay.adding(1, to: day)
        }
        return days
    }

    static func timestamp(_ day: String, _ minutes: Int) -> String {
        guard let date = SlotGrid.instant(day: day, minutes: minutes) else { return day }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func duration(_ minutes: Int) -> String { SlotGrid.clock(max(0, minutes)) }

    func slug(_ talk: Talk) -> String {
        let folded = talk.title.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let words = folded.split(separator: "-").prefix(6).joined(separator: "-")
        return "\(acronym)-\(talk.id)-\(words)"
    }

    private func bounds(of day: String) -> (start: Int, end: Int) {
        let talks = talks.filter { $0.day == day }
        return (talks.map(\.start).min() ?? 0, talks.map(\.end).max() ?? 0)
    }

    // MARK: XML

    public func xml() -> String {
        let e = XMLText.escape
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<schedule>", "  <version>\(e(version))</version>", "  <conference>",
            "    <acronym>\(e(acronym))</acronym>", "    <title>\(e(title))</title>", "    <start>\(firstDay)</start>",
            "    <end>\(lastDay)</end>", "    <days>\(days.count)</days>", "    <timeslot_duration>00:15</timeslot_duration>",
            "    <base_url>\(e(baseURL))</base_url>", "  </conference>",
        ]
        for (index, day) in days.enumerated() {
            let (start, end) = bounds(of: day)
            lines.append("  <day index=\"\(index + 1)\" date=\"\(day)\" start=\"\(Self.timestamp(day, start))\" end=\"\(Self.timestamp(day, end))\">")
            for room in rooms {
                let talks = talks.filter { $0.day == day && $0.room == room }.sorted { $0.start < $1.start }
                guard !talks.isEmpty else { continue }
                lines.append("    <room name=\"\(e(room))\">")
                for talk in talks {
                    lines.append("      <event guid=\"\(e(talk.guid))\" id=\"\(talk.id)\">")
                    lines += [
                        "        <date>\(Self.timestamp(day, talk.start))</date>", "        <start>\(SlotGrid.clock(talk.start))</start>",
                        "        <duration>\(Self.duration(talk.end - talk.start))</duration>", "        <room>\(e(room))</room>",
                        "        <slug>\(e(slug(talk)))</slug>", "        <url>\(e(talk.url))</url>", "        <title>\(e(talk.title))</title>",
                        "        <subtitle></subtitle>", "        <track>\(e(talk.track))</track>", "        <type>Session</type>",
                        "        <language>de</language>", "        <abstract>\(e(talk.abstract))</abstract>", "        <description></description>",
                        "        <persons>",
                    ]
                    for (n, person) in talk.persons.enumerated() {
                        lines.append("          <person id=\"\(talk.id * 100 + n)\">\(e(person))</person>")
                    }
                    lines += ["        </persons>", "        <links></links>", "      </event>"]
                }
                lines.append("    </room>")
            }
            lines.append("  </day>")
        }
        lines.append("</schedule>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    struct JSONDocument: Encodable {
        struct Generator: Encodable {
            var name: String
            var version: String
        }
        struct Room: Encodable { var name: String }
        struct Person: Encodable {
            var id: Int
            var public_name: String
        }
        struct Event: Encodable {
            var guid: String, id: Int, date: String, start: String, duration: String, room: String, slug: String, url: String
            var title: String, subtitle: String, track: String, type: String, language: String, abstract: String, description: String
            var persons: [Person]
            var links: [String]
        }
        struct Day: Encodable {
            var index: Int
            var date: String
            var day_start: String
            var day_end: String
            var rooms: [String: [Event]]
        }
        struct Conference: Encodable {
            var acronym: String, title: String, start: String, end: String, daysCount: Int, timeslot_duration: String, time_zone_name: String
            var rooms: [Room]
            var days: [Day]
        }
        struct Inner: Encodable {
            var version: String
            var base_url: String
            var conference: Conference
        }
        var schema = "https://c3voc.de/schedule/schema.json"
        var generator = Generator(name: "Aufwind", version: "1")
        var schedule: Inner

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case generator, schedule
        }
    }

    public func json() -> String {
        let days = days.enumerated().map { index, day in
            let (start, end) = bounds(of: day)
            var rooms: [String: [JSONDocument.Event]] = [:]
            for talk in talks.filter({ $0.day == day }).sorted(by: { $0.start < $1.start }) {
                rooms[talk.room, default: []].append(
                    .init(
                        guid: talk.guid, id: talk.id, date: Self.timestamp(day, talk.start), start: SlotGrid.clock(talk.start),
                        duration: Self.duration(talk.end - talk.start), room: talk.room, slug: slug(talk), url: talk.url, title: talk.title,
                        subtitle: "", track: talk.track, type: "Session", language: "de", abstract: talk.abstract, description: "",
                        persons: talk.persons.enumerated().map { .init(id: talk.id * 100 + $0.offset, public_name: $0.element) }, links: []))
            }
            return JSONDocument.Day(
                index: index + 1, date: day, day_start: Self.timestamp(day, start), day_end: Self.timestamp(day, end), rooms: rooms)
        }
        let document = JSONDocument(
            schedule: .init(
                version: version, base_url: baseURL,
                conference: .init(
                    acronym: acronym, title: title, start: Self.timestamp(firstDay, 0), end: Self.timestamp(lastDay, 24 * 60 - 1),
                    daysCount: days.count,
                    timeslot_duration: "00:15", time_zone_name: "Europe/Berlin", rooms: rooms.map { .init(name: $0) }, days: days)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
