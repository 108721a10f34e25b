/// What a search text asks the index for: per distinct search term, the index terms that answer
/// it and how much each counts: the term itself (1), longer words it is a compound part of
/// (0.8: "Informationssicherheit" → "Informationssicherheitsbeauftragte"), and, only when the
/// word occurs in no item the searcher may see and has five letters or more, the words one typo
/// away (0.6: "Ratsinformationssytem" → "Ratsinformationssystem"). It also holds the corrected
/// text for "Meinten Sie …?".
struct ItemSearchPlan {
    static let exactWeight = 1.0, compoundWeight = 0.8, typoWeight = 0.6
    /// Typos are only looked for in words of this many letters or more: shorter words are too
    /// often another word one letter away ("Kita", "Kito").
    static let minimumTypoLength = 5
    /// A word that occurs is still offered a correction when a word one typo away occurs in this
    /// many times as many items (a typo in an item: "Ratsinformationssytem" once, the right
    /// spelling in forty items).
    static let correctionDominance: Int32 = 20
    /// More distinct words than this are not searched for (a text has at most 200 characters).
    static let maximumWords = 32

    struct Expansion {
        var term: Int32
        var weight: Double
    }

    struct QueryWord {
        var term: String
        /// As typed, first occurrence.
        var written: String
        /// Where it occurs in the text (to rewrite it).
        var ranges: [Range<String.Index>]
        var expansions: [Expansion]
        /// The spelling of a word one typo away that the items use, if there is one.
        var correction: String?
        /// Postings to read: the rarest words go first.
        var cost: Int
        /// Items the searcher may see that contain one of its expansions (counted per expansion).
        var audienceFrequency: Int
    }

    var words: [QueryWord] = []
    /// The text with every correction applied, if there was one.
    var suggestion: String?

    init(text: String, index: ItemSearchIndex, publicOnly: Bool) {
        let vocabulary = index.vocabulary
        let audienceFrequency = publicOnly ? index.publicDocumentFrequency : index.documentFrequency
        func isLive(_ number: Int32) -> Bool { index.documentFrequency[Int(number)] > 0 }
        func isVisible(_ number: Int32) -> Bool { audienceFrequency[Int(number)] > 0 }
        var positions: [String: Int] = [:]
        for word in GermanTextAnalyzer.words(text) {
            guard let term = word.searchTerm else { continue }
            if let position = positions[term] {
                words[position].ranges.append(word.range)
                continue
            }
            guard words.count < Self.maximumWords else { continue }
            positions[term] = words.count
            let written = String(text.unicodeScalars[word.range])
            var expansions: [Expansion] = []
            let exact = vocabulary.number(of: term)
            if let exact, isLive(exact) { expansions.append(Expansion(term: exact, weight: Self.exactWeight)) }
            for number in vocabulary.compoundMatches(of: term, isLive: isLive) {
                expansions.append(Expansion(term: number, weight: Self.compoundWeight))
            }
            var correction: String?
            if written.count >= Self.minimumTypoLength {
                let neighbours = vocabulary.typoMatches(of: term, isLive: isVisible)
                // The spelling most items use; on a tie the first in the alphabet.
                let best = neighbours.max { a, b in
                    (audienceFrequency[Int(a)], vocabulary.names[Int(b)]) < (audienceFrequency[Int(b)], vocabulary.names[Int(a)])
                }
                let found = expansions.contains { isVisible($0.term) }
                if !found {
                    expansions = neighbours.map { Expansion(term: $0, weight: Self.typoWeight) }
                    correction = best.map { vocabulary.written[Int($0)] }
                } else if let best, let exact, audienceFrequency[Int(best)] >= Self.correctionDominance * max(1, audienceFrequency[Int(exact)]) {
                    correction = vocabulary.written[Int(best)]
                }
            }
            let cost = expansions.reduce(0) { $0 + index.postings[Int($1.term)].count }
            let frequency = expansions.reduce(0) { $0 + Int(audienceFrequency[Int($1.term)]) }
            words.append(
                QueryWord(
                    term: term, written: written, ranges: [word.range], expansions: expansions, correction: correction, cost: cost,
                    audienceFrequency: frequency))
        }
        suggestion = Self.rewrite(text, words: words)
    }

    /// `text` with each corrected word replaced, nil without corrections.
    static func rewrite(_ text: String, words: [QueryWord]) -> String? {
        let replacements = words.flatMap { word in word.correction.map { correction in word.ranges.map { ($0, correction) } } ?? [] }
            .sorted { $0.0.lowerBound < $1.0.lowerBound }
        guard !replacements.isEmpty else { return nil }
        var rewritten = ""
        var position = text.unicodeScalars.startIndex
        // A run that folding split into several words is rewritten once.
        for (range, correction) in replacements where range.lowerBound >= position {
            rewritten.unicodeScalars.append(contentsOf: text.unicodeScalars[position..<range.lowerBound])
            rewritten += correction
            position = range.upperBound
        }
        rewritten.unicodeScalars.append(contentsOf: text.unicodeScalars[position...])
        return rewritten
    }
}
