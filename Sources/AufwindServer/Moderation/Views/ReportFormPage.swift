import AufwindCore
import Foundation
import Plot

/// `/meldungen/neu`: report a solution, item, answer or message to the platform administration.
struct ReportFormPage: PageView {
    var kind: ModeratedKind
    var id: String
    var contentTitle: String
    var contentPath: String
    var category: String
    var text: String
    var csrf: String
    var errors: [String] = []
    var title: String { "Inhalt melden" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("\(kind.label): "), .a(.safeHref(contentPath), .text(contentTitle))),
            .p(
                .text(
                    "Die Plattform-Administration prüft jede Meldung selbst – nichts wird automatisch verborgen. Sie erfahren die Entscheidung unter „Meine Meldungen“; wer den Inhalt verfasst hat, erfährt nicht, wer gemeldet hat."
                )),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/meldungen"), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("art"), .safeValue(kind.rawValue)),
                .input(.type(.hidden), .name("id"), .safeValue(id)),
                .selectField(
                    "grund", label: "Grund", options: [("", "Bitte wählen …")] + ReportCategory.allCases.map { ($0.rawValue, $0.label) },
                    selected: category),
                .textArea(
                    "text", label: "Was ist daran falsch? (Bei Rechtswidrigem bitte das Gesetz nennen, soweit bekannt.)", value: text,
                    maxLength: ReportInput.textLength.upperBound, rows: 6, required: true),
                .button(.type(.submit), .text("Meldung senden")))
        )
    }
}
