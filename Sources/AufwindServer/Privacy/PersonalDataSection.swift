import Foundation

/// One top-level entry of the data export, e.g. `"mitgliedschaften": [...]`.
struct PersonalDataSection: Sendable {
    let key: String
    let content: any Encodable & Sendable

    init(_ key: String, _ content: some Encodable & Sendable) {
        self.key = key
        self.content = content
    }
}

/// The export document: the owners' sections side by side, as one JSON object.
struct PersonalDataExport: Encodable, Sendable {
    struct DuplicateSection: Error, CustomStringConvertible {
        let key: String
        var description: String { "Two owners export the section \"\(key)\"." }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    let sections: [PersonalDataSection]

    init(_ sections: [PersonalDataSection]) throws {
        var seen = Set<String>()
        for section in sections where !seen.insert(section.key).inserted { throw DuplicateSection(key: section.key) }
        self.sections = sections
    }

    var keys: [String] { sections.map(\.key) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for section in sections { try container.encode(section.content, forKey: Key(stringValue: section.key)) }
    }

    /// Pretty-printed with sorted keys and ISO 8601 dates.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
