import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/sessions`: proposals, and in the voting phase the ballot.
struct SessionListPage: PageView {
    struct Entry {
        var id: String
        var title: String
        var summary: String
        var field: String
        var format: String
        var hosts: String
        var votes: Int?
        var mine: Bool
    }
    var eventPath: String
    var eventTitle: String
    var phase: EventPhase
    var entries: [Entry]
    var canPropose: Bool
    var canVote: Bool
    var formValues: [String: String] = [:]
    var errors: [String] = []
    var csrf: String?
    var title: String { "Sessions – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref(eventPath), .text("Zurück zur Veranstaltung")), .text(" · Phase: \(phase.label)")),
            .formErrors(errors),
            .if(
                canVote,
                .p(
                    .text(
                        "Markieren Sie, was Sie interessiert. Die Liste ist für Sie gemischt und bleibt beim Abstimmen in ihrer Reihenfolge – frühe Vorschläge haben keinen Vorteil."
                    ))),
            .if(entries.isEmpty, .p(.text("Noch keine Vorschläge."))),
            .if(canVote, .group(.toggleLiveRegion, .script(.safeSrc(SiteAsset.programmeScript.path)))),
            .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .safeID("session-\(entry.id)"),
                        .div(.class("name"), .a(.safeHref("\(eventPath)/sessions/\(entry.id)"), .text(entry.title))),
                        .div(
                            .class("meta"),
                            .text(
                                "\(entry.field) · \(entry.format) · Leitung: \(entry.hosts)"
                                    + (entry.votes.map { " · " + GermanFormat.count($0, "Interessierte:r", "Interessierte") } ?? ""))
                        ),
                        .if(!entry.summary.isEmpty, .p(.text(entry.summary))),
                        .if(
                            canVote,
                            .unwrap(csrf) { csrf in
                                ToggleForm(
                                    action: "\(eventPath)/sessions/\(entry.id)/stimme", csrf: csrf, field: "interesse", isOn: entry.mine,
                                    label: "Interessiert mich", onText: "✓ Ihr Interesse ist vermerkt", offText: "Interesse zurückgenommen",
                                    subject: entry.title, key: entry.id
                                ).node
                            })
                    )
                }),
            .if(
                canPropose,
                .unwrap(csrf) { csrf in
                    .section(
                        .h2(.text("Session vorschlagen")),
                        .form(
                            .class("stacked"), .safeAction("\(eventPath)/sessions"), .method(.post), .csrf(csrf),
                            .field("titel", label: "Titel", value: formValues["titel"] ?? "", maxLength: 120),
                            .textArea(
                                "kurzbeschreibung", label: "Kurzbeschreibung (optional)", value: formValues["kurzbeschreibung"] ?? "", maxLength: 1000
                            ),
                            .selectField(
                                "handlungsfeld", label: "Handlungsfeld", options: Handlungsfeld.allCases.map { ($0.rawValue, $0.label) },
                                selected: formValues["handlungsfeld"] ?? ""),
                            .selectField(
                                "format", label: "Format", options: SessionFormat.allCases.map { ($0.rawValue, $0.label) },
                                selected: formValues["format"] ?? ""),
                            .p(.text("Sie leiten die Session; weitere Leitungen tragen Sie danach auf ihrer Seite ein.")),
                            .button(.type(.submit), .text("Vorschlagen"))
                        )
                    )
                })
        )
    }
}

/// `/veranstaltungen/{id}/sessions/{sid}`: one session with hosts, availability, result.
struct SessionPage: PageView {
    var eventPath: String
    var id: String
    var name: String
    var summary: String
    var field: String
    var format: String
    var cancelled: Bool
    var hosts: [(id: String, name: String)]
    var placement: String?
    var isHost: Bool
    var isOrganiser: Bool
    var canRequestMeeting: Bool
    var participants: [(value: String, label: String)]
    var sessionSlots: [(id: String, label: String, unavailable: Bool)]
    var result: String
    /// The result as typed, when its form comes back with errors.
    var sentResult: String? = nil
    /// The person chosen as further host, when that form comes back with errors.
    var sentPerson: String = ""
    var itemPath: String?
    var towns: [(value: String, label: String)]
    var csrf: String?
    var errors: [String] = []
    var title: String { name }
    var path: String { "\(eventPath)/sessions/\(id)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(name)),
            .p(.a(.safeHref(eventPath + "/sessions"), .text("Alle Sessions")), .text(" · \(field) · \(format)" + (cancelled ? " · abgesagt" : ""))),
            .formErrors(errors),
            .if(!summary.isEmpty, .p(.text(summary))),
            .unwrap(placement) { .p(.strong(.text("Im Programm: \($0)"))) },
            .h2(.text("Leitung")),
            .ul(
                .forEach(hosts) { host in
                    .li(
                        .text(host.name),
                        .if(
                            canRequestMeeting,
                            .group(
                                .text(" – "),
                                .a(
                                    .safeHref(
                                        "\(eventPath)/treffen?mit=\(host.id)&anlass="
                                            + (("Session: " + name).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                                    .text("1:1-Treffen anfragen")))),
                        .if(
                            isHost || isOrganiser,
                            .unwrap(csrf) { csrf in
                                .form(
                                    .class("inline"), .safeAction("\(path)/leitung/\(host.id)/entfernen"), .method(.post), .csrf(csrf),
                                    .button(.type(.submit), .class("secondary"), .text("\(host.name) austragen")))
                            }))
                }),
            .if((isHost || isOrganiser) && !cancelled, .unwrap(csrf) { csrf in hostTools(csrf) }),
            .h2(.text("Ergebnis")),
            .if(result.isEmpty, .p(.text("Noch kein Ergebnis festgehalten."))),
            .if(!result.isEmpty, .div(.class("prose"), .forEach(result.components(separatedBy: "\n\n")) { .p(.text($0)) })),
            .unwrap(itemPath) { .p(.a(.safeHref($0), .text("Daraus entstandenes Vorhaben (Entwurf)"))) },
            .if(isHost, .unwrap(csrf) { csrf in resultTools(csrf) })
        )
    }

    private func hostTools(_ csrf: String) -> Node<HTML.BodyContext> {
        .group(
            .if(
                !participants.isEmpty,
                .form(
                    .class("inline"), .safeAction("\(path)/leitung"), .method(.post), .csrf(csrf),
                    .selectField("person", label: "Weitere Leitung", options: participants, selected: sentPerson),
                    .button(.type(.submit), .text("Eintragen")))),
            .if(
                !sessionSlots.isEmpty,
                .form(
                    .safeAction("\(path)/verfuegbarkeit"), .method(.post), .csrf(csrf),
                    .fieldset(
                        .element(named: "legend", text: "Zeitfenster, in denen die Leitung nicht kann"),
                        .forEach(sessionSlots) { slot in
                            .checkbox(name: "nicht_verfuegbar[]", id: "nv-\(slot.id)", value: slot.id, label: slot.label, checked: slot.unavailable)
                        }),
                    .button(.type(.submit), .text("Verfügbarkeit speichern")))),
            .form(
                .class("inline"), .safeAction("\(path)/absagen"), .method(.post), .csrf(csrf),
                .button(.type(.submit), .class("secondary"), .text("Session absagen")))
        )
    }

    private func resultTools(_ csrf: String) -> Node<HTML.BodyContext> {
        .group(
            .form(
                .class("stacked"), .safeAction("\(path)/ergebnis"), .method(.post), .csrf(csrf),
                .textArea("ergebnis", label: "Ergebnis festhalten", value: sentResult ?? result, maxLength: 5000, rows: 6),
                .button(.type(.submit), .text("Ergebnis speichern"))),
            .if(
                itemPath == nil && !towns.isEmpty,
                .form(
                    .class("inline"), .safeAction("\(path)/vorhaben"), .method(.post), .csrf(csrf),
                    .selectField("kommune", label: "Als Vorhaben übernehmen für", options: towns, selected: towns.first?.value ?? ""),
                    .button(.type(.submit), .text("Als Vorhaben übernehmen"))))
        )
    }
}
