import AufwindCore
import Vapor

/// What the search form on `/gemeinden` holds, as typed, so it can be shown again.
struct GemeindeSearchForm {
    var values: [String: String] = [:]
    var error: String?

    static let fields = ["q", "land", "regbez", "kreis", "groesse", "sort", "von", "page", "per_page"]

    init(request: Request) {
        for name in Self.fields {
            if let value = try? request.query.get(String.self, at: name) { values[name] = value }
        }
    }

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// The query; "von" may be a name here (people do not know AGS by heart): the best hit counts.
    func query(catalog: RegisterCatalog) throws(GemeindeQueryError) -> GemeindeQuery {
        var parameters = values
        if let from = values["von"]?.trimmingCharacters(in: .whitespaces), !from.isEmpty,
            !(from.count == 8 && from.allSatisfy(\.isNumber))
        {
            guard let hit = try? catalog.query(GemeindeQuery(text: from, perPage: 1)).items.first else {
                throw GemeindeQueryError(parameter: "von", message: "Keine Gemeinde namens „\(from)“ gefunden.")
            }
            parameters["von"] = hit.gemeinde.ags
        }
        return try GemeindeQuery(parameters: parameters)
    }

    /// The URL of another page of the same listing.
    func url(page: Int) -> String {
        var components = URLComponents()
        components.path = "/gemeinden"
        components.queryItems = Self.fields.compactMap { name in
            if name == "page" { return URLQueryItem(name: "page", value: String(page)) }
            guard let value = values[name], !value.isEmpty else { return nil }
            return URLQueryItem(name: name, value: value)
        }
        return components.string ?? "/gemeinden"
    }
}
