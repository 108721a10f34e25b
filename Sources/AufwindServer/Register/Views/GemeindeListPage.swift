import AufwindCore
import Plot

/// `/gemeinden`: search results with filters, order and pages.
struct GemeindeListPage: PageView {
    var form: GemeindeSearchForm
    var page: GemeindePage?
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
                .label(.for("q"), .text("Name")),
                .input(.type(.search), .id("q"), .name("q"), .safeValue(form["q"]), .autocomplete(false))
            ),
            // A Kreis alone (a link from a Kreis page) shows its Land as chosen.
            select("land", label: "Land", options: [("", "alle Länder")] + laender.map { ($0.key, $0.name) }, selected: land),
            .if(!regbez.isEmpty, select("regbez", label: "Regierungsbezirk", options: [("", "alle")] + regbez.map { ($0.key, $0.name) })),
            .if(!kreise.isEmpty, select("kreis", label: "Kreis", options: [("", "alle Kreise")] + kreise.map { ($0.key, $0.name) })),
            select("groesse", label: "Größenklasse", options: [("", "alle Größen")] + Groessenklasse.allCases.map { ($0.rawValue, $0.label) }),
            select("sort", label: "Sortierung", options: [("", "automatisch")] + GemeindeQuery.Sort.allCases.map { ($0.rawValue, $0.label) }),
            .div(
                .class("field"),
                .label(.for("von"), .text("Entfernung von (Name oder AGS)")),
                .input(.type(.text), .id("von"), .name("von"), .safeValue(form["von"]), .autocomplete(false))
            ),
            .button(.type(.submit), .text("Anzeigen")),
            .if(kreise.isEmpty, .p(.class("meta"), .text("Nach Kreisen filtern: zuerst ein Land wählen und „Anzeigen“.")))
        )
    }

    private func results(_ page: GemeindePage) -> Node<HTML.BodyContext> {
        guard page.total > 0 else {
            return .p(
                .attribute(named: "role", value: "status"), .text("Keine Gemeinde gefunden. Prüfen Sie die Schreibweise oder entfernen Sie Filter."))
        }
        let first = (page.page - 1) * page.perPage + 1
        let last = min(page.total, first + page.items.count - 1)
        return .group(
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    page.items.isEmpty
                        ? "\(GermanFormat.count(page.total, "Gemeinde", "Gemeinden")) gefunden; diese Seite gibt es nicht."
                        : "\(GermanFormat.count(page.total, "Gemeinde", "Gemeinden")) gefunden, \(GermanFormat.integer(first))–\(GermanFormat.integer(last)) angezeigt."
                )),
            .ul(
                .class("results"),
                .forEach(page.items) { item in
                    .li(
                        .div(
                            .class("name"), .gemeindeLink(item.gemeinde),
                            .unwrap(item.distanceKm) { .text(" – \(GermanFormat.km($0))") }),
                        .div(.class("meta"), .text(context(of: item.gemeinde)))
                    )
                }),
            pagination(page)
        )
    }

    /// Kreis, Verband and Land: what tells apart Gemeinden of the same name.
    private func context(of g: Gemeinde) -> String {
        var parts = [g.typeName, GermanFormat.einwohner(g.population)]
        if let verband = catalog.unit(key: g.verbandKey), verband.typeCode != 50, verband.name != g.name {
            parts.append(verband.name)
        }
        if let kreis = catalog.unit(key: g.kreisKey), kreis.typeCode != 41, kreis.typeCode != 42 { parts.append(kreis.name) }
        if let land = catalog.unit(key: g.landCode) { parts.append(land.name) }
        return parts.joined(separator: " · ")
    }

    private func pagination(_ page: GemeindePage) -> Node<HTML.BodyContext> {
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
