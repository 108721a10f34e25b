import Foundation

/// A published schedule in the formats conference apps read (Giggity, ConfClerk, EventFahrplan,
/// the c3voc tools): Frab's `schedule.xml` and its JSON twin (`schedule.json`). Both validate
/// against c3voc's schemas (`schedule.xml.xsd`, `schema.json`; the tests check them): ASCII
/// slugs, room guids and the acronym come from `FrabIdentifiers`, the JSON keeps `version`
/// before `conference` (the c3voc converter writes XML in key order).
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

    /// A room with its stable guid (`FrabIdentifiers.roomGUID`).
    public struct Room: Sendable {
        public var name: String
        public var guid: String

        public init(name: String, guid: String) {
            self.name = name
            self.guid = guid
        }
    }

    /// Times are local to the event's place.
    public static let timeZoneName = "Europe/Berlin"
    /// Where one schedule day ends and the next begins: sessions are planned within calendar days.
    public static let dayChange = "00:00"

    public var version: String
    /// From `FrabIdentifiers.acronym(event:)`.
    public var acronym: String
    public var title: String
    public var baseURL: String
    /// ISO dates of the event, first and last day.
    public var firstDay: String
    public var lastDay: String
    /// All rooms, in display order (rooms without talks are listed too).
    public var rooms: [Room]
    public var talks: [Talk]

    public init(version: String, acronym: String, title: String, baseURL: String, firstDay: String, lastDay: String, rooms: [Room], talks: [Talk]) {
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
        formatter.timeZone = TimeZone(identifier: timeZoneName)
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func duration(_ minutes: Int) -> String { SlotGrid.clock(max(0, minutes)) }

    func slug(_ talk: Talk) -> String { FrabIdentifiers.slug(acronym: acronym, id: talk.id, title: talk.title) }

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
            "    <base_url>\(e(baseURL))</base_url>", "    <time_zone_name>\(Self.timeZoneName)</time_zone_name>", "  </conference>",
        ]
        for (index, day) in days.enumerated() {
            let (start, end) = bounds(of: day)
            lines.append("  <day index=\"\(index + 1)\" date=\"\(day)\" start=\"\(Self.timestamp(day, start))\" end=\"\(Self.timestamp(day, end))\">")
            for room in rooms {
                let talks = talks.filter { $0.day == day && $0.room == room.name }.sorted { $0.start < $1.start }
                guard !talks.isEmpty else { continue }
                lines.append("    <room name=\"\(e(room.name))\" guid=\"\(e(room.guid))\">")
                for talk in talks {
                    lines.append("      <event guid=\"\(e(talk.guid))\" id=\"\(talk.id)\">")
                    lines += [
                        "        <date>\(Self.timestamp(day, talk.start))</date>", "        <start>\(SlotGrid.clock(talk.start))</start>",
                        "        <duration>\(Self.duration(talk.end - talk.start))</duration>", "        <room>\(e(room.name))</room>",
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

    /// The c3voc JSON, keys in the order of `schema.json` (`version` first). `day_change` has no
    /// place in the schema's `conference` (no additional properties), so it goes into `meta`.
    public func json() -> String {
        let days = days.enumerated().map { index, day -> OrderedJSON in
            let (start, end) = bounds(of: day)
            let talks = talks.filter { $0.day == day }.sorted { $0.start < $1.start }
            // Rooms in display order, those without a talk that day left out.
            let roomNames = rooms.map(\.name).filter { name in talks.contains { $0.room == name } }
            return .object([
                ("index", .integer(index + 1)), ("date", .string(day)), ("day_start", .string(Self.timestamp(day, start))),
                ("day_end", .string(Self.timestamp(day, end))),
                (
                    "rooms",
                    .object(
                        roomNames.map { name -> (String, OrderedJSON) in (name, .array(talks.filter { $0.room == name }.map { json($0, day: day) })) }
                    )
                ),
            ])
        }
        let conference: OrderedJSON = .object([
            ("acronym", .string(acronym)), ("title", .string(title)), ("start", .string(Self.timestamp(firstDay, 0))),
            ("end", .string(Self.timestamp(lastDay, 24 * 60 - 1))), ("daysCount", .integer(days.count)), ("timeslot_duration", .string("00:15")),
            ("time_zone_name", .string(Self.timeZoneName)), ("meta", .object([("day_change", .string(Self.dayChange))])),
            ("rooms", .array(rooms.map { room -> OrderedJSON in .object([("name", .string(room.name)), ("guid", .string(room.guid))]) })),
            ("days", .array(days)),
        ])
        let document: OrderedJSON = .object([
            ("$schema", .string("https://c3voc.de/schedule/schema.json")),
            ("generator", .object([("name", .string("Aufwind")), ("version", .string("1"))])),
            ("schedule", .object([("version", .string(version)), ("base_url", .string(baseURL)), ("conference", conference)])),
        ])
        return document.text() + "\n"
    }

    private func json(_ talk: Talk, day: String) -> OrderedJSON {
        .object([
            ("guid", .string(talk.guid)), ("id", .integer(talk.id)), ("date", .string(Self.timestamp(day, talk.start))),
            ("end", .string(Self.timestamp(day, talk.end))), ("start", .string(SlotGrid.clock(talk.start))),
            ("duration", .string(Self.duration(talk.end - talk.start))), ("room", .string(talk.room)), ("slug", .string(slug(talk))),
            ("url", .string(talk.url)), ("title", .string(talk.title)), ("subtitle", .string("")), ("track", .string(talk.track)),
            ("type", .string("Session")), ("language", .string("de")), ("abstract", .string(talk.abstract)), ("description", .string("")),
            (
                "persons",
                .array(
                    talk.persons.enumerated().map { n, person -> OrderedJSON in
                        .object([("id", .integer(talk.id * 100 + n)), ("public_name", .string(person))])
                    })
            ),
            ("links", .array([])),
        ])
    }
}
