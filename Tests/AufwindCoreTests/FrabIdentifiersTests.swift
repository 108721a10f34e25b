import Foundation
import Testing

@testable import AufwindCore

@Suite("Frab identifiers: ASCII slugs, acronym and room guids in the shapes of both c3voc schemas")
struct FrabIdentifiersTests {
    static let event = UUID(uuidString: "3F2A9C01-0000-4000-8000-000000000001")!
    static let acronym = FrabIdentifiers.acronym(event: event)

    /// `schema.json`: Event.slug; `schedule.xml.xsd`: voc-slug-new (XSD patterns match the whole value).
    static func matchesBothSlugPatterns(_ slug: String) -> Bool {
        slug.wholeMatch(of: /[a-z0-9_-]+[a-z0-9]/) != nil && slug.wholeMatch(of: /[a-z0-9_]{4,}-[a-z0-9\-_]{4,}/) != nil
    }

    static func slug(_ title: String, id: Int = 7) -> String { FrabIdentifiers.slug(acronym: acronym, id: id, title: title) }

    @Test("umlauts and ß folded the German way, other accents dropped, words joined by single hyphens")
    func folding() {
        #expect(Self.slug("Dorfläden & Nahversorgung") == "aufwind_3f2a9c01-7-dorflaeden-nahversorgung")
        #expect(Self.slug("Ärger über Öl – Straßenfest, ẞ") == "aufwind_3f2a9c01-7-aerger-ueber-oel-strassenfest-ss")
        #expect(Self.slug("Café crème à la française") == "aufwind_3f2a9c01-7-cafe-creme-a-la-francaise")
        #expect(Self.slug("Zeile eins\nZeile zwei\r\n") == "aufwind_3f2a9c01-7-zeile-eins-zeile-zwei")
        #expect(Self.slug("x\u{202E}gnp.exe") == "aufwind_3f2a9c01-7-x-gnp-exe")
    }

    @Test("titles without usable words (only punctuation, emoji, other scripts, one letter) give `session`")
    func fallback() {
        for title in ["!!! ??? …", "🚲🚌🌍", "日本語", "A", "", "  -- --  "] {
            #expect(Self.slug(title) == "aufwind_3f2a9c01-7-session", "\(title)")
        }
    }

    @Test("long titles are cut between words, never with a hyphen at the end")
    func length() {
        let slug = Self.slug(String(repeating: "Überlänge ", count: 30))
        #expect(slug.hasSuffix("ueberlaenge") && !slug.hasSuffix("-"))
        #expect(slug.count <= Self.acronym.count + "-7-".count + FrabIdentifiers.maximumTitleLength)
    }

    @Test(
        "every slug matches both schemas' patterns and is ASCII",
        arguments: [
            "Dorfläden & Nahversorgung", "!!!", "🚀", "A", "ab", "2026", "Zeile\nZeile", "-a-", "Éé", String(repeating: "x", count: 200), "ẞ",
        ])
    func patterns(title: String) {
        for id in [1, 42, 100_000] {
            let slug = Self.slug(title, id: id)
            #expect(slug.allSatisfy(\.isASCII) && Self.matchesBothSlugPatterns(slug), "\(slug)")
        }
    }

    @Test("the acronym matches the JSON pattern (no hyphen after the first character) and the XSD's")
    func acronym() {
        for event in [Self.event, UUID(), UUID(uuidString: "12345678-0000-4000-8000-000000000000")!] {
            let acronym = FrabIdentifiers.acronym(event: event)
            #expect(acronym.wholeMatch(of: /[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?/) != nil, "\(acronym)")
            #expect(acronym.wholeMatch(of: /[a-z0-9_-]{4,}/) != nil)
        }
        #expect(Self.acronym == "aufwind_3f2a9c01")
    }

    @Test("name-based UUIDs (v5) as RFC 9562 and Python's uuid5 compute them")
    func nameBasedUUID() {
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(UUID.nameBased(namespace: dns, name: "python.org").uuidString.lowercased() == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }

    @Test("a room's guid is stable, a UUID, and differs between rooms and between events")
    func roomGUID() {
        let room = UUID()
        let other = UUID()
        let guid = FrabIdentifiers.roomGUID(event: Self.event, room: room)
        #expect(guid == FrabIdentifiers.roomGUID(event: Self.event, room: room))
        #expect(UUID(uuidString: guid) != nil && guid == guid.lowercased())
        #expect(guid != FrabIdentifiers.roomGUID(event: Self.event, room: other))
        #expect(guid != FrabIdentifiers.roomGUID(event: UUID(), room: room))
    }

    @Test("ordered JSON keeps key order and escapes what RFC 8259 requires; it parses back")
    func orderedJSON() throws {
        let value = OrderedJSON.object([
            ("zeta", .string("\"Zitat\" \\ / \n\t\u{0001} Öl 🚀")), ("alpha", .array([.integer(1), .bool(true), .null, .object([])])),
            ("mid", .array([])),
        ])
        let text = value.text()
        #expect(text.firstRange(of: "zeta")!.lowerBound < text.firstRange(of: "alpha")!.lowerBound)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["zeta"] as? String == "\"Zitat\" \\ / \n\t\u{0001} Öl 🚀")
        #expect((object["alpha"] as? [Any])?.count == 4)
    }
}
