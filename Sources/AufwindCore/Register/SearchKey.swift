/// The folded forms of a place name (or of what somebody typed) that search compares.
struct SearchKey: Sendable {
    /// Words with umlauts as `ae`, `oe`, `ue`; "St." read as "Sankt".
    let expandedWords: [String]
    /// Words with umlauts as `a`, `o`, `u`.
    let strippedWords: [String]

    var expanded: String { expandedWords.joined() }
    var stripped: String { strippedWords.joined() }

    /// Leading "Bad" dropped ("Bad Oeynhausen" is found as "Oeynhausen"), nil where there is none.
    var withoutBad: String? {
        guard expandedWords.count > 1, expandedWords[0] == "bad" else { return nil }
        return expandedWords.dropFirst().joined()
    }

    /// The name as people call it: the official designation up to the first comma
    /// (", Stadt", ", Hansestadt" dropped), folded.
    init(name: String) {
        let short = RegisterNames.shortName(of: name)
        expandedWords = Self.normalise(GermanFolding.words(short, umlauts: .expanded))
        strippedWords = Self.normalise(GermanFolding.words(short, umlauts: .stripped))
    }

    /// What somebody typed: as a name, and a leading "Stadt"/"Gemeinde" ("Stadt Ahlen") is ignored.
    init(query: String) {
        self.init(name: query)
        if expandedWords.count > 1, ["stadt", "gemeinde", "markt"].contains(expandedWords[0]) {
            self = SearchKey(expandedWords: Array(expandedWords.dropFirst()), strippedWords: Array(strippedWords.dropFirst()))
        }
    }

    private init(expandedWords: [String], strippedWords: [String]) {
        self.expandedWords = expandedWords
        self.strippedWords = strippedWords
    }

    private static func normalise(_ words: [String]) -> [String] {
        words.map { $0 == "st" ? "sankt" : $0 }
    }
}
