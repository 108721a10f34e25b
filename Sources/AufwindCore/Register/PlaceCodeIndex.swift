/// Places by the keys people copy from letters and tables: the postcode of a Gemeinde's seat
/// (5 digits, or its first 2 to 4 while typing), the AGS (8 digits), the ARS of a Gemeinde
/// (12) or of a Gemeindeverband (9, or 12 ending in 000) and a Kreis key (5).
///
/// Keys of units that the search does not list themselves (a kreisfreie Stadt's Kreis, a
/// verbandsfreie Gemeinde's Verband) find their Gemeinde.
struct PlaceCodeIndex: Sendable {
    private struct Postcode: Sendable {
        var code: Int32
        var id: Int32
    }

    private var byKey: [String: [Int32]] = [:]
    /// Sorted by code: an exact postcode and a typed beginning are both one range.
    private var postcodes: [Postcode] = []

    /// - Parameters:
    ///   - gemeinden: the listed Gemeinden; search id = index.
    ///   - units: the Kreise and Gemeindeverbände the search lists; search id = `gemeinden.count` + index.
    init(gemeinden: [Gemeinde], units: [Gebietseinheit]) {
        let listedUnits = Set(units.map(\.key))
        for (index, unit) in units.enumerated() { byKey[unit.key, default: []].append(Int32(gemeinden.count + index)) }
        for (index, gemeinde) in gemeinden.enumerated() {
            let id = Int32(index)
            byKey[gemeinde.ags, default: []].append(id)
            byKey[gemeinde.ars, default: []].append(id)
            for unitKey in [gemeinde.kreisKey, gemeinde.verbandKey] where !listedUnits.contains(unitKey) {
                byKey[unitKey, default: []].append(id)
            }
            if let code = Int32(gemeinde.postcode), gemeinde.postcode.utf8.count == 5 { postcodes.append(Postcode(code: code, id: id)) }
        }
        postcodes.sort { ($0.code, $0.id) < ($1.code, $1.id) }
    }

    /// The places a typed key stands for, with how well; nil when `text` is no key (letters,
    /// or a single digit). Spaces between the digits do not matter.
    func matches(_ text: String) -> [Int32: RegisterSearchIndex.MatchQuality]? {
        let digits = text.utf8.filter { $0 != 32 }
        guard digits.count >= 2, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let typed = String(decoding: digits, as: UTF8.self)
        var found: [Int32: RegisterSearchIndex.MatchQuality] = [:]
        switch digits.count {
        case 2...4:
            for id in postcodeIDs(beginningWith: typed) { found[id] = .prefix }
        case 5:
            for id in postcodeIDs(beginningWith: typed) { found[id] = .exact }
            for id in byKey[typed] ?? [] { found[id] = .exact }
        case 8, 9:
            for id in byKey[typed] ?? [] { found[id] = .exact }
        case 12:
            let ids = byKey[typed] ?? (typed.hasSuffix("000") ? byKey[String(typed.prefix(9))] : nil) ?? []
            for id in ids { found[id] = .exact }
        default:
            break
        }
        return found
    }

    private func postcodeIDs(beginningWith typed: String) -> ArraySlice<Int32> {
        let scale = Int32([1, 10, 100, 1_000, 10_000, 100_000][5 - typed.utf8.count])
        let low = Int32(typed)! * scale
        let high = low + scale
        var start = 0
        var end = postcodes.count
        while start < end {
            let mid = (start + end) / 2
            if postcodes[mid].code < low { start = mid + 1 } else { end = mid }
        }
        var stop = start
        while stop < postcodes.count, postcodes[stop].code < high { stop += 1 }
        return ArraySlice(postcodes[start..<stop].map(\.id))
    }
}
