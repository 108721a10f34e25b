import Plot

/// A table whose rows become cards on a phone (below 40rem): every cell carries its column's
/// heading as `data-label` (escaped by the attribute layer), which the stylesheet shows in front
/// of the value. A column and its cells are declared together, so a heading cannot drift from
/// its cells. Rendered by `.scrollBox(_:figures:_:)` like every wide table.
struct CardTable<Row> {
    struct Column {
        var heading: String
        /// Figures: right-aligned on wide screens.
        var isNumeric = false
        /// The row's name (`<th scope="row">`): the title of the card.
        var namesRow = false
        var cell: (Row) -> Node<HTML.BodyContext>

        init(_ heading: String, numeric: Bool = false, namesRow: Bool = false, cell: @escaping (Row) -> Node<HTML.BodyContext>) {
            self.heading = heading
            isNumeric = numeric
            self.namesRow = namesRow
            self.cell = cell
        }
    }

    var caption: String
    /// The caption for screen readers only (the heading above says the same).
    var captionHidden = false
    /// An extra class for the table (`programme`).
    var tableClass: String?
    var columns: [Column]
    var rows: [Row]

    func node() -> Node<HTML.BodyContext> {
        .table(
            .safeClass(["cards", tableClass].compactMap { $0 }.joined(separator: " ")),
            .caption(.if(captionHidden, .class("visually-hidden")), .text(caption)),
            .thead(
                .tr(
                    .forEach(columns) { column in
                        .th(.if(column.isNumeric, .class("num")), .attribute(named: "scope", value: "col"), .text(column.heading))
                    })),
            .tbody(
                .forEach(rows) { row in
                    .tr(
                        .forEach(columns) { column in
                            column.namesRow
                                ? .th(.attribute(named: "scope", value: "row"), column.cell(row))
                                : .td(
                                    .if(column.isNumeric, .class("num")), .safeAttribute("data-label", column.heading.isEmpty ? nil : column.heading),
                                    column.cell(row))
                        })
                }))
    }
}

extension Node where Context == HTML.BodyContext {
    /// A `CardTable` in the scrolling box of every wide table (`scrollBox(_:figures:_:)`).
    static func scrollBox<Row>(_ label: String, figures: Bool = false, cards table: CardTable<Row>) -> Node {
        .scrollBox(label, figures: figures, table.node())
    }
}
