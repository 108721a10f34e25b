import AufwindCore
import Plot

/// `/veranstaltungen/{id}/treffen/fenster` (organisers): each meeting window with its meeting
/// length and tables, how many meetings it holds, and a re-plan of all windows.
struct MeetingWindowsPage: PageView {
    struct Row {
        var id: String
        var label: String
        var length: String
        var tables: String
        /// Meetings the window can hold: slots × tables.
        var places: Int
        var slots: Int
        var planned: Int
        /// The agreed meetings without a place: "Anna und Jörg".
        var unplanned: [String]
        var open: Int
        var errors: [String]
    }

    var eventPath: String
    var eventTitle: String
    var rows: [Row]
    var csrf: String
    var title: String { "Zeitfenster für 1:1-Treffen – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "), .a(.safeHref(eventPath + "/treffen"), .text("1:1-Treffen"))),
            .p(
                .text(
                    "Jedes Zeitfenster wird in Treffen von 15, 20 oder 30 Minuten geteilt; je Treffenzeit gibt es so viele Treffen wie Tische. "
                        + "Angenommene Anfragen bekommen vom Planer eine Zeit und einen Tisch: niemand hat zwei Treffen zugleich, nur zu Zeiten, "
                        + "zu denen beide können, wichtigere Anfragen zuerst. Beim Ändern bleiben Treffen, wo sie sind, solange es geht; "
                        + "wessen Treffen sich ändert, wird benachrichtigt.")),
            rows.isEmpty
                ? .p(
                    .text(
                        "Diese Veranstaltung hat noch keine Zeitfenster für 1:1-Treffen. Legen Sie sie auf der Veranstaltungsseite an (Art „1:1-Treffen“)."
                    ))
                : .forEach(rows) { row in
                    .section(
                        .class("card"),
                        .h2(.text(row.label)),
                        .p(
                            .text(
                                "\(GermanFormat.count(row.slots, "Treffenzeit", "Treffenzeiten")) · Platz für \(GermanFormat.count(row.places, "Treffen", "Treffen")) · "
                                    + "\(row.planned) eingeplant · \(row.unplanned.count) ohne Platz · \(row.open) Anfragen offen")),
                        .if(
                            !row.unplanned.isEmpty,
                            .p(
                                .text(
                                    "Ohne Platz: " + row.unplanned.joined(separator: "; ")
                                        + ". Es fehlt eine Treffenzeit, zu der beide können und ein Tisch frei ist: mehr Tische, eine kürzere Dauer oder ein weiteres Zeitfenster helfen."
                                ))),
                        .form(
                            .class("stacked"), .safeAction("\(eventPath)/treffen/fenster/\(row.id)"), .method(.post), .csrf(csrf),
                            .formErrorsInForm(row.errors),
                            .selectField(
                                "laenge", id: "laenge-\(row.id)", label: "Dauer eines Treffens",
                                options: MeetingWindows.lengths.map { (String($0), "\($0) Minuten") }, selected: row.length),
                            .field("tische", id: "tische-\(row.id)", label: "Tische (1 bis 200)", type: .number, value: row.tables, maxLength: 3),
                            .button(.type(.submit), .text("Speichern und neu planen"))))
                },
            .if(
                !rows.isEmpty,
                .form(
                    .class("stacked"), .safeAction(eventPath + "/treffen/fenster/planen"), .method(.post), .csrf(csrf),
                    .p(
                        .text(
                            "Treffen ohne Platz einplanen: sie bekommen einen, wo es geht. Vereinbarte Treffen mit Platz bleiben dabei, wo sie sind, solange Tische und Zeiten es zulassen – Teilnehmende verlassen sich auf ihre Zeiten."
                        )),
                    .button(.type(.submit), .text("Treffen ohne Platz einplanen"))))
        )
    }
}

extension Node where Context == HTML.FormContext {
    /// The errors of one form among several on a page.
    static func formErrorsInForm(_ errors: [String]) -> Node {
        guard !errors.isEmpty else { return .empty }
        return .div(.class("error-list"), .attribute(named: "role", value: "alert"), .ul(.forEach(errors) { .li(.text($0)) }))
    }
}
