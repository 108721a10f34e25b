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
