/// Term numbers counted: one number per occurrence in, (number, count) pairs out, by number.
/// The engine and the search index count an item's terms this way (no hashing per word).
enum TermOccurrences {
    static func counted(_ occurrences: [Int32]) -> [(number: Int32, count: Int)] {
        var terms: [(number: Int32, count: Int)] = []
        for number in occurrences.sorted() {
            if terms.last?.number == number { terms[terms.count - 1].count += 1 } else { terms.append((number, 1)) }
        }
        return terms
    }
}
