import AufwindCore
import Foundation
import NIOConcurrencyHelpers

/// Encoded JSON of each Gemeinde, made once per catalog on first use: listing answers are
/// then joined from ready fragments instead of running the JSON encoder on every request.
final class GemeindeJSONCache: Sendable {
    private let fragments = NIOLockedValueBox([String: String]())
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The Gemeinde as a JSON object; with a distance, `entfernungKm` is added.
    func json(for gemeinde: Gemeinde, catalog: RegisterCatalog, distanceKm: Double? = nil) -> String {
        let base: String
        if let cached = fragments.withLockedValue({ $0[gemeinde.ags] }) {
            base = cached
        } else {
            let data = (try? encoder.encode(GemeindeDTO(gemeinde, catalog: catalog))) ?? Data("{}".utf8)
            base = String(decoding: data, as: UTF8.self)
            fragments.withLockedValue { $0[gemeinde.ags] = base }
        }
        guard let distanceKm else { return base }
        let rounded = (distanceKm * 10).rounded() / 10
        return String(base.dropLast()) + ",\"entfernungKm\":\(rounded)}"
    }

    func listJSON(_ page: GemeindePage, catalog: RegisterCatalog) -> String {
        var body = "{\"items\":["
        body += page.items.map { json(for: $0.gemeinde, catalog: catalog, distanceKm: $0.distanceKm) }.joined(separator: ",")
        body += "],\"page\":\(page.page),\"pageCount\":\(page.pageCount),\"perPage\":\(page.perPage),\"total\":\(page.total)}"
        return body
    }
}
