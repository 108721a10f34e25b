import Foundation

/// The identifiers schedule apps key on, in the shapes both c3voc schemas accept
/// (`schedule.xml.xsd` and `schema.json`): the conference acronym, each talk's slug and each
/// room's guid. All are derived from stable ids, so they survive a renamed event or session.
public enum FrabIdentifiers {
    /// `aufwind_` and the first eight hex digits of the event id, e.g. `aufwind_3f2a9c01`: fits the
    /// JSON pattern `^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$` (no hyphen after the first
    /// character) and the XSD's `[a-z0-9_-]{4,}`.
    public static func acronym(event: UUID) -> String {
        "aufwind_" + event.uuidString.lowercased().prefix(8)
    }

    /// Title words after the acronym and the talk number, at most this many characters.
    public static let maximumTitleLength = 60

    /// `<acronym>-<id>-<title words>`, e.g. `aufwind_3f2a9c01-7-dorflaeden-und-nahversorgung`:
    /// ASCII only (umlauts as `ae`, `oe`, `ue`, `ß` as `ss`, other accents dropped), lower case,
    /// words joined by single hyphens, never a hyphen at the end. A title without a usable word
    /// (only punctuation or emoji) or of a single character gives `session`, so the slug still
    /// matches the JSON pattern `^[a-z0-9_-]+[a-z0-9]$` and the XSD's
    /// `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}` (the acronym has no hyphen). Unique while ids are.
    public static func slug(acronym: String, id: Int, title: String) -> String {
        var words = ""
        collecting: for word in GermanFolding.words(title, umlauts: .expanded) {
            // What folding leaves outside ASCII (Greek, Cyrillic, CJK …) separates words too.
            for part in word.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                let addition = (words.isEmpty ? "" : "-") + part
                guard words.count + addition.count <= maximumTitleLength else {
                    if words.isEmpty { words = String(part.prefix(maximumTitleLength)) }  // one very long word: its beginning
                    break collecting
                }
                words += addition
            }
        }
        return "\(acronym)-\(id)-\(words.count < 2 ? "session" : words)"
    }

    /// A room's guid: a name-based UUID (version 5) in the event's id as namespace, from the
    /// room's own id, so two events' rooms of the same name stay apart and the guid never changes.
    public static func roomGUID(event: UUID, room: UUID) -> String {
        UUID.nameBased(namespace: event, name: "room:" + room.uuidString.lowercased()).uuidString.lowercased()
    }
}
