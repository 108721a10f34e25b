import AufwindCore
import Foundation
import Plot

/// `/suche?q=…`: the start page's search: towns (Gemeinden, Kreise, Gemeindeverbände) and items
/// side by side, each with the way to its full search. Works without any script.
struct SiteSearchPage: PageView {
    var text: String
    var places: [Place]
    var placesTotal = 0
    /// nil before anything was searched.
    var items: [ItemListEntry]?
    var itemsTotal = 0

    var title: String { text.isEmpty ? "Suche" : "Suche: \(text)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .siteSearchForm(text: text),
            .unwrap(items) { items in
                .group(
                    .p(
                        .attribute(named: "role", value: "status"),
                        .text(
                            "\(GermanFormat.count(placesTotal, "Kommune", "Kommunen")) und \(GermanFormat.count(itemsTotal, "Eintrag", "Einträge")) gefunden."
                        )),
                    .div(
                        .class("search-groups"),
                        .section(
                            .attribute(named: "aria-labelledby", value: "treffer-kommunen"),
                            .h2(.id("treffer-kommunen"), .class("heading-with-icon"), Icon.town.node(), .text("Kommunen")),
                            places.isEmpty
                                ? .p(.text("Keine Gemeinde, kein Kreis und kein Gemeindeverband gefunden. Prüfen Sie die Schreibweise."))
                                : .ul(.class("results"), .forEach(places) { .li(placeEntry($0)) }),
                            .if(
                                placesTotal > places.count,
                                .p(.a(.safeHref(Self.path("/gemeinden", text)), .text("Alle \(GermanFormat.integer(placesTotal)) Kommunen"))))
                        ),
                        .section(
                            .attribute(named: "aria-labelledby", value: "treffer-eintraege"),
                            .h2(.id("treffer-eintraege"), .class("heading-with-icon"), Icon.item.node(), .text("Einträge")),
                            items.isEmpty
                                ? .p(.text("Kein Eintrag gefunden."))
                                : .ul(.class("results"), .forEach(items) { .li($0.node()) }),
                            .p(.a(.safeHref(Self.path("/eintraege", text)), .text("In den Einträgen genauer suchen (Art, Handlungsfeld, Land)")))
                        )
                    )
                )
            }
        )
    }

    private func placeEntry(_ place: Place) -> Node<HTML.BodyContext> {
        let link: Node<HTML.BodyContext> =
            switch place {
            case .gemeinde(let gemeinde): .gemeindeLink(gemeinde)
            case .kreis(let unit), .gemeindeverband(let unit): .unitLink(unit)
            }
        let meta: String =
            switch place {
            case .gemeinde(let g): "\(g.typeName) · \(GermanFormat.einwohner(g.population))"
            case .kreis, .gemeindeverband: place.typeName
            }
        return .group(.div(.class("name"), link), .div(.class("meta"), .text(meta)))
    }

    /// A search path with the text as `q`.
    static func path(_ base: String, _ text: String) -> String {
        var components = URLComponents()
        components.path = base
        components.queryItems = [URLQueryItem(name: "q", value: text)]
        return components.string ?? base
    }
}
