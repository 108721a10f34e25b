import AufwindCore
import Plot

/// `/gemeinden`: search results (Gemeinden, Kreise, Gemeindeverbände) with filters, order and pages.
struct GemeindeListPage: PageView {
    var form: GemeindeSearchForm
    var page: PlacePage?
    var catalog: RegisterCatalog

    var title: String {
        form["q"].isEmpty ? "Gemeinden" : "Suche nach „\(form["q"])“"
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            filterForm(),
            .unwrap(form.error) { .div(.class("error-list"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .if(
                form["sort"] == "entfernung" && form["von"].isEmpty,
                .p(
                    .class("notice"),
                    .text("Für die Sortierung nach Entfernung bitte unter „Entfernung von“ eine Gemeinde angeben; bis dahin nach Namen sortiert."))),
            .unwrap(page) { results($0) }
        )
    }

    private func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String? = nil) -> Node<HTML.FormContext> {
        let selected = selected ?? form[name]
        return .div(
            .class("field"),
            .label(.safeFor(name), .text(label)),
            .select(
                .safeID(name), .safeAttribute("name", name),
                .forEach(options) { option in .choice(value: option.value, label: option.label, selected: selected == option.value) }
            )
        )
    }

    private func filterForm() -> Node<HTML.BodyContext> {
        let laender = catalog.units(of: .land)
        // Regierungsbezirke and Kreise of the chosen Land only (of the chosen Kreis's Land when
        // only a Kreis is given): a short list people can scan, and a light page.
        let land = !form["land"].isEmpty ? form["land"] : String(form["kreis"].prefix(2))
        let regbez = land.isEmpty ? [] : catalog.regierungsbezirke(ofLand: land)
        let kreise = land.isEmpty ? [] : catalog.kreise(in: land).sorted { $0.name < $1.name }
        return .form(
            .class("search"), .action("/gemeinden"), .method(.get), .attribute(named: "role", value: "search"),
            .div(
                .class("field"),
                .label(.for("q"), .text("Gemeinde, Kreis, Amt, PLZ oder Gemeindeschlüssel (AGS)")),
                .input(.type(.search), .id("q"), .name("q"), .safeValue(form["q"]), .autocomplete(false))
            ),
            // A Kreis alone (a link from a Kreis page) shows its Land as chosen.
            select("land", label: "Land", options: [("", "alle Länder")] + laender.map { ($0.key, $0.name) }, selected: land),
            .if(!regbez.isEmpty, select("regbez", label: "Regierungsbezirk", options: [("", "alle")] + regbez.map { ($0.key, $0.name) })),
            .if(!kreise.isEmpty, select("kreis", label: "Kreis", options: [("", "alle Kreise")] + kreise.map { ($0.key, $0.nameWithKind) })),
            select("groesse", label: "Größenklasse", options: [("", "alle Größen")] + Groessenklasse.allCases.map { ($0.rawValue, $0.label) }),
            select("sort", label: "Sortierung", options: [("", "automatisch")] + GemeindeQuery.Sort.allCases.map { ($0.rawValue, $0.label) }),
            .div(
                .class("field"),
                .label(.for("von"), .text("Entfernung von (Name oder Gemeindeschlüssel)")),
                .input(.type(.text), .id("von"), .name("von"), .safeValue(form["von"]), .autocomplete(false))
            ),
            .button(.type(.submit), .text("Anzeigen")),
            .if(kreise.isEmpty, .p(.class("meta"), .text("Nach Kreisen filtern: zuerst ein Land wählen und „Anzeigen“.")))
        )
    }

    private func results(_ page: PlacePage) -> Node<HTML.BodyContext> {
        let searching = !form["q"].trimmingSpaces.isEmpty
        guard page.total > 0 else {
            return .p(
                .attribute(named: "role", value: "status"),
                .text(
                    searching
                        ? "Keine Gemeinde, kein Kreis und kein Gemeindeverband gefunden. Prüfen Sie die Schreibweise oder entfernen Sie Filter."
                        : "Keine Gemeinde gefunden. Prüfen Sie die Schreibweise oder entfernen Sie Filter."))
        }
        let found = searching ? "\(GermanFormat.integer(page.total)) Treffer" : GermanFormat.count(page.total, "Gemeinde", "Gemeinden")
        let first = (page.page - 1) * page.perPage + 1
        let last = min(page.total, first + page.items.count - 1)
        return .group(
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    page.items.isEmpty
                        ? "\(found) gefunden; diese Seite gibt es nicht."
                        : "\(found) gefunden, \(GermanFormat.integer(first))–\(GermanFormat.integer(last)) angezeigt."
                )),
            .ul(
                .class("results"),
                .forEach(page.items) { item in
                    .li(
                        .div(
                            .class("name"), link(to: item.place),
                            .if(item.place.kind != .gemeinde, .group(.text(" "), .span(.class("badge"), .text(item.place.typeName)))),
                            .unwrap(item.distanceKm) { .text(" – \(GermanFormat.km($0))") }),
                        .div(.class("meta"), .text(context(of: item.place)))
                    )
                }),
            pagination(page)
        )
    }

    private func link(to place: Place) -> Node<HTML.BodyContext> {
        switch place {
        case .gemeinde(let gemeinde): .gemeindeLink(gemeinde)
        case .kreis(let unit), .gemeindeverband(let unit): .unitLink(unit)
        }
    }

    /// What tells places of the same name apart: type, size, Verband, Kreis and Land; the
    /// postcode when it was searched for; a Verband's Gemeinden.
    private func context(of place: Place) -> String {
        var parts: [String] = []
        let kreisKey = String(place.key.prefix(5))
        switch place {
        case .gemeinde(let g):
            parts = [g.typeName, GermanFormat.einwohner(g.population)]
            if isPostcodeSearch, !g.postcode.isEmpty { parts.append("PLZ \(g.postcode)") }
            if let verband = catalog.unit(key: g.verbandKey), verband.typeCode != 50, verband.name != g.name {
                parts.append(verband.displayName)
            }
        case .kreis(let unit), .gemeindeverband(let unit):
            let totals = catalog.totals(of: unit.key)
            parts = [GermanFormat.einwohner(totals.population), GermanFormat.count(totals.gemeinden, "Gemeinde", "Gemeinden")]
            if place.kind == .gemeindeverband {
                let members = catalog.gemeinden(in: unit.key).sorted { $0.population > $1.population }.map(\.shortName)
                parts[1] += ": " + members.prefix(5).joined(separator: ", ") + (members.count > 5 ? " …" : "")
            }
        }
        if place.kind != .kreis, let kreis = catalog.unit(key: kreisKey), kreis.typeCode != 41, kreis.typeCode != 42 {
            parts.append(kreis.displayName)
        }
        if let land = catalog.unit(key: String(place.key.prefix(2))) { parts.append(land.name) }
        return parts.joined(separator: " · ")
    }

    /// Whether the search text is a postcode (or its beginning).
    private var isPostcodeSearch: Bool {
        let typed = form["q"].filter { $0 != " " }
        return (2...5).contains(typed.count) && typed.allSatisfy { ("0"..."9").contains($0) }
    }

    private func pagination(_ page: PlacePage) -> Node<HTML.BodyContext> {
        guard page.pageCount > 1 else { return .empty }
        return .nav(
            .class("pagination"), .ariaLabel("Seiten"),
            .if(page.page > 1, .a(.safeHref(form.url(page: page.page - 1)), .attribute(named: "rel", value: "prev"), .text("← vorherige Seite"))),
            .span(.text("Seite \(page.page) von \(GermanFormat.integer(page.pageCount))")),
            .if(
                page.page < page.pageCount,
                .a(.safeHref(form.url(page: page.page + 1)), .attribute(named: "rel", value: "next"), .text("nächste Seite →")))
        )
    }
}
