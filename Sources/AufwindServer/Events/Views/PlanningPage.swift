import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/planung`: the organiser's grid (rooms × slots), the optimiser, moves
/// and pins (drag-and-drop with JavaScript, forms without), conflicts, publishing.
struct PlanningPage: PageView {
    struct Card {
        var id: String
        var title: String
        var interest: Int
        var hosts: String
        var pinned: Bool
        var conflicted: Bool
    }

    var eventPath: String
    var eventTitle: String
    var phase: EventPhase
    var rooms: [(id: String, name: String, capacity: Int)]
    var slots: [(id: String, label: String)]
    /// "room|slot" → cards
    var cells: [String: [Card]]
    var unscheduled: [Card]
    var conflicts: [String]
    var score: (score: Int, covered: Int, overflow: Int)?
    var latestVersion: Int?
    var csrf: String
    var errors: [String] = []
    var title: String { "Planung – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        let allCards = cells.values.flatMap { $0 } + unscheduled
        return .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(eventPath), .text("Zurück zur Veranstaltung")), .text(" · Phase: \(phase.label)"),
                .unwrap(latestVersion) { .text(" · veröffentlicht: Version \($0)") }),
            .formErrors(errors),
            .if(!phase.allowsPlanning, .p(.text("Geplant wird ab der Phase „Planen“. Stellen Sie die Phase auf der Seite der Veranstaltung um."))),
            .section(
                .class("conflicts"), .attribute(named: "aria-live", value: "polite"),
                .h2(.text("Konflikte")),
                conflicts.isEmpty ? .p(.text("Keine Konflikte.")) : .ul(.forEach(conflicts) { .li(.text($0)) })
            ),
            .unwrap(score) { .p(.text("Bewertung: \($0.score) (abgedeckte Interessen \($0.covered), Überbelegung \($0.overflow))")) },
            .if(
                phase.allowsPlanning,
                .div(
                    .class("actions"),
                    .form(
                        .class("inline"), .safeAction(eventPath + "/planung/optimieren"), .method(.post), .csrf(csrf),
                        .button(.type(.submit), .text(cells.isEmpty ? "Plan berechnen" : "Neu planen (wenig verschieben)"))),
                    .form(
                        .class("inline"), .safeAction(eventPath + "/planung/veroeffentlichen"), .method(.post), .csrf(csrf),
                        .button(.type(.submit), .text("Programm veröffentlichen")))
                )),
            .scrollBox(
                "Planungsraster",
                .table(
                    .class("grid"), .id("planungsraster"), .safeAttribute("data-move", eventPath + "/planung/verschieben"),
                    .caption(.text("Räume × Zeitfenster (Sessions lassen sich mit der Maus verschieben; ohne JavaScript mit dem Formular unten)")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Zeit")),
                            .forEach(rooms) {
                                .th(.attribute(named: "scope", value: "col"), .text("\($0.name) (\($0.capacity))"))
                            })),
                    .tbody(
                        .forEach(slots) { slot in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(slot.label)),
                                .forEach(rooms) { room in
                                    .td(
                                        .class("cell"), .safeAttribute("data-cell", "\(room.id)|\(slot.id)"),
                                        .forEach(cells["\(room.id)|\(slot.id)"] ?? []) { card($0) })
                                })
                        })
                )),
            .h2(.text("Nicht eingeplant")),
            .div(
                .class("cell unplanned"), .safeAttribute("data-cell", ""),
                unscheduled.isEmpty ? .p(.text("Alle Sessions sind eingeplant.")) : .ul(.forEach(unscheduled) { .li(card($0)) })),
            .if(
                phase.allowsPlanning && !allCards.isEmpty,
                .section(
                    .h2(.text("Von Hand ändern")),
                    .form(
                        .class("inline"), .safeAction(eventPath + "/planung/verschieben"), .method(.post), .csrf(csrf),
                        .selectField("session", id: "move-session", label: "Session", options: allCards.map { ($0.id, $0.title) }, selected: ""),
                        .selectField(
                            "zelle", label: "Nach",
                            options: [("", "– nicht eingeplant –")]
                                + slots.flatMap { slot in
                                    rooms.map { ("\($0.id)|\(slot.id)", "\(slot.label), \($0.name)") }
                                }, selected: ""),
                        .button(.type(.submit), .text("Verschieben"))),
                    .form(
                        .class("inline"), .safeAction(eventPath + "/planung/festlegen"), .method(.post), .csrf(csrf),
                        .selectField(
                            "session", id: "pin-session", label: "Session",
                            options: cells.values.flatMap { $0 }.map { ($0.id, $0.title + ($0.pinned ? " (festgelegt)" : "")) }, selected: ""),
                        .button(.type(.submit), .name("festlegen"), .value("ja"), .text("Festlegen")),
                        .button(.type(.submit), .name("festlegen"), .value("nein"), .class("secondary"), .text("Festlegung lösen")))
                )),
            .script(.safeSrc(SiteAsset.planningScript.path))
        )
    }

    private func card(_ card: Card) -> Node<HTML.BodyContext> {
        .div(
            .safeClass("card" + (card.pinned ? " pinned" : "") + (card.conflicted ? " conflicted" : "")),
            .safeAttribute("draggable", card.pinned ? "false" : "true"), .safeAttribute("data-session", card.id),
            .strong(.text(card.title)),
            .span(
                .class("meta"),
                .text(
                    " \(GermanFormat.count(card.interest, "Interessierte:r", "Interessierte")) · \(card.hosts)" + (card.pinned ? " · festgelegt" : "")
                        + (card.conflicted ? " · Konflikt" : ""))
            ))
    }
}
