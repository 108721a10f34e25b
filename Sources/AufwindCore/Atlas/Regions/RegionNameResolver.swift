import Foundation

/// Finds the region (Land, Regierungsbezirk or Kreis) a Regionalbehörde means by what it typed:
/// a key ("055"), or a name as people say it — "Bezirksregierung Münster", "Kreis Warendorf",
/// "Freistaat Bayern", "Regierung von Oberbayern". Words that only say the kind of authority are
/// set aside and narrow the kind; umlauts, case and punctuation do not matter.
public struct RegionNameResolver: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Exactly one region fits.
        case unique(Gebietseinheit)
        /// Several fit the name equally (the person chooses), best first.
        case choices([Gebietseinheit])
        /// None fits; these begin like it or contain it (possibly none).
        case unknown(suggestions: [Gebietseinheit])
    }

    static let kinds: [GebietsebeneKind] = [.land, .regierungsbezirk, .kreis]
    /// The most suggestions or choices offered.
    public static let limit = 8

    private struct Entry {
        var unit: Gebietseinheit
        var core: String
    }

    private let entries: [Entry]
    private let byKey: [String: Gebietseinheit]

    public init(catalog: RegisterCatalog) {
        // A former Bezirk ("früher: Reg.-Bez. Koblenz") has no authority to give access to.
        let units = Self.kinds.flatMap { catalog.units(of: $0) }.filter { !$0.name.hasPrefix("früher:") }
        entries = units.map { Entry(unit: $0, core: Self.core(of: $0.name).text) }
        byKey = Dictionary(units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every region's name as a person would write it ("Bezirksregierung Münster"), for suggestions in the form.
    public var spokenNames: [String] { entries.map { Self.spokenName(of: $0.unit) } }

    public func resolve(_ typed: String) -> Outcome {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let unit = byKey[trimmed] { return .unique(unit) }
        let parsed = Self.core(of: trimmed)
        let text = parsed.text
        let hinted = parsed.kind
        guard !text.isEmpty else { return .unknown(suggestions: []) }
        // "Stadt Kassel", "München, Landeshauptstadt": of the Kreise the kreisfreie Stadt (Textkennzeichen
        // 41, 42); "Landkreis München", "Kreis Kassel": the other.
        let words = GermanFolding.words(trimmed, umlauts: .expanded)
        let title = trimmed.range(of: ", ").map { trimmed[$0.upperBound...].lowercased() } ?? ""
        let saysCity = words.contains { $0 == "stadt" || $0 == "stadtkreis" } || title.contains("stadt")
        let saysDistrict = words.first == "landkreis" || words.first == "kreis"
        func isCity(_ entry: Entry) -> Bool { entry.unit.typeCode == 41 || entry.unit.typeCode == 42 }
        func narrowed(_ found: [Entry]) -> [Entry] {
            guard let hinted else { return found }
            let kind = found.filter { $0.unit.kind == hinted }
            guard !kind.isEmpty else { return found }
            let preferred = saysCity ? kind.filter(isCity) : saysDistrict ? kind.filter { !isCity($0) } : kind
            return preferred.isEmpty ? kind : preferred
        }
        func ordered(_ found: [Entry]) -> [Gebietseinheit] {
            found.sorted { (Self.kinds.firstIndex(of: $0.unit.kind) ?? 9, $0.unit.key) < (Self.kinds.firstIndex(of: $1.unit.kind) ?? 9, $1.unit.key) }
                .prefix(Self.limit).map(\.unit)
        }
        let exact = narrowed(entries.filter { $0.core == text })
        if exact.count == 1 { return .unique(exact[0].unit) }
        if !exact.isEmpty { return .choices(ordered(exact)) }
        let beginning = narrowed(entries.filter { $0.core.hasPrefix(text) })
        let containing = beginning.isEmpty ? narrowed(entries.filter { $0.core.contains(text) }) : beginning
        return .unknown(suggestions: ordered(containing))
    }

    /// Whether `unit` is what `typed` finds: the one region, one of its choices or one suggestion.
    public func offers(_ unit: Gebietseinheit, for typed: String) -> Bool {
        switch resolve(typed) {
        case .unique(let found): found.key == unit.key
        case .choices(let units), .unknown(let units): units.contains { $0.key == unit.key }
        }
    }

    /// What a person would call the region: "Nordrhein-Westfalen", "Bezirksregierung Münster",
    /// "Kreis Warendorf", "Stadt Münster" (a kreisfreie Stadt; `Gebietseinheit.kreisLabel`).
    public static func spokenName(of unit: Gebietseinheit) -> String {
        let name = core(of: unit.name).display
        switch unit.kind {
        case .land: return unit.name
        case .regierungsbezirk:
            if unit.name.hasPrefix("Reg.-Bez.") { return "Bezirksregierung " + name }
            return unit.name.hasPrefix("Statistische Region") ? unit.name : "Regierungsbezirk " + name
        default: return unit.kreisLabel
        }
    }

    /// Words that name the kind of authority or area, and the kind they point to.
    private static let kindWords: [(words: [String], kind: GebietsebeneKind?)] = [
        (["frueher"], nil),
        (["bezirksregierung"], .regierungsbezirk), (["regierungsbezirk"], .regierungsbezirk), (["reg", "bez"], .regierungsbezirk),
        (["regierung", "von"], .regierungsbezirk), (["regierung"], .regierungsbezirk), (["statistische", "region"], .regierungsbezirk),
        (["direktionsbezirk"], .regierungsbezirk), (["landkreis"], .kreis), (["kreisverwaltung"], .kreis), (["kreisfreie", "stadt"], .kreis),
        (["stadtkreis"], .kreis), (["kreis"], .kreis), (["stadt"], .kreis), (["freistaat"], .land), (["land"], .land),
    ]

    /// The name without the words of its kind (folded, for comparing), its display form, and the kind those words point to.
    static func core(of name: String) -> (text: String, display: String, kind: GebietsebeneKind?) {
        // "München, Landeshauptstadt", "Kassel, documenta-Stadt": what follows the comma is a title.
        let comma = name.range(of: ", ")
        var words = GermanFolding.words(comma.map { String(name[..<$0.lowerBound]) } ?? name, umlauts: .expanded)
        let citySuffix = comma.map { name[$0.upperBound...].lowercased().contains("stadt") } ?? false
        var kind: GebietsebeneKind?
        var removed = true
        while removed {
            removed = false
            for entry in kindWords where words.count > entry.words.count {
                if Array(words.prefix(entry.words.count)) == entry.words {
                    words.removeFirst(entry.words.count)
                    kind = kind ?? entry.kind
                    removed = true
                } else if Array(words.suffix(entry.words.count)) == entry.words {
                    words.removeLast(entry.words.count)
                    kind = kind ?? entry.kind
                    removed = true
                }
            }
        }
        return (words.joined(separator: " "), displayCore(of: name), kind ?? (citySuffix ? .kreis : nil))
    }

    /// The register's name without its prefix of kind ("Reg.-Bez. Münster" → "Münster", "Münster, Stadt" → "Münster").
    private static func displayCore(of name: String) -> String {
        var text = name
        for prefix in ["früher: ", "Reg.-Bez. ", "Direktionsbezirk ", "Statistische Region "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        if let comma = text.range(of: ", ") { text = String(text[..<comma.lowerBound]) }
        return text
    }
}
