import AufwindCore
import Testing

@Suite("Register search over the full register")
struct RegisterSearchTests {
    var catalog: RegisterCatalog { ReferenceData.catalog }

    func top(_ text: String, _ count: Int = 5) throws -> [Gemeinde] {
        try #require(ReferenceData.isAvailable)
        return try catalog.query(GemeindeQuery(text: text, perPage: count)).items.map(\.gemeinde)
    }

    @Test("an exact name ranks first", arguments: ["Münster", "münster", "MÜNSTER", "Muenster", "Münster, Stadt", "Stadt Münster"])
    func exactName(query: String) throws {
        #expect(try top(query).first?.ags == "05515000")
    }

    @Test("umlauts typed without e find the umlaut, after an exact match of that spelling")
    func umlautWithoutE() throws {
        let hits = try top("Munster")
        #expect(hits.first?.shortName == "Munster")
        #expect(hits.contains { $0.ags == "05515000" })
    }

    @Test("ß and ss are the same")
    func eszett() throws {
        #expect(try top("Gießen").first?.ags == "06531005")
        #expect(try top("Giessen").first?.ags == "06531005")
        #expect(try top("Weissenfels").first?.shortName == "Weißenfels")
    }

    @Test("St. and Sankt are the same")
    func sankt() throws {
        #expect(try top("Sankt Ingbert").first?.shortName == "St. Ingbert")
        #expect(try top("St. Augustin").first?.shortName == "Sankt Augustin")
        #expect(try top("St Wendel").first?.shortName == "St. Wendel")
    }

    @Test("Bad may be left out")
    func bad() throws {
        #expect(try top("Oeynhausen").first?.shortName == "Bad Oeynhausen")
        #expect(try top("bad oeynhausen").first?.shortName == "Bad Oeynhausen")
    }

    @Test("hyphens and spaces do not matter")
    func hyphens() throws {
        #expect(try top("Castrop Rauxel").first?.shortName == "Castrop-Rauxel")
        #expect(try top("castroprauxel").first?.shortName == "Castrop-Rauxel")
    }

    @Test("a prefix finds the name while typing")
    func prefix() throws {
        #expect(try top("Oelde".dropLast().description).contains { $0.shortName == "Oelde" })
        #expect(try top("Warend").first?.shortName == "Warendorf")
        #expect(try top("Weinstr", 50).contains { $0.shortName == "Neustadt an der Weinstraße" })
    }

    @Test("one wrong, missing, extra or swapped letter", arguments: ["Warendorv", "Warndorf", "Warenddorf", "Wraendorf"])
    func typo(query: String) throws {
        #expect(try top(query).first?.shortName == "Warendorf")
    }

    @Test("identical names are told apart by Kreis and Gemeindeverband")
    func identicalNames() throws {
        let hits = try top("Neuenkirchen", 20).filter { $0.shortName == "Neuenkirchen" }
        #expect(hits.count > 3)
        #expect(Set(hits.map(\.verbandKey)).count == hits.count)
    }

    @Test("nothing matches nonsense; empty text lists everything by name")
    func nothing() throws {
        #expect(try top("xqzvw").isEmpty)
        try #require(ReferenceData.isAvailable)
        let page = try catalog.query(GemeindeQuery())
        #expect(page.total == 10_751)
    }
}
