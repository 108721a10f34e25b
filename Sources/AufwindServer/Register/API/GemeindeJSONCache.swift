import AufwindCore
import Foundation
import NIOConcurrencyHelpers

/// Encoded JSON of each Gemeinde (and each Kreis or Verband the search finds), made once per
/// catalog on first use: listing answers are then joined from ready fragments instead of
/// running the JSON encoder on every request.
final class GemeindeJSONCache: Sendable {
    private let fragments = NIOLockedValueBox([String: String]())
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The Gemeinde as a JSON object; with a distance, `entfernungKm` is added.
    func json(for gemeinde: Gemeinde, catalog: RegisterCatalog, distanceKm: Double? = nil) -> String {
        let base = cached(gemeinde.ags) { GemeindeDTO(gemeinde, catalog: catalog) }
        return Self.adding(distanceKm: distanceKm, to: base)
    }

    /// A hit of the place search as a JSON object: the Gemeinde (as `json(for:)`), Kreis or
    /// Gemeindeverband with `treffertyp` and, with a distance, `entfernungKm`.
    func json(for place: Place, catalog: RegisterCatalog, distanceKm: Double?) -> String {
        let base: String
        switch place {
        case .gemeinde(let gemeinde): base = cached(gemeinde.ags) { GemeindeDTO(gemeinde, catalog: catalog) }
        case .kreis(let unit): base = cached(unit.key) { KreisDTO(unit, catalog: catalog) }
        case .gemeindeverband(let unit): base = cached(unit.key) { GemeindeverbandDTO(unit, catalog: catalog) }
        }
        return Self.adding(distanceKm: distanceKm, to: String(base.dropLast()) + ",\"treffertyp\":\"\(place.kind.rawValue)\"}")
    }

    func listJSON(_ page: PlacePage, catalog: RegisterCatalog) -> String {
        var body = "{\"items\":["
        body += page.items.map { json(for: $0.place, catalog: catalog, distanceKm: $0.distanceKm) }.joined(separator: ",")
        body += "],\"page\":\(page.page),\"pageCount\":\(page.pageCount),\"perPage\":\(page.perPage),\"total\":\(page.total)}"
        return body
    }

    /// The encoded value for a register key (AGS 8, Kreis 5, Verband 9 digits: never the same).
    private func cached(_ key: String, _ value: () -> some Encodable) -> String {
        if let cached = fragments.withLockedValue({ $0[key] }) { return cached }
        let data = (try? encoder.encode(value())) ?? Data("{}".utf8)
        let fragment = String(decoding: data, as: UTF8.self)
        fragments.withLockedValue { $0[key] = fragment }
        return fragment
    }

    private static func adding(distanceKm: Double?, to object: String) -> String {
        guard let distanceKm else { return object }
        let rounded = (distanceKm * 10).rounded() / 10
        return String(object.dropLast()) + ",\"entfernungKm\":\(rounded)}"
    }
}
