/// The facts of an event as the organiser enters them, checked once for forms (German messages,
/// all at once).
public struct EventInput: Sendable, Equatable {
    public var title: String
    public var description: String
    public var firstDay: String
    public var lastDay: String
    public var place: String
    public var onlineURL: String
    public var capacity: Int
    public var meetingTables: Int

    public struct Raw: Sendable {
        public var title, description, firstDay, lastDay, place, onlineURL, capacity, meetingTables: String?
        public init(
            title: String?, description: String?, firstDay: String?, lastDay: String?, place: String?, onlineURL: String?,
            capacity: String?, meetingTables: String?
        ) {
            self.title = title
            self.description = description
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.place = place
            self.onlineURL = onlineURL
            self.capacity = capacity
            self.meetingTables = meetingTables
        }
    }

    public init(
        title: String, description: String, firstDay: String, lastDay: String, place: String, onlineURL: String, capacity: Int, meetingTables: Int
    ) {
        self.title = title
        self.description = description
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.place = place
        self.onlineURL = onlineURL
        self.capacity = capacity
        self.meetingTables = meetingTables
    }

    /// Events last at most two weeks.
    public static let maximumDays = 14

    public static func validate(_ raw: Raw) -> Result<EventInput, ValidationMessages> {
        var check = InputChecker()
        let title = check.text(raw.title, "Titel", length: 3...150)
        let description = check.text(raw.description, "Beschreibung", required: false, length: 0...5000, multiline: true)
        let first = check.day(raw.firstDay, "Erster Tag")
        let last = (raw.lastDay ?? "").trimmingSpaces.isEmpty ? first : check.day(raw.lastDay, "Letzter Tag")
        if !first.isEmpty, !last.isEmpty, let days = ISODay.distance(from: first, to: last) {
            if days < 0 { check.fail("Der letzte Tag liegt vor dem ersten.") }
            if days >= maximumDays { check.fail("Eine Veranstaltung dauert höchstens \(maximumDays) Tage.") }
        }
        let place = check.text(raw.place, "Ort", required: false, length: 0...200)
        let online = check.text(raw.onlineURL, "Online-Link", required: false, length: 0...500)
        if !online.isEmpty, !(online.hasPrefix("https://") || online.hasPrefix("http://")) || online.contains(" ") {
            check.fail("Der Online-Link muss mit https:// beginnen.")
        }
        if place.isEmpty && online.isEmpty { check.fail("Bitte einen Ort oder einen Online-Link angeben.") }
        let capacity = check.number(raw.capacity, "Plätze", in: 1...5000)
        let tables = check.number(raw.meetingTables ?? "0", "Tische für 1:1-Treffen", in: 0...200)
        return check.result(
            EventInput(
                title: title, description: description, firstDay: first, lastDay: last, place: place, onlineURL: online,
                capacity: capacity, meetingTables: tables))
    }
}

/// How a barcamp session runs.
public enum SessionFormat: String, Sendable, Codable, CaseIterable {
    case diskussion, vortrag, workshop, praxisbericht

    public var label: String {
        switch self {
        case .diskussion: "Diskussion"
        case .vortrag: "Impulsvortrag"
        case .workshop: "Workshop"
        case .praxisbericht: "Praxisbericht"
        }
    }
}

/// A session proposal: title, short description, Handlungsfeld, format.
public struct SessionProposalInput: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var handlungsfeld: Handlungsfeld
    public var format: SessionFormat

    public static func validate(title: String?, summary: String?, handlungsfeld: String?, format: String?) -> Result<
        SessionProposalInput, ValidationMessages
    > {
        var check = InputChecker()
        let title = check.text(title, "Titel", length: 3...120)
        let summary = check.text(summary, "Kurzbeschreibung", required: false, length: 0...1000, multiline: true)
        let field = check.choice(handlungsfeld, Handlungsfeld.self, "Handlungsfeld")
        let format = check.choice(format, SessionFormat.self, "Format")
        return check.result(
            SessionProposalInput(title: title, summary: summary, handlungsfeld: field ?? .daseinsvorsorge, format: format ?? .diskussion))
    }
}
