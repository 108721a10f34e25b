import Foundation

/// Towns a user can belong to: every listed Gemeinde (AGS) and every Kreis (5 digits).
public struct TownDirectory: Sendable {
    public var catalog: RegisterCatalog

    public init(catalog: RegisterCatalog) { self.catalog = catalog }

    /// The display name of a town key ("Ahlen", "Warendorf"; never the official suffix ", Stadt"),
    /// nil when there is no such current town. The one name pages, mails and notifications use.
    public func name(of key: String) -> String? {
        switch key.count {
        case 8:
            guard let gemeinde = catalog.gemeinde(ags: key), !gemeinde.isGemeindefrei, catalog.historical[key] == nil else { return nil }
            return gemeinde.displayName
        case 5:
            guard let kreis = catalog.unit(key: key), kreis.kind == .kreis, catalog.historical[key] == nil else { return nil }
            return kreis.displayName
        default:
            return nil
        }
    }

    /// A key typed as AGS, Kreis key or name: the exact key, else the best name match.
    public func resolve(_ typed: String) -> String? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if text.allSatisfy(\.isNumber) { return name(of: text) == nil ? nil : text }
        return (try? catalog.query(GemeindeQuery(text: text, perPage: 1)))?.items.first?.gemeinde.ags
    }
}
