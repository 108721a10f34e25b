import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/raumschilder`: one printable page per room.
struct RoomSignsPage: PageView {
    var eventTitle: String
    var rooms: [(name: String, entries: [(time: String, title: String, hosts: String)])]
    var title: String { "Raumschilder – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.class("no-print"), .text(title)),
            .p(.class("no-print"), .text("Drucken Sie diese Seite: jeder Raum kommt auf ein eigenes Blatt.")),
            .forEach(rooms) { room in
                .section(
                    .class("room-sign"),
                    .h2(.text(room.name)),
                    .p(.class("meta"), .text(eventTitle)),
                    room.entries.isEmpty
                        ? .p(.text("Keine Sessions in diesem Raum."))
                        : .ul(
                            .forEach(room.entries) { entry in
                                .li(.strong(.text(entry.time)), .text(" " + entry.title), .span(.class("meta"), .text(" – \(entry.hosts)")))
                            }))
            }
        )
    }
}

/// `/veranstaltungen/{id}/agenda`: the personal agenda.
struct AgendaPage: PageView {
    struct Entry {
        var when: String
        var what: String
        var kind: String
        var place: String
        var link: String?
        /// The titles of the other entries at the same time.
        var clashesWith: [String] = []
    }
    var eventPath: String
    var eventTitle: String
    var entries: [Entry]
    /// The signed address of the "Mein Programm" calendar (the marked sessions).
    var favouritesFeed: String
    var title: String { "Meine Agenda – \(eventTitle)" }
    var clashCount: Int { entries.filter { !$0.clashesWith.isEmpty }.count }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "),
                .a(.safeHref(eventPath + "/agenda.ics"), .text("Agenda als Kalenderdatei (iCal) für Outlook, Thunderbird oder das Smartphone")),
                .text(" · "), .a(.safeHref(eventPath + "/programm"), .text("Zum Programm: Sessions merken"))),
            .p(
                .text("Kalender-Abo „Mein Programm“ (die gemerkten Sessions, bleibt aktuell; die Adresse ist persönlich, bitte nicht weitergeben): "),
                .a(.safeHref(favouritesFeed), .text("Mein Programm abonnieren"))),
            .if(
                clashCount > 0,
                .p(
                    .class("notice"),
                    .text(
                        "Achtung: " + GermanFormat.count(clashCount, "Eintrag überschneidet", "Einträge überschneiden")
                            + " sich zeitlich mit einem anderen. Die Hinweise stehen bei den Einträgen."))),
            .if(
                entries.isEmpty,
                .p(.text("Noch nichts in Ihrer Agenda: markieren Sie Sessions, die Sie interessieren, oder vereinbaren Sie 1:1-Treffen."))),
            .if(
                !entries.isEmpty,
                .scrollBox(
                    "Sessions mit Interesse, eigene Sessions und Treffen",
                    .table(
                        .class("cards"), .caption(.text("Sessions mit Interesse, eigene Sessions und Treffen")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Wann")),
                                .th(.attribute(named: "scope", value: "col"), .text("Was")),
                                .th(.attribute(named: "scope", value: "col"), .text("Art")),
                                .th(.attribute(named: "scope", value: "col"), .text("Wo")))),
                        .tbody(
                            .forEach(entries) { entry in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(entry.when)),
                                    .td(
                                        .attribute(named: "data-label", value: "Was"),
                                        entry.link.map { .a(.safeHref($0), .text(entry.what)) } ?? .text(entry.what),
                                        .if(
                                            !entry.clashesWith.isEmpty,
                                            .span(
                                                .class("clash"),
                                                .text(" Überschneidung mit " + entry.clashesWith.map { "„\($0)“" }.joined(separator: ", "))))),
                                    .td(.attribute(named: "data-label", value: "Art"), .text(entry.kind)),
                                    .td(.attribute(named: "data-label", value: "Wo"), .text(entry.place)))
                            })
                    )))
        )
    }
}
