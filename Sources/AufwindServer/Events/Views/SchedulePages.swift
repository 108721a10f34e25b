import AufwindCore
import Foundation
import Plot

/// The published programme, as read from a version.
struct PublishedProgramme {
    struct Entry {
        var session: String
        var title: String
        var hosts: String
        var field: String
        var room: String
        var slot: String
        var slotLabel: String
    }
    var days: [(day: String, slots: [(id: String, label: String)])]
    var rooms: [String]
    var entries: [Entry]
    var version: Int
    var publishedAt: Date?
    var changes: [ScheduleChange]

    func entry(room: String, slot: String) -> Entry? { entries.first { $0.room == room && $0.slot == slot } }
}

/// `/veranstaltungen/{id}/programm`: the public schedule with what changed, print-friendly.
struct ProgrammePage: PageView {
    var eventPath: String
    var eventTitle: String
    var when: String
    var place: String
    var programme: PublishedProgramme
    var title: String { "Programm – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "\(when) · \(place) · Version \(programme.version)"
                        + (programme.publishedAt.map { ", veröffentlicht \(GermanFormat.dateTime($0))" } ?? ""))),
            .if(
                !programme.changes.isEmpty,
                .section(
                    .class("changes"), .h2(.text("Änderungen seit der letzten Version")),
                    .ul(.forEach(programme.changes) { .li(.span(.class("badge"), .text($0.kind.rawValue)), .text(" " + $0.text)) })
                )),
            .forEach(programme.days) { day in
                .scrollBox(
                    "Programm am " + GermanFormat.date(iso: day.day),
                    .table(
                        .class("programme cards"),
                        .caption(.text(GermanFormat.date(iso: day.day))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Zeit")),
                                .forEach(programme.rooms) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                        .tbody(
                            .forEach(day.slots) { slot in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(slot.label)),
                                    .forEach(programme.rooms) { room in
                                        .td(
                                            .safeAttribute("data-label", room),
                                            .unwrap(programme.entry(room: room, slot: slot.id)) { entry in
                                                .group(
                                                    .a(.safeHref("\(eventPath)/sessions/\(entry.session)"), .text(entry.title)),
                                                    .span(.class("meta"), .text(" – \(entry.hosts)")))
                                            })
                                    })
                            })
                    ))
            },
            .nav(
                .class("no-print"), .ariaLabel("Programm exportieren"),
                .ul(
                    .class("inline-list"),
                    .li(.a(.safeHref(eventPath + "/programm.ics"), .text("Kalender-Abo (iCal) für Outlook, Thunderbird oder das Smartphone"))),
                    .li(.a(.safeHref(eventPath + "/programm.xml"), .text("Für Konferenz-Apps wie Giggity (Frab-XML, das übliche Programmformat)"))),
                    .li(.a(.safeHref(eventPath + "/programm.json"), .text("Programmdaten als JSON (Frab-Format, für eigene Auswertungen)"))),
                    .li(.a(.safeHref(eventPath + "/raumschilder"), .text("Raumschilder drucken"))),
                    .li(.a(.safeHref(eventPath), .text("Zur Veranstaltung")))
                ))
        )
    }
}

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
    }
    var eventPath: String
    var eventTitle: String
    var entries: [Entry]
    var title: String { "Meine Agenda – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "),
                .a(.safeHref(eventPath + "/agenda.ics"), .text("Agenda als Kalenderdatei (iCal) für Outlook, Thunderbird oder das Smartphone"))),
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
                                        entry.link.map { .a(.safeHref($0), .text(entry.what)) } ?? .text(entry.what)),
                                    .td(.attribute(named: "data-label", value: "Art"), .text(entry.kind)),
                                    .td(.attribute(named: "data-label", value: "Wo"), .text(entry.place)))
                            })
                    )))
        )
    }
}
