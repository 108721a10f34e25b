import AufwindCore
import Foundation
import Plot

/// `/admin/moderation`: reported content waiting for a decision (oldest first), objections
/// waiting for an administrator who did not decide, and what was decided lately.
struct ModerationQueuePage: PageView {
    struct Row {
        var path: String
        var title: String
        var kind: ModeratedKind?
        var status: ModerationCaseModel.Status
        var outcome: ModerationOutcome?
        var reports: Int
        var at: Date?
        var decidedByViewer: Bool
    }

    var open: [Row]
    var objections: [Row]
    var decided: [Row]
    var title: String { "Moderation" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Gemeldete Inhalte entscheidet immer eine Person; nichts wird automatisch verborgen, auch nicht Inhalte bestätigter Mitglieder von Kommunen. Über einen Einspruch entscheidet eine andere Person als die, die entschieden hat."
                )),
            .h2(.text("Zu entscheiden (\(open.count))")),
            .if(open.isEmpty, .p(.text("Keine offenen Meldungen."))),
            .ul(.class("results"), .forEach(open) { row($0) }),
            .h2(.text("Einsprüche (\(objections.count))")),
            .if(objections.isEmpty, .p(.text("Keine offenen Einsprüche."))),
            .ul(.class("results"), .forEach(objections) { row($0) }),
            .h2(.text("Zuletzt entschieden")),
            .if(decided.isEmpty, .p(.text("Noch nichts entschieden."))),
            .ul(.class("results"), .forEach(decided) { row($0) })
        )
    }

    private func row(_ row: Row) -> Node<HTML.ListContext> {
        .li(
            .div(.class("name"), .a(.safeHref(row.path), .text(row.title))),
            .div(
                .class("meta"),
                .text(
                    [
                        row.kind?.label ?? "", GermanFormat.count(row.reports, "Meldung", "Meldungen"),
                        row.at.map { "seit \(GermanFormat.date($0))" } ?? "", row.outcome.map { "Entscheidung: \($0.label)" } ?? row.status.label,
                        row.status == .einspruch && row.decidedByViewer ? "Sie haben entschieden – den Einspruch entscheidet eine andere Person" : "",
                    ].filter { !$0.isEmpty }.joined(separator: " · ")))
        )
    }
}
