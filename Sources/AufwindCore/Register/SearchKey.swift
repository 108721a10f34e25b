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
        self.init(text: Substring(RegisterNames.shortName(of: name)))
    }

    private init(text: Substring) {
        expandedWords = Self.normalise(GermanFolding.words(String(text), umlauts: .expanded))
        strippedWords = Self.normalise(GermanFolding.words(String(text), umlauts: .stripped))
    }

    fileprivate init(expandedWords: [String], strippedWords: [String]) {
        self.expandedWords = expandedWords
        self.strippedWords = strippedWords
    }

    /// The words after the first `count`.
    fileprivate func dropping(_ count: Int) -> SearchKey {
        SearchKey(expandedWords: Array(expandedWords.dropFirst(count)), strippedWords: Array(strippedWords.dropFirst(count)))
    }

    /// The part of a name that people use alone, nil where that is the whole name: the name
    /// before its qualifier ("Halle (Saale)", "Frankfurt am Main", "Lahr/Schwarzwald",
    /// "Grafing b.München", "Weiden i.d.OPf." → "Halle", "Frankfurt", "Lahr", "Grafing", "Weiden"),
    /// and for a Kreis or Gemeindeverband without the words that name its kind
    /// ("Region Hannover" → "Hannover", "VVG der Stadt Trossingen" → "Trossingen").
    static func mainPart(of name: String, kind: PlaceKind) -> SearchKey? {
        var text = Substring(RegisterNames.shortName(of: name))
        if let qualifier = text.firstIndex(where: { $0 == "(" || $0 == "/" }) { text = text[..<qualifier] }
        var key = SearchKey(text: text)
        if let cut = key.expandedWords.indices.dropFirst().first(where: { qualifierWords.contains(key.expandedWords[$0]) }) {
            key = SearchKey(expandedWords: Array(key.expandedWords[..<cut]), strippedWords: Array(key.strippedWords[..<cut]))
        }
        if kind != .gemeinde {
            let leading = key.expandedWords.prefix { unitWords.contains($0) }.count
            if leading < key.expandedWords.count { key = key.dropping(leading) }
        }
        guard !key.expanded.isEmpty, key.expanded != SearchKey(name: name).expanded else { return nil }
        return key
    }

    /// Words that start the qualifier of a place name (after its first word).
    private static let qualifierWords: Set<String> = ["am", "an", "a", "im", "i", "in", "ob", "bei", "b", "auf", "vor", "unter"]

    /// Words before the name of a Kreis or Gemeindeverband that say what it is.
    private static let unitWords: Set<String> = [
        "region", "staedteregion", "regionalverband", "landkreis", "kreis", "amt", "samtgemeinde", "verbandsgemeinde",
        "verwaltungsgemeinschaft", "verwaltungsverband", "gemeindeverwaltungsverband", "gvv", "vvg", "vg", "vgem", "der", "stadt",
        "gemeinde",
    ]

    private static func normalise(_ words: [String]) -> [String] {
        words.map { $0 == "st" ? "sankt" : $0 }
    }
}

/// What somebody typed into the place search: the words as a name, and, where the first word
/// names a kind of place ("Kreis Warendorf", "Samtgemeinde Hemmoor", "Stadt Ahlen"), that kind
/// with the rest.
struct PlaceQueryKey: Sendable {
    let whole: SearchKey
    let kindWord: (kind: PlaceKind, rest: SearchKey)?

    init(_ text: String) {
        whole = SearchKey(name: text)
        if whole.expandedWords.count > 1, let kind = Self.kindWords[whole.expandedWords[0]] {
            kindWord = (kind, whole.dropping(1))
        } else {
            kindWord = nil
        }
    }

    /// The kind the query asks for; without a word for it, Gemeinden come first.
    var preferredKind: PlaceKind { kindWord?.kind ?? .gemeinde }

    private static let kindWords: [String: PlaceKind] = {
        var words: [String: PlaceKind] = [:]
        for word in ["stadt", "gemeinde", "markt", "flecken"] { words[word] = .gemeinde }
        for word in ["kreis", "landkreis", "lk", "lkr", "landkr", "kr"] { words[word] = .kreis }
        for word in [
            "amt", "samtgemeinde", "sg", "verbandsgemeinde", "vg", "vgem", "verwaltungsgemeinschaft", "verwaltungsverband",
            "gemeindeverwaltungsverband", "gvv", "vvg", "gemeindeverband", "kirchspielslandgemeinde",
        ] {
            words[word] = .gemeindeverband
        }
        return words
    }()
}
