/// How often notifications of one category reach a user by mail. In the app every notification is
/// kept, whatever the cadence.
public enum NotificationCadence: String, CaseIterable, Sendable, Codable {
    /// One mail per notification, at once.
    case sofort
    /// Collected into one mail a day (the daily digest).
    case taeglich
    /// Collected into one mail a week, on Mondays (the weekly digest).
    case woechentlich
    /// No mail.
    case nie

    /// The German label of the settings page.
    public var title: String {
        switch self {
        case .sofort: "sofort"
        case .taeglich: "täglich"
        case .woechentlich: "wöchentlich"
        case .nie: "nie"
        }
    }

    /// The digest that collects this cadence, if any.
    public var digest: DigestCadence? {
        switch self {
        case .taeglich: .daily
        case .woechentlich: .weekly
        case .sofort, .nie: nil
        }
    }

    /// What a user gets before choosing: whatever waits on them (requests, messages, deadlines,
    /// events) at once, because someone waits for an answer or a date is near; partner matches
    /// once a day, because several can arrive together when a town publishes many items.
    public static func standard(for category: NotificationCategory) -> NotificationCadence {
        switch category {
        case .anfragen, .nachrichten, .fristen, .veranstaltungen: .sofort
        case .passendeEintraege: .taeglich
        }
    }
}

/// The two digests.
public enum DigestCadence: String, CaseIterable, Sendable {
    case daily = "taeglich"
    case weekly = "woechentlich"

    public var cadence: NotificationCadence {
        switch self {
        case .daily: .taeglich
        case .weekly: .woechentlich
        }
    }

    /// For the subject and the log.
    public var adjective: String {
        switch self {
        case .daily: "tägliche"
        case .weekly: "wöchentliche"
        }
    }
}
