import AufwindCore
import Foundation
import Plot

/// `/moderation/meldungen`: the viewer's reports and what the administration decided.
struct MyReportsPage: PageView {
    struct Row {
        var title: String
        var category: ReportCategory
        var reportedAt: Date?
        var status: ModerationCaseModel.Status
        var outcome: ModerationOutcome?
        var explanation: String
    }

    var rows: [Row]
    var title: String { "Meine Meldungen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(
                rows.isEmpty, .p(.text("Sie haben noch nichts gemeldet. Über „Melden“ an einer Lösung, einem Eintrag oder einer Nachricht geht das."))
            ),
            .ul(
                .class("results"),
                .forEach(rows) { row in
                    .li(
                        .div(.class("name"), .text(row.title)),
                        .div(
                            .class("meta"),
                            .text(
                                "Gemeldet als „\(row.category.label)“" + (row.reportedAt.map { " am \(GermanFormat.date($0))" } ?? "") + " · "
                                    + (row.outcome.map { "Entscheidung: \($0.label)" } ?? row.status.label))),
                        .if(!row.explanation.isEmpty, .p(.text("Begründung: \(row.explanation)"))))
                })
        )
    }
}
