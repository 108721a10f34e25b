import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/treffen`: request 1:1 meetings, answer requests, see agreed ones.
struct MeetingsPage: PageView {
    struct Row {
        var id: String
        var other: String
        var when: String
        var context: String
        var message: String
        var status: String
        var open: Bool
        var table: Int?
    }
    var eventPath: String
    var eventTitle: String
    var people: [(value: String, label: String)]
    var windows: [(value: String, label: String)]
    var selectedPerson: String
    var context: String
    var tables: Int
    var incoming: [Row]
    var outgoing: [Row]
    var csrf: String
    var errors: [String] = []
    var title: String { "1:1-Treffen – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "), .a(.safeHref(eventPath + "/agenda"), .text("Meine Agenda"))),
            .formErrors(errors),
            .if(
                tables == 0 || windows.isEmpty,
                .p(.text("Für diese Veranstaltung sind (noch) keine Zeitfenster und Tische für 1:1-Treffen eingerichtet."))),
            .if(
                tables > 0 && !windows.isEmpty,
                .form(
                    .class("stacked"), .safeAction(eventPath + "/treffen"), .method(.post), .csrf(csrf),
                    .h2(.text("Treffen anfragen")),
                    .selectField("mit", label: "Mit", options: people, selected: selectedPerson),
                    .selectField("zeitfenster", label: "Zeitfenster", options: windows, selected: windows.first?.value ?? ""),
                    .input(.type(.hidden), .name("anlass"), .safeValue(context)),
                    .textArea("nachricht", label: "Worum geht es? (optional)", value: "", maxLength: 500, rows: 3),
                    .p(.text("Anfragen gelten zwei Tage, höchstens bis das Zeitfenster beginnt.")),
                    .button(.type(.submit), .text("Anfrage senden"))
                )),
            .h2(.text("Anfragen an Sie")),
            rows(incoming, incoming: true),
            .h2(.text("Ihre Anfragen")),
            rows(outgoing, incoming: false)
        )
    }

    private func rows(_ rows: [Row], incoming: Bool) -> Node<HTML.BodyContext> {
        rows.isEmpty
            ? .p(.text("Keine."))
            : .ul(
                .class("results"),
                .forEach(rows) { row in
                    .li(
                        .div(.class("name"), .text("\(row.other) · \(row.when)" + (row.table.map { " · Tisch \($0)" } ?? ""))),
                        .div(.class("meta"), .text("\(row.context) · \(row.status)")),
                        .if(!row.message.isEmpty, .p(.text(row.message))),
                        .if(
                            incoming && row.open,
                            .form(
                                .class("inline"), .safeAction("\(eventPath)/treffen/\(row.id)/entscheidung"), .method(.post), .csrf(csrf),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("annehmen"),
                                    .safeAttribute("aria-label", "Treffen mit \(row.other) annehmen"), .text("Annehmen")), .text(" "),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                    .safeAttribute("aria-label", "Treffen mit \(row.other) ablehnen"), .text("Ablehnen")))),
                        .if(
                            (!incoming && row.open) || row.table != nil,
                            .form(
                                .class("inline"), .safeAction("\(eventPath)/treffen/\(row.id)/zurueckziehen"), .method(.post), .csrf(csrf),
                                .button(.type(.submit), .class("secondary"), .text(row.table != nil ? "Treffen absagen" : "Anfrage zurückziehen"))))
                    )
                })
    }
}
