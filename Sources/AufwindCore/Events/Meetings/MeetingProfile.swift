/// What a participant brings to the 1:1 meetings of an event: "Wir suchen" and "Wir bieten",
/// free text the others read before asking for a meeting.
public struct MeetingProfile: Sendable, Equatable {
    public static let maximumLength = 1_000

    public var seeking: String
    public var offering: String

    public init(seeking: String, offering: String) {
        self.seeking = seeking
        self.offering = offering
    }

    public var isEmpty: Bool { seeking.isEmpty && offering.isEmpty }

    /// The first profile of a participant, from the published items of their town or
    /// organisation: needs (Bedarf, Personal gesucht) say what they seek; offers and staff to
    /// share say what they offer; projects (Vorhaben) count as both, as they look for partners.
    /// One title per line, at most `maximumLength` characters each side.
    public static func prefilled(from items: [CooperationItem]) -> MeetingProfile {
        func lines(_ kinds: Set<ItemKind>) -> String {
            var text = ""
            for item in items where kinds.contains(item.kind) {
                let line = item.title
                guard text.count + line.count + 1 <= maximumLength else { break }
                text += (text.isEmpty ? "" : "\n") + line
            }
            return text
        }
        return MeetingProfile(
            seeking: lines([.bedarf, .personalBedarf, .vorhaben]), offering: lines([.angebot, .personalAngebot, .vorhaben]))
    }
}
