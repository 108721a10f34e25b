import AufwindCore
import Foundation
import Plot

/// `/eintraege/{id}/verlauf`: every saved version, who saved it and what changed.
struct ItemHistoryPage: PageView {
    var id: String
    var itemTitle: String
    var revisions: [(version: Int, editor: String, changes: String, date: Date?)]
    var title: String { "Änderungsverlauf – \(itemTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref("/eintraege/\(id)"), .text("Zurück zum Eintrag"))),
            .scrollBox(
                "Gespeicherte Versionen, neueste zuerst",
                .table(
                    .caption(.text("Gespeicherte Versionen, neueste zuerst")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Version")),
                            .th(.attribute(named: "scope", value: "col"), .text("Gespeichert")),
                            .th(.attribute(named: "scope", value: "col"), .text("von")),
                            .th(.attribute(named: "scope", value: "col"), .text("Änderungen"))
                        )),
                    .tbody(
                        .forEach(revisions) { revision in
                            .tr(
                                .td(.text(String(revision.version))),
                                .td(.text(revision.date.map(GermanFormat.dateTime) ?? "–")),
                                .td(.text(revision.editor)),
                                .td(.text(revision.changes))
                            )
                        })
                )
            )
        )
    }
}
