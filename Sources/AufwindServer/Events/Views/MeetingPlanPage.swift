import AufwindCore
import Plot

/// `/veranstaltungen/{id}/treffen/plan`: a participant's agreed 1:1 meetings with time and table,
/// to print (the stylesheet hides navigation and forms) or to subscribe to as a calendar.
struct MeetingPlanPage: PageView {
    struct Row {
        var day: String
        var time: String
        var table: String
        var other: String
        var organisation: String
        var topic: String
    }

    var eventPath: String
    var eventTitle: String
    var place: String
    var personName: String
    var rows: [Row]
    var feedPath: String
    var title: String { "Mein Treffplan – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("\(personName)" + (place.isEmpty ? "" : " · \(place)"))),
            .p(
                .class("no-print"), .a(.safeHref(eventPath + "/treffen"), .text("Treffen anfragen und beantworten")), .text(" · "),
                .a(.safeHref(feedPath), .text("Als Kalender abonnieren (iCal)")), .text(" · "),
                .text("Zum Drucken die Druckfunktion des Browsers nutzen: gedruckt wird nur der Plan.")),
            rows.isEmpty
                ? .p(.text("Noch keine vereinbarten Treffen. Fragen Sie unter „Treffen anfragen und beantworten“ an."))
                : .scrollBox(
                    "Vereinbarte 1:1-Treffen",
                    cards: CardTable(
                        caption: "Vereinbarte 1:1-Treffen", captionHidden: true,
                        columns: [
                            .init("Tag") { .text($0.day) },
                            .init("Zeit", namesRow: true) { .text($0.time) },
                            .init("Tisch") { .text($0.table) },
                            .init("Mit") { .text($0.other) },
                            .init("Organisation") { .text($0.organisation) },
                            .init("Worum es geht") { .text($0.topic) },
                        ], rows: rows)),
            .p(.text("Sie bekommen vor jedem Treffen eine Erinnerung. Ändert sich eine Zeit, erfahren Sie es sofort."))
        )
    }
}
