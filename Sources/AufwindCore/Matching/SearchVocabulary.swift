/// The terms of the item search, numbered, with the two look-ups that find terms a query word
/// does not spell exactly: compound parts (`TrigramIndex` plus the boundary check of
/// `CompoundWords`) and one typo (`TypoNeighbourhood`). Terms are only added; whether a term
/// still occurs in a live item is the index's knowledge, passed in as `isLive`.
struct SearchVocabulary: Sendable {
    /// Query words shorter than this match only themselves, never as part of a longer word
    /// ("Rat" would find "Ratgeber", "Bad" "Badesee").
    static let minimumPartKey = 4

    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Each term as first written in an item ("Wärmeplanung"), for "Meinten Sie …?".
    private(set) var written: [String] = []
    private var trigrams = TrigramIndex()
    private var typos = TypoNeighbourhood()

    var count: Int { names.count }

    var memory: Int {
        MemoryUse.strings(names) + MemoryUse.stringKeyed(numbers) + MemoryUse.strings(written) + trigrams.memory + typos.memory
    }

    func number(of term: String) -> Int32? { numbers[term] }

    /// The number of `term`, added with its written form if it is new.
    mutating func add(_ term: String, written form: @autoclosure () -> String) -> Int32 {
        if let known = numbers[term] { return known }
        let number = Int32(names.count)
        numbers[term] = number
        names.append(term)
        written.append(form())
        let bytes = Array(term.utf8)
        // A compound part is at least `minimumPartKey` long, so only longer terms contain one.
        if bytes.count > Self.minimumPartKey { trigrams.insert(bytes, number: number) }
        // A typo is looked for in query words of five letters or more: they are at most one
        // letter longer than a term of four.
        if bytes.count >= 4 { typos.insert(bytes, number: number) }
        return number
    }

    /// Live terms other than `key` that contain it as a compound part: at their start
    /// ("waermeplanung" in "waermeplanungsgesetz") or after a compound boundary ("sicherheit" in
    /// "informationssicherheitsbeauftragt"), never inside a word ("sicher" in "versicherung").
    func compoundMatches(of key: String, isLive: (Int32) -> Bool) -> [Int32] {
        let keyBytes = Array(key.utf8)
        guard keyBytes.count >= Self.minimumPartKey else { return [] }
        var matches: [Int32] = []
        for number in trigrams.candidates(containing: keyBytes) where isLive(number) {
            let name = names[Int(number)]
            guard name.utf8.count > keyBytes.count else { continue }
            let bytes = Array(name.utf8)
            for offset in Self.occurrences(of: keyBytes, in: bytes)
            where offset == 0 || CompoundWords.isSequenceOfWords(bytes[..<offset], isWord: { isPart($0, isLive: isLive) }) {
                matches.append(number)
                break
            }
        }
        return matches
    }

    /// Live terms at Damerau–Levenshtein distance one from `term`.
    func typoMatches(of term: String, isLive: (Int32) -> Bool) -> [Int32] {
        let bytes = Array(term.utf8)
        return typos.candidates(bytes).filter { number in
            isLive(number) && names[Int(number)] != term && EditDistance.isWithinOne(Array(names[Int(number)].utf8), bytes)
        }
    }

    /// Whether `bytes` is a word a compound is made of: a live term or a word of the base
    /// lexicon, not a particle.
    private func isPart(_ bytes: ArraySlice<UInt8>, isLive: (Int32) -> Bool) -> Bool {
        let part = String(decoding: bytes, as: UTF8.self)
        if CompoundWords.notParts.contains(part) { return false }
        if CompoundWords.baseLexicon.contains(part) { return true }
        return numbers[part].map(isLive) ?? false
    }

    static func occurrences(of key: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard key.count <= bytes.count else { return [] }
        var found: [Int] = []
        for start in 0...(bytes.count - key.count) where bytes[start] == key[0] {
            if bytes[start..<(start + key.count)].elementsEqual(key) { found.append(start) }
        }
        return found
    }
}
