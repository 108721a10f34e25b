import AufwindCore
import Foundation
import Plot

/// `/loesungen/referenzen`: what waits for the viewer's towns — proposals of Anbietern to confirm
/// or decline, references to confirm again after 12 months — and every reference of the towns.
struct ReferenceQueuePage: PageView {
    struct Row {
        var id: String
        var solution: String
        var solutionPath: String
        var town: String
        var state: ReferenceState
        var status: ReferenceStatus
        var since: String
        var confirmedAt: Date?
        var freshness: ReferenceFreshness?
        var mayBeAsked: Bool
    }

    var rows: [Row]
    var hasTowns: Bool
    var csrf: String
    var errors: [String] = []
    var title: String { "Referenzen Ihrer Kommunen" }

    private var proposals: [Row] { rows.filter { $0.state == .vorgeschlagen } }
    private var due: [Row] { rows.filter { $0.state == .bestaetigt && $0.freshness?.showsDate == true } }
    private var current: [Row] { rows.filter { $0.state == .bestaetigt && $0.freshness?.showsDate != true } }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Welche Lösungen Ihre Kommunen nutzen, sagen nur Sie: Vorschläge von Anbietern werden erst öffentlich, wenn Sie sie bestätigen. Nach 12 Monaten bitten wir um eine neue Bestätigung; nach 18 Monaten zählt eine Referenz nicht mehr als „im Einsatz“."
                )),
            .formErrors(errors),
            .if(!hasTowns, .p(.text("Sie sind noch für keine Kommune bestätigt. Referenzen bestätigen Mitglieder der Kommune."))),
            .h2(.text("Zu bestätigen (\(proposals.count))")),
            .if(proposals.isEmpty, .p(.text("Keine offenen Vorschläge."))),
            .ul(.class("results"), .forEach(proposals) { proposalItem($0) }),
            .h2(.text("Bitte erneut bestätigen (\(due.count))")),
            .if(due.isEmpty, .p(.text("Alle Referenzen sind aktuell."))),
            .ul(.class("results"), .forEach(due) { referenceItem($0) }),
            .h2(.text("Das nutzen Ihre Kommunen (\(current.count))")),
            .if(current.isEmpty, .p(.text("Noch keine Referenzen. Auf der Seite einer Lösung tragen Sie ein, dass Ihre Kommune sie nutzt."))),
            .ul(.class("results"), .forEach(current) { referenceItem($0) }),
            .p(.a(.href("/loesungen"), .text("Lösungen durchsuchen")))
        )
    }

    private func heading(_ row: Row) -> Node<HTML.BodyContext> {
        .group(
            .a(.safeHref(row.solutionPath), .strong(.text(row.solution))), .text(" – \(row.town): \(row.status.label)"),
            .if(!row.since.isEmpty, .text(" " + ReferenceInput.sinceLabel(row.since))),
            .unwrap(row.confirmedAt) { .span(.class("meta"), .text(" · zuletzt bestätigt am \(GermanFormat.date($0))")) })
    }

    private func useFields(_ row: Row) -> Node<HTML.FormContext> {
        .group(
            .selectField(
                "stand", id: "stand-\(row.id)", label: "Stand der Nutzung", options: ReferenceStatus.allCases.map { ($0.rawValue, $0.label) },
                selected: row.status.rawValue),
            .optionalField("seit", id: "seit-\(row.id)", label: "Seit (Jahr oder Monat, optional)", value: row.since, maxLength: 7),
            .div(
                .input(.type(.checkbox), .safeID("fragen-\(row.id)"), .name("fragen"), .value("ja"), .checked(row.mayBeAsked)),
                .label(.safeFor("fragen-\(row.id)"), .text(" Andere Kommunen dürfen mich dazu fragen (Ihr Name wird angezeigt)"))))
    }

    private func proposalItem(_ row: Row) -> Node<HTML.ListContext> {
        .li(
            heading(row),
            .form(
                .class("stacked"), .safeAction("/loesungen/referenzen/\(row.id)/entscheidung"), .method(.post),
                .csrf(csrf), .input(.type(.hidden), .name("entscheidung"), .value("bestaetigen")),
                useFields(row),
                .button(.type(.submit), .text("Bestätigen: Wir nutzen das"))),
            .form(
                .class("stacked"), .safeAction("/loesungen/referenzen/\(row.id)/entscheidung"), .method(.post),
                .csrf(csrf), .input(.type(.hidden), .name("entscheidung"), .value("ablehnen")),
                .textArea(
                    "begruendung", id: "begruendung-\(row.id)", label: "Begründung für den Anbieter", value: "", maxLength: 500, rows: 2,
                    required: true),
                .button(.type(.submit), .class("secondary"), .text("Ablehnen")))
        )
    }

    private func referenceItem(_ row: Row) -> Node<HTML.ListContext> {
        .li(
            heading(row),
            .form(
                .class("stacked"), .safeAction("/loesungen/referenzen/\(row.id)/erneuern"), .method(.post),
                .csrf(csrf), useFields(row),
                .button(.type(.submit), .text("Weiterhin bestätigen"))),
            .form(
                .safeAction("/loesungen/referenzen/\(row.id)/entfernen"), .method(.post), .csrf(csrf),
                .button(.type(.submit), .class("secondary"), .text("Referenz entfernen")))
        )
    }
}
