import AufwindCore
import Plot

/// `/konto/benachrichtigungen`: how often mails come, per category.
struct NotificationSettingsPage: PageView {
    var cadences: [NotificationCategory: NotificationCadence]
    var errors: [String]
    var csrf: String
    var title: String { "Benachrichtigungen per E-Mail" }

    static let explanations: [NotificationCategory: String] = [
        .anfragen: "Beitrittsanfragen, Interesse an Einträgen, Einladungen in Verbünde und die Entscheidungen darüber.",
        .nachrichten: "Neue Nachrichten in Ihren Kooperationen.",
        .passendeEintraege: "Neu veröffentlichte Einträge, die zu Einträgen Ihrer Kommune passen.",
        .fristen: "Fristen der Förderprogramme Ihrer Verbünde und was dafür noch fehlt.",
        .veranstaltungen: "Vorschläge und Abstimmungen, Programm, Pitches und 1:1-Gespräche.",
    ]

    private func fieldset(_ category: NotificationCategory) -> Node<HTML.FormContext> {
        .fieldset(
            .class("choices"),
            .element(named: "legend", text: category.title),
            .p(.class("meta"), .text(Self.explanations[category] ?? "")),
            .forEach(NotificationCadence.allCases) { cadence in
                .radio(
                    name: category.rawValue, id: "\(category.rawValue)-\(cadence.rawValue)", value: cadence.rawValue, label: cadence.title,
                    checked: cadences[category] == cadence)
            }
        )
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .p(
                .text(
                    "In der App unter „Benachrichtigungen“ sehen Sie immer alles. Hier wählen Sie, wann Sie zusätzlich eine E-Mail erhalten: "
                        + "sofort, einmal täglich um 7 Uhr als Zusammenfassung, montags als Wochenübersicht oder nie. "
                        + "Was Sie in der App schon gesehen haben, schicken wir nicht noch einmal.")),
            .form(
                .action("/konto/benachrichtigungen"), .method(.post), .class("stacked"), .csrf(csrf),
                .forEach(NotificationCategory.allCases) { category in fieldset(category) },
                .button(.type(.submit), .text("Speichern"))
            )
        )
    }
}
