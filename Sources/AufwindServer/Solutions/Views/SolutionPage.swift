import AufwindCore
import Foundation
import Plot

/// `/loesungen/{id}`: what the solution is, who publishes it, who uses it nearby (confirmed by
/// the towns themselves), and the forms for whoever may act: the town records its use, the
/// publisher proposes a reference, edits or exports the solution.
struct SolutionPage: PageView {
    struct Publisher {
        var name: String
        var path: String
    }

    /// One confirmed user as the list shows it.
    struct UserRow {
        var town: String
        var townPath: String
        var kreis: String
        var entry: NearbyUsers.Entry
        var contactName: String?
    }

    /// A reference of this solution that is not (or not yet) public: for the publisher's members.
    struct OpenReference {
        var town: String
        var state: ReferenceState
        var status: ReferenceStatus
        var reason: String
    }

    var id: String
    var input: SolutionInput
    var isDemo: Bool
    /// Hidden by a moderation decision (only its publisher and the administration see the page).
    var hiddenByModeration = false
    /// The chosen town's surroundings with the confirmed users, when a town is chosen.
    var map: NearbyMap?
    var publisher: Publisher
    var releases: [(version: String, date: String, notes: String)]
    var updatedAt: Date?
    var now: Date
    // Wer nutzt das in Ihrer Nähe?
    var origin: String?
    /// The key of the town distances are measured from, when one was typed and found.
    var originKey: String?
    var typedOrigin: String
    var originChoices: [TownChoice] = []
    var users: [UserRow]
    var totalUsers: Int
    var inUseCount: Int
    var kreise: [(name: String, count: Int)]
    var shownLimit: Int
    // Forms
    var csrf: String?
    var canEdit: Bool
    var canPropose: Bool
    var ownTowns: [(key: String, name: String)]
    var openReferences: [OpenReference] = []
    var proposal = ProposalForm()
    var errors: [String] = []

    struct ProposalForm {
        var town = "", status = ReferenceStatus.imEinsatz.rawValue, since = ""
        var choices: [TownChoice] = []
    }

    var title: String { input.name }
    var path: String { "/loesungen/\(id)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(input.name)),
            .if(isDemo, .p(.class("demo-badge"), .text("Demo-Daten: erzeugt, keine echte Lösung."))),
            .if(
                hiddenByModeration,
                .p(
                    .class("notice"),
                    .text(
                        "Von der Moderation verborgen: Diese Lösung sieht außer Ihnen niemand. Die Begründung und den Einspruch finden Sie in der Benachrichtigung dazu."
                    ))),
            .p(.class("lead"), .text(input.shortDescription)),
            .p(.text("Veröffentlicht von "), .a(.safeHref(publisher.path), .text(publisher.name)), .text(".")),
            .formErrors(errors),
            facts(),
            .h2(.text("Beschreibung")),
            .linkedText(input.description),
            .if(
                csrf != nil,
                .p(.class("meta"), .a(.safeHref("/meldungen/neu?art=loesung&id=\(id)"), .text("Diese Lösung melden")))),
            .if(!input.needsServed.isEmpty, .group(.h2(.text("Welche Bedarfe sie löst")), .linkedText(input.needsServed))),
            nearby(),
            .if(!ownTowns.isEmpty && csrf != nil, recordForm()),
            .if(canPropose && csrf != nil, proposeSection()),
            .if(
                !releases.isEmpty,
                .group(
                    .h2(.text("Versionsgeschichte")),
                    .ul(
                        .forEach(releases) { release in
                            .li(
                                .strong(.text("Version \(release.version)")),
                                .if(!release.date.isEmpty, .text(" vom \(GermanFormat.date(iso: release.date))")),
                                .if(!release.notes.isEmpty, .text(": \(release.notes)")))
                        }))),
            .p(
                .a(.safeHref("\(path)/publiccode.yml"), .text("Als publiccode.yml herunterladen")),
                .if(canEdit, .group(.text(" · "), .a(.safeHref("\(path)/bearbeiten"), .text("Lösung bearbeiten")))),
                .text(" · "), .a(.href("/loesungen"), .text("Alle Lösungen")))
        )
    }

    private func facts() -> Node<HTML.BodyContext> {
        .dl(
            .class("facts"),
            .dt(.text("Handlungsfelder")), .dd(.text(input.handlungsfelder.map(\.label).joined(separator: ", "))),
            .dt(.text("Lizenz")),
            .dd(
                input.licence == .openSource
                    ? .group(
                        .text("Open Source (\(input.licenceID)), "),
                        .a(.safeExternalHref(input.repositoryURL), .attribute(named: "rel", value: "nofollow noopener"), .text("Quellcode")))
                    : .text("proprietär")),
            .dt(.text("Betrieb")), .dd(.text(input.operations.map(\.label).joined(separator: "; "))),
            .dt(.text("Hosting in der EU")), .dd(.text(input.euHosting ? "ja" : "nein")),
            .if(!input.interfaces.isEmpty, .group(.dt(.text("Schnittstellen und Standards")), .dd(.text(input.interfaces.joined(separator: ", "))))),
            .if(!input.priceModel.isEmpty, .group(.dt(.text("Preismodell")), .dd(.text(input.priceModel)))),
            .if(
                !input.website.isEmpty,
                .group(
                    .dt(.text("Website")),
                    .dd(.a(.safeExternalHref(input.website), .attribute(named: "rel", value: "nofollow noopener"), .text(input.website))))),
            .if(
                !input.contactName.isEmpty || !input.contactEmail.isEmpty,
                .group(
                    .dt(.text("Kontakt")),
                    .dd(
                        .text(input.contactName),
                        .if(
                            !input.contactEmail.isEmpty,
                            .group(
                                .if(!input.contactName.isEmpty, .text(", ")),
                                .a(.safeHref("mailto:" + input.contactEmail), .text(input.contactEmail))))))),
            .if(
                !input.version.isEmpty,
                .group(
                    .dt(.text("Version")),
                    .dd(.text(input.version + (input.releaseDate.isEmpty ? "" : " vom \(GermanFormat.date(iso: input.releaseDate))")))))
        )
    }

    private func nearby() -> Node<HTML.BodyContext> {
        .section(
            .id("in-ihrer-naehe"), .attribute(named: "aria-labelledby", value: "naehe-titel"),
            .h2(.id("naehe-titel"), .text("Wer nutzt das in Ihrer Nähe?")),
            .p(
                .text(
                    totalUsers == 0
                        ? "Noch keine Kommune hat bestätigt, dass sie diese Lösung nutzt."
                        : inUseCount == 0
                            ? "\(GermanFormat.count(totalUsers, "Kommune hat", "Kommunen haben")) ihre Nutzung bestätigt (geplant, in Erprobung oder abgelöst); im Einsatz noch bei keiner."
                            : "\(GermanFormat.count(inUseCount, "Kommune hat", "Kommunen haben")) bestätigt, dass sie die Lösung im Einsatz haben"
                                + (totalUsers > inUseCount ? " (\(GermanFormat.integer(totalUsers)) Referenzen insgesamt)." : ".")),
                .text(" Nur Angaben, die die Kommunen selbst bestätigt haben.")),
            .form(
                .class("search"), .safeAction(path + "#in-ihrer-naehe"), .method(.get),
                .div(
                    .class("field"), .label(.for("nahe"), .text("Entfernung ab (Name oder AGS einer Kommune)")),
                    .input(.type(.text), .id("nahe"), .name("nahe"), .safeValue(typedOrigin), .attribute(named: "maxlength", value: "100"))),
                .if(
                    !originChoices.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Welche Kommune meinen Sie?"),
                        .forEach(originChoices) { .townChoice($0, chosen: nil) })),
                .button(.type(.submit), .text("Nach Entfernung ordnen"))
            ),
            .unwrap(origin) { .p(.attribute(named: "role", value: "status"), .text("Geordnet nach Entfernung von \($0).")) },
            .unwrap(map) { $0.node() },
            .if(
                !users.isEmpty,
                .ul(
                    .class("results"),
                    .forEach(users) { row in
                        .li(
                            .a(.safeHref(row.townPath), .strong(.text(row.town))),
                            .span(.class("meta"), .text(" – \(row.kreis)")),
                            .unwrap(row.entry.km) { .text(" · \(GermanFormat.km($0))") },
                            .br(),
                            .text(row.entry.user.status.label),
                            .if(!row.entry.user.since.isEmpty, .text(" " + ReferenceInput.sinceLabel(row.entry.user.since))),
                            .if(
                                row.entry.freshness.showsDate,
                                .text(" · zuletzt bestätigt am \(GermanFormat.date(row.entry.user.confirmedAt))")),
                            .if(
                                row.entry.freshness == .veraltet,
                                .text(" (zählt nicht mehr als „im Einsatz“)")),
                            .unwrap(row.contactName) { name in
                                .group(
                                    .br(),
                                    .text("Nachfragen möglich: \(name) – "),
                                    .a(.safeHref(row.townPath), .text("Kontakt über die Seite der Kommune")))
                            }
                        )
                    })),
            .if(
                totalUsers > users.count && !users.isEmpty,
                .p(
                    .text("\(GermanFormat.integer(users.count)) von \(GermanFormat.integer(totalUsers)) angezeigt. "),
                    .if(
                        shownLimit < 500,
                        .a(
                            .safeHref(
                                path + "?anzahl=\(min(500, shownLimit * 5))"
                                    + (originKey.map { "&nahe=\($0)" } ?? "")
                                    + "#in-ihrer-naehe"),
                            .text("Mehr anzeigen"))))),
            .if(
                kreise.count > 1,
                .group(
                    .h3(.text("Nach Kreisen")),
                    .scrollBox(
                        "Referenzen nach Kreisen", figures: true,
                        .table(
                            .caption(.text("Bestätigte Referenzen je Kreis")),
                            .thead(.tr(.th(.text("Kreis")), .th(.text("Kommunen")))),
                            .tbody(.forEach(kreise) { .tr(.td(.text($0.name)), .td(.text(GermanFormat.integer($0.count)))) })))))
        )
    }

    private func recordForm() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Nutzt Ihre Kommune das?")),
            .p(
                .text(
                    "Tragen Sie es ein: Andere Kommunen sehen dann, wer die Lösung wirklich betreibt. Ihre Angabe ist sofort öffentlich; Sie können sie jederzeit ändern oder entfernen."
                )),
            .form(
                .class("stacked"), .safeAction("\(path)/nutzung"), .method(.post),
                .csrf(csrf ?? ""),
                ownTowns.count == 1
                    ? .input(.type(.hidden), .name("kommune"), .safeValue(ownTowns[0].key))
                    : .selectField("kommune", id: "nutzung-kommune", label: "Kommune", options: ownTowns.map { ($0.key, $0.name) }, selected: ""),
                .selectField(
                    "stand", id: "nutzung-stand", label: "Stand der Nutzung", options: ReferenceStatus.allCases.map { ($0.rawValue, $0.label) },
                    selected: ReferenceStatus.imEinsatz.rawValue),
                .optionalField(
                    "seit", id: "nutzung-seit", label: "Seit (Jahr oder Monat, z. B. 2024 oder 2024-03; optional)", value: "", maxLength: 7),
                .div(
                    .input(.type(.checkbox), .id("nutzung-fragen"), .name("fragen"), .value("ja")),
                    .label(.for("nutzung-fragen"), .text(" Andere Kommunen dürfen mich dazu fragen (Ihr Name wird angezeigt)"))),
                .button(.type(.submit), .text("Nutzung eintragen"))
            )
        )
    }

    private func proposeSection() -> Node<HTML.BodyContext> {
        .section(
            .id("referenz-vorschlagen"),
            .h2(.text("Referenz vorschlagen")),
            .p(
                .text(
                    "Welche Kommune nutzt die Lösung? Die Kommune wird gefragt und bestätigt oder lehnt ab; öffentlich wird nur, was sie bestätigt."
                )),
            .form(
                .class("stacked"), .safeAction("\(path)/referenzen#referenz-vorschlagen"), .method(.post),
                .csrf(csrf ?? ""),
                .field("kommune", id: "referenz-kommune", label: "Kommune (Name oder AGS)", value: proposal.town, maxLength: 100),
                .if(
                    !proposal.choices.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Welche Kommune meinen Sie?"),
                        .forEach(proposal.choices) { .townChoice($0, chosen: nil) })),
                .selectField(
                    "stand", id: "referenz-stand", label: "Stand der Nutzung", options: ReferenceStatus.allCases.map { ($0.rawValue, $0.label) },
                    selected: proposal.status),
                .optionalField("seit", id: "referenz-seit", label: "Seit (Jahr oder Monat, optional)", value: proposal.since, maxLength: 7),
                .button(.type(.submit), .text("Kommune um Bestätigung bitten"))
            ),
            .if(
                !openReferences.isEmpty,
                .group(
                    .h3(.text("Ihre Vorschläge")),
                    .ul(
                        .forEach(openReferences) { reference in
                            .li(
                                .strong(.text(reference.town)), .text(" (\(reference.status.label)): \(reference.state.label)"),
                                .if(!reference.reason.isEmpty, .text(" – Begründung: \(reference.reason)")))
                        })))
        )
    }
}
