/// Where a German compound word may be split: before a part of a word that starts at a
/// compound boundary. "informationssicherheitsbeauftragt" has boundaries after "informations"
/// (information + linking s) and after "informationssicherheits"; "versicherung" has none
/// before "sicher" ("ver" is no word).
///
/// This is dictionary-based splitting (Koehn & Knight, "Empirical Methods for Compound
/// Splitting", 2003; Lucene's `DictionaryCompoundWordTokenFilter` works the same way): the
/// text before a boundary must be a sequence of known words of three letters or more, each
/// optionally followed by a linking element (Fugenelement: -s-, -es-, -n-, -en-, -e-, -er-, -ens-,
/// -ns-). The known words are the live vocabulary of the items and a small base lexicon of words
/// that municipal compounds are made of (`baseLexicon`), without the particles that begin verbs
/// and nouns but are not their own part ("unter", "gegen").
enum CompoundWords {
    /// Parts shorter than this are not words of a compound ("be", "er").
    static let minimumPartLength = 3

    static let linkingElements: [[UInt8]] = ["s", "es", "n", "en", "e", "er", "ens", "ns"].map { Array($0.utf8) }

    /// Whether `prefix` (the bytes before a possible boundary) is made of known words, each with
    /// an optional linking element. `isWord` answers for one part.
    static func isSequenceOfWords(_ prefix: ArraySlice<UInt8>, isWord: (ArraySlice<UInt8>) -> Bool) -> Bool {
        let start = prefix.startIndex
        let count = prefix.count
        guard count >= minimumPartLength else { return false }
        // reachable[i]: the first i bytes are words (with linking elements).
        var reachable = [Bool](repeating: false, count: count + 1)
        reachable[0] = true
        for from in 0..<count where reachable[from] {
            var to = from + minimumPartLength
            while to <= count {
                if isWord(prefix[(start + from)..<(start + to)]) {
                    reachable[to] = true
                    for linker in linkingElements where to + linker.count <= count {
                        if prefix[(start + to)..<(start + to + linker.count)].elementsEqual(linker) { reachable[to + linker.count] = true }
                    }
                }
                to += 1
            }
            if reachable[count] { return true }
        }
        return reachable[count]
    }

    /// Words every compound lexicon needs, as search terms: the parts of the Handlungsfelder and
    /// Unterthemen and frequent parts of municipal compounds.
    static let baseLexicon: Set<String> = {
        let common = [
            "Abfall", "Abwasser", "Amt", "Arbeit", "Arzt", "Bad", "Bahn", "Bau", "Berg", "Bild", "Bildung", "Brand", "Bürger", "Bus",
            "Dach", "Daten", "Dienst", "Digital", "Dorf", "Energie", "Fach", "Fahr", "Familie", "Feld", "Feuer", "Fläche", "Forst",
            "Frei", "Garten", "Gebäude", "Geld", "Gemeinde", "Gesundheit", "Gewerbe", "Grund", "Haus", "Heim", "Heimat", "Hilfe",
            "Hoch", "Hof", "Information", "Jugend", "Kinder", "Kirche", "Klima", "Kommune", "Kosten", "Kreis", "Kultur", "Land",
            "Leben", "Licht", "Markt", "Medien", "Mobilität", "Netz", "Neu", "Ort", "Park", "Personal", "Pflege", "Plan", "Platz",
            "Rad", "Rat", "Raum", "Recht", "Region", "Sanierung", "Schule", "Schutz", "Senioren", "Sicherheit", "Sozial", "Sport",
            "Stadt", "Straße", "Strom", "System", "Verkehr", "Verwaltung", "Wald", "Wärme", "Wasser", "Weg", "Werk", "Wirtschaft",
            "Wohnung", "Zentrum", "Zukunft",
        ]
        let labels = Handlungsfeld.allCases.map(\.label) + Unterthema.all.map(\.label)
        var lexicon = Set<String>()
        for text in common + labels {
            for word in GermanFolding.words(text, umlauts: .expanded) where word.count >= minimumPartLength {
                lexicon.insert(word)
                lexicon.insert(GermanTextAnalyzer.withoutInflection(word))
            }
        }
        // Nouns among the stop words ("Stadtwerke", "Gemeindeschwester") are parts; the others are not.
        let functionWords = GermanTextAnalyzer.stopWords.subtracting(["stadt", "gemeinde", "kommune", "kommunen", "partner"])
        return lexicon.subtracting(notParts).subtracting(functionWords)
    }()

    /// Particles and function words that begin many words without being a part of them.
    static let notParts: Set<String> = [
        "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "ent", "emp", "fort", "gegen", "her", "hin", "hinter", "los", "miss",
        "mit", "nach", "neben", "ohne", "seit", "ueber", "um", "und", "unter", "ver", "voll", "vor", "weiter", "wider", "wieder",
        "zer", "zu", "zwischen", "sehr", "mehr", "viel", "alle", "fuer", "oder", "aber", "als", "wie", "nicht", "noch", "auch",
    ]
}
