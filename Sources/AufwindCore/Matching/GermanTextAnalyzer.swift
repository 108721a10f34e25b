/// Terms of German text for search and similarity: folded (case, umlauts, ß), without stop
/// words, lightly stemmed ("Schulen", "Schule" → "schul").
public enum GermanTextAnalyzer {
    static let stopWords: Set<String> = [
        "aber", "alle", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
        "des", "die", "dies", "diese", "dieser", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "es", "fuer",
        "gibt", "hat", "haben", "ihr", "ihre", "im", "in", "ist", "kann", "koennen", "mit", "nach", "nicht", "noch", "oder",
        "sich", "sie", "sind", "so", "ueber", "um", "und", "uns", "unser", "unsere", "vom", "von", "vor", "wie", "wir",
        "wird", "werden", "zu", "zum", "zur", "suchen", "gesucht", "bieten", "partner", "kommune", "kommunen", "stadt", "gemeinde",
    ]

    static let suffixes = ["ungen", "ung", "innen", "heiten", "keiten", "heit", "keit", "en", "er", "es", "e", "n", "s"]

    /// The terms of `text`, in order, with repeats.
    public static func terms(_ text: String) -> [String] {
        GermanFolding.words(text, umlauts: .expanded).compactMap { word in
            guard word.count > 1, !stopWords.contains(word) else { return nil }
            return stem(word)
        }
    }

    static func stem(_ word: String) -> String {
        guard word.count > 4 else { return word }
        for suffix in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            // A plural "s" (Kitas, Autos), not the end of "Bus" or "Prozess".
            if suffix == "s", let before = word.dropLast().last, before == "s" || before == "u" { continue }
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}

// MARK: - Words for the item search

extension GermanTextAnalyzer {
    /// A word of a text: where it stands (so that a query can be rewritten word by word), folded,
    /// and the term the item search compares.
    public struct Word: Sendable, Equatable {
        /// The word's place in the text's Unicode scalars.
        public var range: Range<String.Index>
        public var folded: String
        /// Nil for stop words and single letters: they are not searched for.
        public var searchTerm: String?
    }

    /// The words of `text`, in order, with repeats. The item search's term keeps everything that
    /// carries meaning and only drops the inflection ("Schulen", "Schule" → "schul";
    /// "Informationen" → "information"), unlike `terms`, which also cuts "-ung" and "-heit":
    /// "Sicherheit" stays apart from "sichern", and a compound's parts stay visible in it.
    public static func words(_ text: String) -> [Word] {
        let runs = wordRuns(text)
        let folded = GermanFolding.words(text, umlauts: .expanded)
        var words: [Word] = []
        words.reserveCapacity(folded.count)
        if folded.count == runs.count {
            for (run, word) in zip(runs, folded) { words.append(Word(range: run, folded: word, searchTerm: searchTerm(folded: word))) }
            return words
        }
        // Rare: a character inside a run that folding reads as a break ("²"). Fold run by run.
        for run in runs {
            for word in GermanFolding.words(String(text.unicodeScalars[run]), umlauts: .expanded) {
                words.append(Word(range: run, folded: word, searchTerm: searchTerm(folded: word)))
            }
        }
        return words
    }

    /// The search term of a folded word, nil for stop words and single letters.
    public static func searchTerm(folded word: String) -> String? {
        guard word.count > 1, !stopWords.contains(word) else { return nil }
        return withoutInflection(word)
    }

    /// Drops one inflectional ending, keeping at least four letters: "-en" (Schulen, Kommunen,
    /// Informationen), "-es" (Kreises, Gesetzes), "-e" (Schule, digitale), "-s" (Kitas, Systems;
    /// not after s, u or i: Bus, Prozess, Kreis). The rest of the word is left as written, so
    /// "Planungen" and "Planung" meet and "Wärmeplanung" still contains "planung".
    static func withoutInflection(_ word: String) -> String {
        let bytes = word.utf8
        let count = bytes.count
        guard count >= 5, let last = bytes.last else { return word }
        let before = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        switch last {
        case UInt8(ascii: "n") where before == UInt8(ascii: "e") && count >= 6: return String(word.dropLast(2))
        case UInt8(ascii: "s") where before == UInt8(ascii: "e") && count >= 6: return String(word.dropLast(2))
        case UInt8(ascii: "e"): return String(word.dropLast())
        case UInt8(ascii: "s") where before != UInt8(ascii: "s") && before != UInt8(ascii: "u") && before != UInt8(ascii: "i"):
            return String(word.dropLast())
        default: return word
        }
    }

    /// The ranges of the runs of letters and digits in `text`: where `GermanFolding.words` finds
    /// its words (it breaks at everything else).
    static func wordRuns(_ text: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let inWord: Bool
            if scalar.value < 128 {
                inWord = (65...90).contains(scalar.value) || (97...122).contains(scalar.value) || (48...57).contains(scalar.value)
            } else {
                inWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if inWord {
                if start == nil { start = index }
            } else if let begin = start {
                runs.append(begin..<index)
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { runs.append(begin..<scalars.endIndex) }
        return runs
    }
}
