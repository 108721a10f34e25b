/// Suggested meeting partners at an event, each with the reasons in German: what the other side
/// offers that this participant seeks (and the other way round), shared Handlungsfelder of their
/// published items, and what Aufwind's partner matching says about their towns.
public struct MeetingPartnerRanking: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var profile: MeetingProfile
        /// The Handlungsfelder of the candidate's published items.
        public var handlungsfelder: Set<Handlungsfeld>
        /// The partner matching's verdict on the candidate's town for this participant's items
        /// (0…1) and its reason, when the matching names the town.
        public var matchScore: Double
        public var matchReason: String?

        public init(
            id: String, profile: MeetingProfile, handlungsfelder: Set<Handlungsfeld> = [], matchScore: Double = 0, matchReason: String? = nil
        ) {
            self.id = id
            self.profile = profile
            self.handlungsfelder = handlungsfelder
            self.matchScore = matchScore
            self.matchReason = matchReason
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public var id: String
        public var score: Double
        /// Why, most important first: "bietet, was Sie suchen: Glasfaser, Breitband".
        public var reasons: [String]
    }

    public var me: MeetingProfile
    public var myHandlungsfelder: Set<Handlungsfeld>

    public init(me: MeetingProfile, myHandlungsfelder: Set<Handlungsfeld>) {
        self.me = me
        self.myHandlungsfelder = myHandlungsfelder
    }

    /// Weights: one shared term between a need and an offer counts most, a shared Handlungsfeld
    /// less, the matching's verdict (0…1) like two shared terms.
    static let termWeight = 1.0
    static let fieldWeight = 0.5
    static let matchWeight = 2.0
    /// At most this many terms are named in a reason.
    static let namedTerms = 4

    /// The candidates with at least one reason, best first (ties by id); at most `limit`.
    public func suggestions(_ candidates: [Candidate], limit: Int = 10) -> [Suggestion] {
        let seeking = Self.terms(me.seeking)
        let offering = Self.terms(me.offering)
        let ranked = candidates.compactMap { candidate -> Suggestion? in
            let theyOffer = Self.shared(seeking, Self.terms(candidate.profile.offering))
            let theySeek = Self.shared(offering, Self.terms(candidate.profile.seeking))
            let fields = myHandlungsfelder.intersection(candidate.handlungsfelder).sorted { $0.label < $1.label }
            var reasons: [String] = []
            if !theyOffer.isEmpty { reasons.append("bietet, was Sie suchen: " + Self.named(theyOffer)) }
            if !theySeek.isEmpty { reasons.append("sucht, was Sie bieten: " + Self.named(theySeek)) }
            if !fields.isEmpty { reasons.append("gleiche Handlungsfelder: " + fields.map(\.label).joined(separator: ", ")) }
            if candidate.matchScore > 0, let reason = candidate.matchReason { reasons.append("Partnersuche: " + reason) }
            guard !reasons.isEmpty else { return nil }
            let score =
                Self.termWeight * Double(theyOffer.count + theySeek.count) + Self.fieldWeight * Double(fields.count)
                + Self.matchWeight * min(1, max(0, candidate.matchScore))
            return Suggestion(id: candidate.id, score: score, reasons: reasons)
        }
        return Array(ranked.sorted { ($0.score, $1.id) > ($1.score, $0.id) }.prefix(max(0, limit)))
    }

    /// Words every profile uses ("gern", "Erfahrung", "gemeinsam"): they say nothing about a fit.
    static let generic: Set<String> = [
        "gern", "gerne", "gemeinsam", "gemeinsame", "gemeinsamen", "gemeinsames", "erfahrung", "erfahrungen", "hilfe", "unterstuetzung",
        "austausch", "thema", "themen", "projekt", "projekte", "idee", "ideen", "loesung", "loesungen", "beim", "einfach", "neue", "neuen",
        "kommunal", "kommunale", "kommunalen", "vorhaben", "bedarf", "angebot", "suche", "sucht", "biete", "bietet", "moechten", "wollen",
        "andere", "anderen", "mehr", "viele", "guten", "gute", "gut", "kleine", "kleinen", "bereich", "fragen",
    ]

    /// The distinct terms of a text in order of appearance, each with the word it first stood for.
    static func terms(_ text: String) -> [(term: String, word: String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for word in GermanTextAnalyzer.words(text) {
            guard let term = word.searchTerm, term.count >= 4, !generic.contains(word.folded), !generic.contains(term), seen.insert(term).inserted
            else { continue }
            result.append((term, String(text.unicodeScalars[word.range])))
        }
        return result
    }

    /// The words of `mine` whose terms also occur in `theirs`, in the order of `mine`.
    static func shared(_ mine: [(term: String, word: String)], _ theirs: [(term: String, word: String)]) -> [String] {
        let theirTerms = Set(theirs.map(\.term))
        return mine.filter { theirTerms.contains($0.term) }.map(\.word)
    }

    static func named(_ words: [String]) -> String {
        let shown = words.prefix(namedTerms).joined(separator: ", ")
        return words.count > namedTerms ? shown + " …" : shown
    }
}
