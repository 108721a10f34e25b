import AufwindCore
import Foundation
import Plot

/// `/verbuende/{id}`: the workspace of a Verbund.
struct VerbundPage: PageView {
    struct Member {
        var id: String
        var name: String
        var path: String?
        var role: VerbundRole
        var status: VerbundMemberModel.Status
        var expires: Date?
        var canDecide: Bool
        /// The lead may withdraw this invitation (it is not accepted).
        var canWithdraw = false
        /// Invited by mail: nobody of the town is on Aufwind yet; since when.
        var mailedAt: Date?
        /// Where it was mailed (only for the lead).
        var mailedTo: String?
        /// Invited without an address, and nobody of the town is on Aufwind: nobody hears of it.
        var reachesNobody = false

        /// The status column: "eingeladen bis …", or for a town invited by mail who waits for it.
        func statusText(townName: String) -> String {
            if status == .invited, let mailedAt {
                return "noch niemand von \(townName) auf Aufwind – per E-Mail eingeladen am \(GermanFormat.date(mailedAt))"
                    + (mailedTo.map { " (an \($0))" } ?? "")
            }
            let open = status.label + (status == .invited ? expires.map { " bis \(GermanFormat.dateTime($0))" } ?? "" : "")
            guard status == .invited, reachesNobody else { return open }
            return open + " – von \(townName) ist noch niemand auf Aufwind; niemand erfährt von der Einladung"
        }
    }

    /// An address for an unreached invitation that was refused, shown again as typed.
    struct MailDraft {
        var memberID: UUID
        var email: String
    }

    struct DateEntry {
        var id: String
        var kind: String
        var title: String
        var due: String
        var owner: String
        var done: Bool
    }

    var id: String
    var name: String
    /// What the Verbund is about (empty: not described).
    var description = ""
    var status: VerbundStatus
    var leadName: String
    var item: (kind: String, title: String, path: String)?
    var members: [Member]
    var isLead: Bool
    var isMember: Bool
    var programmes: [(id: String, name: String)]
    var laender: [(key: String, name: String)] = []
    /// The population of the towns and Kreise in the Verbund (accepted), for the chart under the members.
    var populations: [(name: String, population: Int)] = []
    var chosenProgramme: (id: String, name: String)?
    var result: EligibilityResult?
    /// Set when the chosen programme fosters none of the Verbund's Handlungsfelder.
    var themeMismatch: String?
    /// The Verbund has Handlungsfelder (from its Vorhaben or programme) to find programmes by.
    var hasFields = true
    var fits: [FundingAdvisor.ProgrammeFit]
    var suggestions: [FundingAdvisor.Suggestion]
    var dates: [DateEntry]
    /// The first open date due today or later.
    var nextDate: DateEntry?
    var ownerChoices: [(key: String, name: String)]
    var calendarLink: String?
    var csrf: String
    var errors: [String] = []
    var notice: String?
    /// The viewer's town or provider is only invited: name, lead, Vorhaben, programme and its own
    /// invitation (`members`), nothing else.
    var invitationOnly = false
    /// What the lead typed into an invitation that was refused: shown again, nothing is lost.
    var invite = InviteDraft()
    /// An address for an unreached invitation that was refused (shown again in its row).
    var mailDraft: MailDraft?

    struct InviteDraft {
        var member = ""
        var email = ""
        var role = "partner"
        var zweckverband = ""
        var land = ""
    }
    var title: String { "Verbund: \(name)" }

    func content() -> Node<HTML.BodyContext> {
        if invitationOnly { return invitationContent() }
        return .group(
            .h1(.text(title)),
            .p(
                .span(.class("badge"), .text(status.label)), .text(" · federführende Kommune: \(leadName)"),
                .unwrap(item) { .group(.text(" · \($0.kind): "), .a(.safeHref($0.path), .text($0.title))) }),
            descriptionSection(),
            .if(isLead, .p(.a(.safeHref("/verbuende/\(id)/bearbeiten"), .text("Name und Beschreibung ändern")))),
            .unwrap(notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .formErrors(errors),
            membersSection(),
            fundingSection(),
            datesSection(),
            .if(
                isMember,
                .section(
                    .h2(.text("Kosten teilen")),
                    .p(
                        .a(
                            .safeHref("/verbuende/\(id)/kosten"),
                            .text("Gemeinsame Kosten aufteilen (nach Einwohnern, gleich, nach Nutzung, Sockel plus pro Kopf) – mit CSV für Excel")))
                ))
        )
    }

    private func invitationContent() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .span(.class("badge"), .text(status.label)), .text(" · federführende Kommune: \(leadName)"),
                .unwrap(item) { .group(.text(" · \($0.kind): "), .a(.safeHref($0.path), .text($0.title))) }),
            descriptionSection(),
            .div(
                .class("notice"),
                .p(
                    .text(
                        "Sie sind in diesen Verbund eingeladen. Wenn Sie annehmen, sehen Sie Mitglieder, Termine und Kosten; "
                            + "lehnen Sie ab oder läuft die Einladung ab, sehen Sie den Verbund nicht mehr."))),
            .formErrors(errors),
            .section(
                .h2(.text("Förderung")),
                .unwrap(chosenProgramme) { programme in
                    .p(.text("Der Verbund tritt an für: "), .a(.safeHref("/foerderprogramme/\(programme.id)"), .text(programme.name)))
                },
                .if(chosenProgramme == nil, .p(.text("Die federführende Kommune hat noch kein Förderprogramm gewählt.")))
            ),
            membersSection(heading: "Ihre Einladung", caption: "Einladung und Entscheidung")
        )
    }

    private func descriptionSection() -> Node<HTML.BodyContext> {
        description.isEmpty ? .empty : .div(.class("verbund-description"), .linkedText(description))
    }

    /// For the lead: the address of a town with nobody on Aufwind, to mail its invitation there.
    private func mailForm(for member: Member) -> Node<HTML.BodyContext> {
        let fieldID = "einladung-email-\(member.id)"
        let typed = mailDraft.flatMap { $0.memberID.uuidString.lowercased() == member.id ? $0.email : nil } ?? ""
        return .form(
            .class("inline"), .safeAction("/verbuende/\(id)/mitglieder/\(member.id)/email"), .method(.post), .csrf(csrf),
            .label(.safeFor(fieldID), .text("E-Mail-Adresse von \(member.name) (z. B. Rathaus)")), .text(" "),
            .input(.type(.email), .safeID(fieldID), .name("email"), .safeValue(typed), .required(true), .attribute(named: "maxlength", value: "254")),
            .text(" "),
            .button(.type(.submit), .safeAttribute("aria-label", "Einladung an \(member.name) per E-Mail senden"), .text("Per E-Mail einladen"))
        )
    }

    /// How large the members are, side by side (the numbers in the description).
    private func populationChart() -> Node<HTML.BodyContext> {
        let total = populations.reduce(0) { $0 + $1.population }
        return BarChart(
            id: "einwohner-diagramm", title: "Einwohner der Mitglieder (zusammen \(GermanFormat.integer(total)))",
            description: populations.map { "\($0.name): \(GermanFormat.einwohner($0.population))" }.joined(separator: "; ") + ".",
            bars: populations.map {
                .init(label: $0.name, parts: [(Double($0.population), "bar-population")], valueText: GermanFormat.integer($0.population))
            }
        ).node()
    }

    private func membersSection(heading: String = "Mitglieder", caption: String = "Mitglieder und Einladungen") -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(heading)),
            .scrollBox(
                caption,
                .table(
                    .class("cards"), .caption(.text(caption)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Kommune")),
                            .th(.attribute(named: "scope", value: "col"), .text("Rolle")),
                            .th(.attribute(named: "scope", value: "col"), .text("Status")),
                            .th(.attribute(named: "scope", value: "col"), .text("Entscheidung")))),
                    .tbody(
                        .forEach(members) { member in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"), .unwrap(member.path) { .a(.safeHref($0), .text(member.name)) },
                                    .if(member.path == nil, .text(member.name))),
                                .td(.attribute(named: "data-label", value: "Rolle"), .text(member.role.label)),
                                .td(.attribute(named: "data-label", value: "Status"), .text(member.statusText(townName: member.name))),
                                .td(
                                    .attribute(named: "data-label", value: "Entscheidung"),
                                    .if(
                                        member.canDecide,
                                        .form(
                                            .class("inline"), .safeAction("/verbuende/\(id)/mitglieder/\(member.id)/entscheidung"), .method(.post),
                                            .csrf(csrf),
                                            .button(
                                                .type(.submit), .name("entscheidung"), .value("annehmen"),
                                                .safeAttribute("aria-label", "Einladung für \(member.name) annehmen"), .text("Annehmen")), .text(" "),
                                            .button(
                                                .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                                .safeAttribute("aria-label", "Einladung für \(member.name) ablehnen"), .text("Ablehnen"))
                                        )),
                                    .if(isLead && member.reachesNobody, mailForm(for: member)),
                                    .if(
                                        member.canWithdraw,
                                        .form(
                                            .class("inline"), .safeAction("/verbuende/\(id)/mitglieder/\(member.id)/zurueckziehen"), .method(.post),
                                            .csrf(csrf),
                                            .button(
                                                .type(.submit), .class("danger"),
                                                .safeAttribute("aria-label", "Einladung von \(member.name) zurückziehen"),
                                                .text("Zurückziehen"))
                                        )))
                            )
                        })
                )),
            .if(populations.count > 1, populationChart()),
            .if(
                isLead,
                .group(
                    .form(
                        .class("stacked"), .safeAction("/verbuende/\(id)/einladungen"), .method(.post), .csrf(csrf),
                        .field(
                            "mitglied", label: "Einladen: Kommune (Name, Gemeinde- oder Kreisschlüssel) oder Anbieter (Name der Organisation)",
                            value: invite.member, maxLength: 200),
                        .optionalField(
                            "email", id: "einladung-email",
                            label: "E-Mail-Adresse der Kommune – nur wenn dort noch niemand auf Aufwind ist (z. B. die Adresse des Rathauses)",
                            type: .email, value: invite.email),
                        .div(
                            .class("field"), .label(.for("rolle"), .text("Rolle")),
                            .select(
                                .id("rolle"), .attribute(named: "name", value: "rolle"),
                                .choice(value: "partner", label: "Partner", selected: invite.role != "assoziiert"),
                                .choice(value: "assoziiert", label: "assoziiert", selected: invite.role == "assoziiert"))),
                        .button(.type(.submit), .text("Einladen"))
                    ),
                    .form(
                        .class("stacked"), .safeAction("/verbuende/\(id)/einladungen"), .method(.post), .csrf(csrf),
                        .input(.type(.hidden), .name("art"), .value("zweckverband")),
                        .input(.type(.hidden), .name("rolle"), .value("partner")),
                        .field(
                            "mitglied", id: "zweckverband", label: "Zweckverband eintragen (Name; ist sofort dabei)", value: invite.zweckverband,
                            maxLength: 150),
                        .div(
                            .class("field"), .label(.for("land"), .text("Land des Zweckverbands")),
                            .select(
                                .id("land"), .attribute(named: "name", value: "land"),
                                .forEach(laender) { .choice(value: $0.key, label: $0.name, selected: $0.key == invite.land) })),
                        .button(.type(.submit), .text("Zweckverband eintragen"))
                    ),
                    .if(
                        !status.next.isEmpty,
                        .form(
                            .class("stacked"), .safeAction("/verbuende/\(id)/status"), .method(.post), .csrf(csrf),
                            .div(
                                .class("field"), .label(.for("status"), .text("Status ändern")),
                                .select(
                                    .id("status"), .attribute(named: "name", value: "status"),
                                    .forEach(status.next) { .choice(value: $0.rawValue, label: $0.label, selected: false) })),
                            .button(.type(.submit), .text("Status setzen"))
                        ))
                ))
        )
    }

    private func fundingSection() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Förderung")),
            .if(
                isLead,
                .form(
                    .class("stacked"), .safeAction("/verbuende/\(id)/programm"), .method(.post), .csrf(csrf),
                    .div(
                        .class("field"), .label(.for("programm"), .text("Programm, für das der Verbund antritt")),
                        .select(
                            .id("programm"), .attribute(named: "name", value: "programm"),
                            .choice(value: "", label: "– noch keins –", selected: chosenProgramme == nil),
                            .forEach(programmes) { .choice(value: $0.id, label: $0.name, selected: $0.id == chosenProgramme?.id) })),
                    .button(.type(.submit), .text("Programm wählen"))
                )),
            .unwrap(chosenProgramme) { programme in
                .group(
                    .h3(.group(.text("Förderfähigkeit für "), .a(.safeHref("/foerderprogramme/\(programme.id)"), .text(programme.name)))),
                    .unwrap(result) { result in
                        .div(
                            .attribute(named: "role", value: "status"),
                            .p(.strong(.text("Ergebnis: \(result.verdict.label)"))),
                            .if(!result.missing.isEmpty, .group(.p(.text("Es fehlt noch:")), .ul(.forEach(result.missing) { .li(.text($0)) }))),
                            .unwrap(result.estimate) {
                                .p(
                                    .text(
                                        "Geschätzte Förderung: \($0.amount.map { "\(GermanFormat.integer(Int($0.rounded()))) € – " } ?? "")\($0.formula)"
                                    ))
                            }
                        )
                    },
                    .if(
                        !suggestions.isEmpty,
                        .group(
                            .h3(.text("Verbund vervollständigen")),
                            .p(.text("Diese Kommunen würden den Verbund förderfähig machen und passen am besten:")),
                            .ol(
                                .forEach(suggestions) { suggestion in
                                    .li(
                                        .a(.safeHref(TownDirectory.path(of: suggestion.member.key)), .text(suggestion.member.name)),
                                        .text(" – \(suggestion.reason)"),
                                        .if(
                                            isLead,
                                            .form(
                                                .class("inline"), .safeAction("/verbuende/\(id)/einladungen"), .method(.post), .csrf(csrf),
                                                .input(.type(.hidden), .name("mitglied"), .safeValue(suggestion.member.key)),
                                                .input(.type(.hidden), .name("rolle"), .value("partner")),
                                                .text(" "), .button(.type(.submit), .text("Einladen")))))
                                })
                        ))
                )
            },
            .unwrap(themeMismatch) { .p(.class("warning"), .text("⚠ " + $0)) },
            .h3(.text("Passende Programme")),
            .p(
                .class("hint"),
                .text("Offene Programme mit den Handlungsfeldern des Verbunds, die passendsten zuerst, dann nach der nächsten Frist.")),
            .if(
                fits.isEmpty,
                .p(
                    .text(
                        hasFields
                            ? "Derzeit passt kein offenes Programm zu den Handlungsfeldern des Verbunds."
                            : "Der Verbund hat noch keine Handlungsfelder (kein Vorhaben, kein Programm gewählt); wählen Sie ein Programm oder sehen Sie im Förderkatalog nach."
                    ))),
            .ul(
                .class("results"),
                .forEach(fits.prefix(8)) { fit in
                    .li(
                        .div(
                            .class("name"), .a(.safeHref("/foerderprogramme/\(fit.programme.id)"), .text(fit.programme.displayName)),
                            .text(" – \(fit.result.verdict.label)")),
                        .div(
                            .class("meta"),
                            .text(
                                "Handlungsfelder: " + fit.sharedFields.map(\.label).joined(separator: ", ") + " · "
                                    + (fit.nextDeadline.map { "Frist: \(GermanFormat.date(iso: $0))" } ?? "ohne Stichtag"))),
                        .unwrap(fit.result.missing.first) { .div(.class("meta"), .text($0)) }
                    )
                })
        )
    }

    private func datesSection() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Termine, Meilensteine, Aufgaben")),
            .if(dates.isEmpty, .p(.text("Noch keine Termine."))),
            .unwrap(nextDate) { next in
                .p(
                    .strong(.text("Als Nächstes fällig: ")),
                    .text("\(GermanFormat.date(iso: next.due)) – \(next.kind): \(next.title) (\(next.owner))"))
            },
            .if(
                !dates.isEmpty,
                .scrollBox(
                    "Nach Datum",
                    .table(
                        .class("cards"), .caption(.text("Nach Datum")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Datum")),
                                .th(.attribute(named: "scope", value: "col"), .text("Art")),
                                .th(.attribute(named: "scope", value: "col"), .text("Was")),
                                .th(.attribute(named: "scope", value: "col"), .text("Verantwortlich")),
                                .th(.attribute(named: "scope", value: "col"), .text("Stand")))),
                        .tbody(
                            .forEach(dates) { date in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(GermanFormat.date(iso: date.due))),
                                    .td(.attribute(named: "data-label", value: "Art"), .text(date.kind)),
                                    .td(.attribute(named: "data-label", value: "Was"), .text(date.title)),
                                    .td(.attribute(named: "data-label", value: "Verantwortlich"), .text(date.owner)),
                                    .td(
                                        .attribute(named: "data-label", value: "Stand"),
                                        date.done
                                            ? .text("erledigt")
                                            : (isMember
                                                ? .form(
                                                    .class("inline"), .safeAction("/verbuende/\(id)/termine/\(date.id)/erledigt"), .method(.post),
                                                    .csrf(csrf),
                                                    .button(.type(.submit), .text("erledigt"))) : .text("offen"))))
                            })
                    ))),
            .if(
                isMember,
                .form(
                    .class("stacked"), .safeAction("/verbuende/\(id)/termine"), .method(.post), .csrf(csrf),
                    .div(
                        .class("field"), .label(.for("art"), .text("Art")),
                        .select(
                            .id("art"), .attribute(named: "name", value: "art"),
                            .forEach(VerbundDateKind.allCases) { .choice(value: $0.rawValue, label: $0.label, selected: false) })),
                    .field("titel", label: "Was", maxLength: 120),
                    .field("datum", label: "Fällig am", type: .date, maxLength: 10),
                    .div(
                        .class("field"), .label(.for("verantwortlich"), .text("Verantwortlich")),
                        .select(
                            .id("verantwortlich"), .attribute(named: "name", value: "verantwortlich"),
                            .forEach(ownerChoices) { .choice(value: $0.key, label: $0.name, selected: false) })),
                    .button(.type(.submit), .text("Termin anlegen"))
                )),
            .p(.text("Erinnerungen gehen 30, 7 und 1 Tag vor jedem offenen Termin an alle Mitglieder. ")),
            .unwrap(calendarLink) {
                .p(
                    .class("notice"),
                    .text(
                        "Ihr Link für das Kalender-Abo (iCal; in Outlook, Thunderbird oder dem Smartphone eintragen; nur jetzt sichtbar, wie ein Passwort behandeln): "
                    ), .code(.text($0)))
            },
            .if(
                isMember,
                .form(
                    .class("inline"), .safeAction("/verbuende/\(id)/kalender"), .method(.post), .csrf(csrf),
                    .button(.type(.submit), .text("Kalender-Abo (iCal) einrichten"))))
        )
    }
}
