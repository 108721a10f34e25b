import AufwindCore
import Plot

/// Small building blocks shared by the pages.
extension Node where Context == HTML.BodyContext {
    static func gemeindeLink(_ g: Gemeinde) -> Node {
        .a(.safeHref("/gemeinden/\(g.ags)"), .text(g.shortName))
    }

    static func unitLink(_ unit: Gebietseinheit?) -> Node {
        guard let unit else { return .text("–") }
        switch unit.kind {
        case .kreis: return .a(.safeHref("/kreise/\(unit.key)"), .text(unit.displayName))
        case .land: return .a(.safeHref("/laender/\(unit.key)"), .text(unit.name))
        case .regierungsbezirk: return .a(.safeHref("/regierungsbezirke/\(unit.key)"), .text(unit.name))
        // The Verband of a verbandsfreie Gemeinde is the Gemeinde: no page of its own.
        case .gemeindeverband where unit.typeCode != 50: return .a(.safeHref("/gemeindeverbaende/\(unit.key)"), .text(unit.displayName))
        default: return .text(unit.displayName)
        }
    }

    /// A table in a box that scrolls sideways when the table is wider than the screen (a phone).
    /// The box is a named region and takes the keyboard focus, so that people without a mouse can
    /// scroll it too (WCAG 2.1.1, axe's "scrollable-region-focusable"). `figures`: whole words
    /// and unbroken numbers (tables of names and figures).
    static func scrollBox(_ label: String, figures: Bool = false, _ table: Node) -> Node {
        .div(
            figures ? .class("table-wrap figures") : .class("table-wrap"), .attribute(named: "tabindex", value: "0"),
            .attribute(named: "role", value: "region"), .safeAttribute("aria-label", label), table)
    }

    /// A table of Gemeinden with type, Gemeindeverband (unless `showsVerband` is false: the
    /// members of one), population and area.
    static func gemeindeTable(_ gemeinden: [Gemeinde], caption: String, catalog: RegisterCatalog, showsVerband: Bool = true) -> Node {
        typealias Column = CardTable<Gemeinde>.Column
        var columns: [Column] = [
            Column("Gemeinde", namesRow: true) { g in .gemeindeLink(g) },
            Column("Typ") { g in .text(g.typeName) },
        ]
        if showsVerband {
            columns.append(
                Column("Gemeindeverband") { g -> Node in
                    guard let unit = catalog.unit(key: g.verbandKey) else { return .text("–") }
                    return unit.typeCode == 50 ? .text("verbandsfrei") : .unitLink(unit)
                })
        }
        columns.append(Column("Einwohner", numeric: true) { g in .text(GermanFormat.integer(g.population)) })
        columns.append(Column("Fläche (km²)", numeric: true) { g in .text(GermanFormat.decimal(g.areaKm2, digits: 2)) })
        return .scrollBox(caption, figures: true, cards: CardTable(caption: caption, columns: columns, rows: gemeinden))
    }

    /// Totals of an area as a row of figures.
    static func totals(_ totals: RegisterTotals, kreise: Int? = nil) -> Node {
        .ul(
            .class("stats"),
            .li(.strong(.text(GermanFormat.integer(totals.gemeinden))), .text(totals.gemeinden == 1 ? "Gemeinde" : "Gemeinden")),
            .unwrap(kreise) { .li(.strong(.text(GermanFormat.integer($0))), .text($0 == 1 ? "Kreis" : "Kreise")) },
            .li(.strong(.text(GermanFormat.integer(totals.population))), .text("Einwohner")),
            .li(.strong(.text(GermanFormat.decimal(totals.areaKm2, digits: 0))), .text("km²")),
            .li(.strong(.text(totals.density.map { GermanFormat.integer(Int($0.rounded())) } ?? "–")), .text("Einwohner je km²"))
        )
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its label as content (Plot's own writes a self-closed element).
    static func choice(value: String, label: String, selected: Bool) -> Node {
        .element(
            named: "option",
            nodes: [
                .safeAttribute("value", value),
                selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ])
    }
}
