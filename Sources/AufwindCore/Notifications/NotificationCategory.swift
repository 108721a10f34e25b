/// What a notification is about. Each user chooses per category how mails reach them (in the app
/// every notification is kept); the category also drives the filter of the notification centre.
public enum NotificationCategory: String, CaseIterable, Sendable, Codable {
    /// Membership requests, interest shown, invitations — and every decision about them.
    case anfragen
    /// New messages in a cooperation.
    case nachrichten
    /// A newly published item matches one of our items.
    case passendeEintraege = "passende-eintraege"
    /// Deadlines of a Verbund's funding programme and what is still missing for it.
    case fristen
    /// Events: proposals and voting open, programme published or changed, pitches, 1:1 meetings.
    case veranstaltungen

    /// The German name shown in the settings and the notification centre.
    public var title: String {
        switch self {
        case .anfragen: "Anfragen & Entscheidungen"
        case .nachrichten: "Nachrichten"
        case .passendeEintraege: "Passende Einträge"
        case .fristen: "Fristen"
        case .veranstaltungen: "Veranstaltungen"
        }
    }
}
