import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/treffen`: the event profile, suggested partners, requests with a
/// priority, answers; times and tables come from the meeting scheduler.
struct MeetingsPage: PageView {
    struct Row {
        var id: String
        var other: String
        var when: String
        var context: String
        var message: String
        var priority: Int
        var status: String
        var open: Bool
        var agreed: Bool
    }
    struct Suggestion {
        var id: String
        var name: String
        var reasons: [String]
        var seeking: String
        var offering: String
    }
    struct WindowAvailability {
        var label: String
        var slots: [(value: String, label: String, blocked: Bool)]
    }
    /// What the request form shows (again after an error).
    struct RequestValues {
        var person = ""
        var window = ""
        var priority = "2"
        var context = "Teilnehmerliste"
        var message = ""
    }

    /// The context of a request made from the participant list: not worth showing.
    static let listContext = "Teilnehmerliste"

    /// The first 200 characters of another person's profile text.
    static func excerpt(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines) + " …"
    }

    static let priorities: [(value: String, label: String)] = [
        ("1", "1 – gern, wenn es passt"), ("2", "2 – wichtig"), ("3", "3 – sehr wichtig"),
    ]

    var eventPath: String
    var eventTitle: String
    var isOrganiser: Bool
    var people: [(value: String, label: String)]
    var windows: [(value: String, label: String)]
    var form: RequestValues
    var profile: MeetingProfile
    var profileSuggested: Bool
    var availability: [WindowAvailability]
    var suggestions: [Suggestion]
    var agreedCount: Int
    var incoming: [Row]
    var outgoing: [Row]
    var csrf: String
    var errors: [String] = []
    var profileErrors: [String] = []
    var title: String { "1:1-Treffen – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "),
                .a(.safeHref(eventPath + "/treffen/plan"), .text("Mein Treffplan (\(agreedCount) vereinbart)")), .text(" · "),
                .a(.safeHref(eventPath + "/agenda"), .text("Meine Agenda")),
                .if(isOrganiser, .group(.text(" · "), .a(.safeHref(eventPath + "/treffen/fenster"), .text("Zeitfenster und Tische einstellen"))))),
            .p(
                .text(
                    "So funktioniert es: Sie fragen eine Person für ein Zeitfenster an und sagen, wie wichtig Ihnen das Treffen ist. "
                        + "Nimmt sie an, bekommt das Treffen eine feste Zeit und einen Tisch im Zeitfenster – passend zu den Zeiten, "
                        + "zu denen Sie beide können. Wichtigere Treffen haben Vorrang, vereinbarte Treffen bleiben, wo sie sind.")),
            .formErrors(errors),
            .if(!errors.isEmpty && !windows.isEmpty, .p(.a(.safeHref("#anfrage"), .text("Zum Anfrageformular")))),
            .if(
                windows.isEmpty,
                .p(.text("Für diese Veranstaltung sind (noch) keine kommenden Zeitfenster mit Tischen für 1:1-Treffen eingerichtet."))),
            profileForm(),
            suggestionList(),
            .if(!windows.isEmpty, requestForm()),
            .h2(.text("Anfragen an Sie")),
            rows(incoming, incoming: true),
            .h2(.text("Ihre Anfragen")),
            rows(outgoing, incoming: false)
        )
    }

    private func profileForm() -> Node<HTML.BodyContext> {
        .form(
            .class("stacked"), .safeID("profil"), .safeAction(eventPath + "/treffen/profil"), .method(.post), .csrf(csrf),
            .h2(.text("Ihr Profil für 1:1-Treffen")),
            .if(
                profileSuggested,
                .p(
                    .class("hint"),
                    .text("Vorschlag aus den veröffentlichten Einträgen Ihrer Kommune oder Organisation – bitte prüfen, ergänzen und speichern."))),
            .formErrorsInForm(profileErrors),
            .textArea("suchen", label: "Wir suchen (bis 1.000 Zeichen)", value: profile.seeking, maxLength: MeetingProfile.maximumLength, rows: 4),
            .textArea("bieten", label: "Wir bieten (bis 1.000 Zeichen)", value: profile.offering, maxLength: MeetingProfile.maximumLength, rows: 4),
            .forEach(availability) { window in
                .fieldset(
                    .class("choices"),
                    .element(named: "legend", text: "Zu diesen Zeiten kann ich nicht (\(window.label))"),
                    .forEach(window.slots) { slot in
                        .checkbox(
                            name: "nicht[]", id: "nicht-" + slot.value.replacingOccurrences(of: "@", with: "-"), value: slot.value,
                            label: slot.label, checked: slot.blocked)
                    })
            },
            .button(.type(.submit), .text("Profil speichern"))
        )
    }

    private func suggestionList() -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Vorgeschlagene Gesprächspartner:innen")),
            suggestions.isEmpty
                ? .p(
                    .text(
                        "Noch keine Vorschläge: Sie erscheinen, sobald Ihr Profil oder Ihre Einträge zu denen anderer Teilnehmer:innen passen."))
                : .ul(
                    .class("results"),
                    .forEach(suggestions) { s in
                        .li(
                            .div(.class("name"), .text(s.name)),
                            .ul(.class("reasons"), .forEach(s.reasons) { .li(.text($0)) }),
                            .if(!s.offering.isEmpty, .p(.class("meta"), .text("Bietet: " + s.offering))),
                            .if(!s.seeking.isEmpty, .p(.class("meta"), .text("Sucht: " + s.seeking))),
                            .if(
                                !windows.isEmpty,
                                .a(
                                    .safeHref("\(eventPath)/treffen?mit=\(s.id)&anlass=Vorschlag#anfrage"),
                                    .safeAttribute("aria-label", "Treffen mit \(s.name) anfragen"), .text("Treffen anfragen")))
                        )
                    })
        )
    }

    private func requestForm() -> Node<HTML.BodyContext> {
        .form(
            .class("stacked"), .safeID("anfrage"), .safeAction(eventPath + "/treffen"), .method(.post), .csrf(csrf),
            .h2(.text("Treffen anfragen")),
            .formErrorsInForm(errors),
            .selectField("mit", label: "Mit", options: people, selected: form.person),
            .selectField(
                "zeitfenster", label: "Zeitfenster", options: windows, selected: form.window.isEmpty ? windows.first?.value ?? "" : form.window),
            .fieldset(
                .class("choices"),
                .element(named: "legend", text: "Wie wichtig ist Ihnen das Treffen?"),
                .forEach(Self.priorities) { option in
                    .radio(
                        name: "wichtigkeit", id: "wichtigkeit-\(option.value)", value: option.value, label: option.label,
                        checked: option.value == form.priority)
                }),
            .input(.type(.hidden), .name("anlass"), .safeValue(form.context)),
            .textArea("nachricht", label: "Worum geht es? (optional, bis 500 Zeichen)", value: form.message, maxLength: 500, rows: 3),
            .p(.text("Anfragen gelten zwei Tage, höchstens bis das Zeitfenster beginnt.")),
            .button(.type(.submit), .text("Anfrage senden"))
        )
    }

    private func rows(_ rows: [Row], incoming: Bool) -> Node<HTML.BodyContext> {
        rows.isEmpty
            ? .p(.text("Keine."))
            : .ul(
                .class("results"),
                .forEach(rows) { row in
                    .li(
                        .div(.class("name"), .text("\(row.other) · \(row.when)")),
                        .div(.class("meta"), .text((row.context.isEmpty ? "" : "\(row.context) · ") + "Wichtigkeit \(row.priority) · \(row.status)")),
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
                            !incoming && row.open && !row.agreed,
                            .form(
                                .class("inline"), .safeAction("\(eventPath)/treffen/\(row.id)/zurueckziehen"), .method(.post), .csrf(csrf),
                                .button(.type(.submit), .class("secondary"), .text("Anfrage zurückziehen")))),
                        // Cancelling an agreed meeting asks once more (without JavaScript: a disclosure).
                        .if(
                            row.agreed,
                            .element(
                                named: "details",
                                nodes: [
                                    .element(named: "summary", text: "Treffen absagen …"),
                                    .form(
                                        .class("inline"), .safeAction("\(eventPath)/treffen/\(row.id)/zurueckziehen"), .method(.post), .csrf(csrf),
                                        .p(.text("\(row.other) wird benachrichtigt, der Platz wird frei.")),
                                        .button(
                                            .type(.submit), .class("secondary"), .safeAttribute("aria-label", "Treffen mit \(row.other) absagen"),
                                            .text("Ja, Treffen absagen"))),
                                ]))
                    )
                })
    }
}
