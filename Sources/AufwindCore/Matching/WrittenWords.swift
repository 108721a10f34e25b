/// The words of a text as its author wrote them, found by the terms the analyzer makes of them:
/// explanations name "Informationssicherheit", not the stem "informationssich".
struct WrittenWords {
    /// Per term the first word that makes exactly this term.
    private var exact: [String: String] = [:]
    /// Per term the first word that makes it among other terms (a compound, if the analyzer splits one).
    private var within: [String: String] = [:]

    /// With `wanted`, reading stops once each of those terms has its word.
    init(_ text: String, wanted: Set<String>? = nil) {
        for word in Self.words(text) {
            let terms = GermanTextAnalyzer.terms(String(word))
            if terms.count == 1 {
                if exact[terms[0]] == nil { exact[terms[0]] = String(word) }
            } else {
                for term in terms where within[term] == nil { within[term] = String(word) }
            }
            if let wanted, wanted.allSatisfy({ exact[$0] != nil }) { break }
        }
    }

    /// The word as written that makes `term`, if the text has one.
    func word(for term: String) -> String? { exact[term] ?? within[term] }

    /// Letters and digits as written; everything else separates words (as in `GermanFolding`).
    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }
}
