import AufwindCore
import Plot

/// `/foerderprogramme/{id}`: facts with sources and their date, warnings, the rules, and the
/// eligibility check for a Verbund (form and result).
struct FundingProgrammePage: PageView {
    var programme: FundingProgramme
    var rules: ProgrammeRules?
    var warnings: [String]
    var canEdit: Bool
    var check: CheckForm
    var result: EligibilityResult?
    var checkedMembers: [VerbundMember] = []
    /// After a check: founding a Verbund with the checked towns.
    var founding: Founding?
    var errors: [String] = []
    var title: String { programme.displayName }

    struct CheckForm {
        var members = "", lead = "", costs = ""
    }

    /// "Verbund mit diesen Kommunen gründen" for a member of one of the checked towns (`leads`:
    /// the ones the user acts for; `lead` preselected), else why it is not offered.
    enum Founding {
        case form(members: [String], leads: [(key: String, name: String)], lead: String?, name: String, csrf: String)
        case signIn
        case notAMember
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(programme.displayName)),
            .p(
                .span(.class("badge"), .text(FundingListPage.levelLabel(programme))), .text(" "),
                .span(.safeClass(programme.status == "open" ? "badge" : "badge badge-warn"), .text(programme.statusLabel)),
                .text(" · \(programme.name)")),
            .if(!warnings.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "status"), .ul(.forEach(warnings) { .li(.text($0)) }))),
            .div(
                .class("profile"),
                .section(
                    .h2(.text("Worum es geht")),
                    .unwrap(programme.summary) { .p(.text($0)) },
                    .dl(
                        .class("facts"),
                        .unwrap(programme.funder) { .group(.dt(.text("Fördergeber")), .dd(.text($0))) },
                        .unwrap(programme.fundingType) { .group(.dt(.text("Art")), .dd(.text($0))) },
                        .dt(.text("Handlungsfelder")), .dd(.text(programme.handlungsfelder.map(\.label).joined(separator: ", "))),
                        .unwrap(programme.eligibleApplicants) { list in
                            .group(.dt(.text("Antragsberechtigt")), .dd(.ul(.forEach(list) { .li(.text($0)) })))
                        },
                        .unwrap(programme.jointRules.flatMap { $0.isEmpty ? nil : $0 }) { .group(.dt(.text("Gemeinsame Anträge")), .dd(.text($0))) },
                        .unwrap(programme.populationLimits?.text) { .group(.dt(.text("Einwohnergrenzen")), .dd(.text($0))) },
                        .unwrap(programme.fundingRate?.notes) { .group(.dt(.text("Förderquote")), .dd(.text($0))) },
                        .unwrap(programme.maxAmountEur) { .group(.dt(.text("Höchstbetrag")), .dd(.text("\(GermanFormat.integer($0)) €"))) },
                        .unwrap(programme.deadlines) { list in .group(.dt(.text("Fristen")), .dd(.ul(.forEach(list) { .li(.text($0)) }))) },
                        .unwrap(programme.notes) { .group(.dt(.text("Anmerkungen")), .dd(.text($0))) },
                        .dt(.text("Stand der Angaben")), .dd(.text(programme.sourceDate.map(GermanFormat.date(iso:)) ?? "unbekannt"))
                    ),
                    .h3(.text("Quellen")),
                    .ul(
                        .forEach(programme.sourceUrls) {
                            .li(.a(.safeExternalHref($0), .attribute(named: "rel", value: "nofollow noopener"), .text($0)))
                        }),
                    .if(canEdit, .p(.a(.safeHref("/foerderprogramme/\(programme.id)/bearbeiten"), .text("Programm und Regeln bearbeiten"))))
                ),
                checkSection()
            ),
            rulesSection()
        )
    }

    private func checkSection() -> Node<HTML.BodyContext> {
        .section(
            .class("town-panel"),
            .h2(.text("Förderfähigkeit prüfen")),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction("/foerderprogramme/\(programme.id)/pruefen"), .method(.get),
                .div(
                    .class("field"),
                    .label(.for("mitglieder"), .text("Mitglieder des Verbunds")),
                    .p(
                        .class("hint"), .id("mitglieder-hinweis"),
                        .text("Gemeinden oder Kreise, je Zeile oder durch Kommas getrennt: Namen, AGS (8 Ziffern) oder Kreisschlüssel (5 Ziffern).")),
                    .textarea(
                        .id("mitglieder"), .name("mitglieder"), .rows(4), .required(true), .attribute(named: "maxlength", value: "10000"),
                        .attribute(named: "aria-describedby", value: "mitglieder-hinweis"), .text(check.members))),
                .optionalField("fuehrung", label: "Federführende Kommune (Name oder Schlüssel, optional)", value: check.lead, maxLength: 100),
                .optionalField("kosten", label: "Zuwendungsfähige Ausgaben in Euro (optional, für die Schätzung)", value: check.costs, maxLength: 15),
                .button(.type(.submit), .text("Prüfen"))
            ),
            .unwrap(result) { result in
                .div(
                    .attribute(named: "role", value: "status"),
                    .h3(.text("Ergebnis: \(result.verdict.label)")),
                    .p(.text("Geprüft für: " + checkedMembers.map(\.nameWithKind).joined(separator: ", "))),
                    .if(!result.missing.isEmpty, .group(.p(.strong(.text("Es fehlt noch:"))), .ul(.forEach(result.missing) { .li(.text($0)) }))),
                    .unwrap(result.estimate) { estimate in
                        .p(
                            .strong(.text("Geschätzte Förderung: ")),
                            .text(estimate.amount.map { "\(GermanFormat.integer(Int($0.rounded()))) € – " } ?? ""), .text(estimate.formula))
                    },
                    .ul(
                        .class("explanation"),
                        .forEach(result.results) { entry in
                            .li(.strong(.text(Self.outcomeLabel(entry.outcome) + ": ")), .text(entry.explanation))
                        }),
                    .unwrap(founding) { foundingSection($0) }
                )
            }
        )
    }

    private func foundingSection(_ founding: Founding) -> Node<HTML.BodyContext> {
        switch founding {
        case .signIn:
            return .p(
                .class("hint"), .a(.href("/anmelden"), .text("Melden Sie sich an")),
                .text(", um mit diesen Kommunen einen Verbund für dieses Programm zu gründen."))
        case .notAMember:
            return .p(.class("hint"), .text("Einen Verbund mit diesen Kommunen gründen bestätigte Mitglieder einer von ihnen."))
        case .form(let members, let leads, let lead, let name, let csrf):
            return .form(
                .class("stacked"), .safeAction("/foerderprogramme/\(programme.id)/verbund"), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("mitglieder"), .safeValue(members.joined(separator: ","))),
                .field("name", id: "verbund-name", label: "Name des neuen Verbunds", value: name, maxLength: VerbundProfileInput.maximumNameLength),
                leads.count == 1
                    ? .input(.type(.hidden), .name("fuehrung"), .safeValue(leads[0].key))
                    : .selectField(
                        "fuehrung", id: "verbund-fuehrung", label: "Federführende Kommune (Ihre Kommune)", options: leads.map { ($0.key, $0.name) },
                        selected: lead ?? leads[0].key),
                .p(
                    .class("hint"),
                    .text(
                        (leads.count == 1 ? "\(leads[0].name) führt den Verbund; " : "Ihre Kommune führt den Verbund; ")
                            + "die anderen Kommunen werden eingeladen, das Programm ist gewählt.")),
                .button(.type(.submit), .text("Verbund mit diesen Kommunen gründen"))
            )
        }
    }

    private func rulesSection() -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Maschinell geprüfte Regeln")),
            .if(rules?.rules.isEmpty ?? true, .p(.text("Für dieses Programm sind noch keine Regeln hinterlegt."))),
            .unwrap(rules.flatMap { $0.rules.isEmpty ? nil : $0 }) { rules in
                .scrollBox(
                    "Regeln mit ihrer Quelle",
                    .table(
                        .caption(.text("Regeln mit ihrer Quelle")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Was geprüft wird")),
                                .th(.attribute(named: "scope", value: "col"), .text("Quelle")))),
                        .tbody(
                            .forEach(rules.rules) { rule in
                                .tr(
                                    .td(.text(rule.topic)),
                                    .td(
                                        .a(
                                            .safeExternalHref(rule.source), .attribute(named: "rel", value: "nofollow noopener"),
                                            .text(Self.host(rule.source)))))
                            })
                    ))
            }
        )
    }

    static func host(_ url: String) -> String {
        URLComponentsHost.host(url)
    }

    static func outcomeLabel(_ outcome: RuleResult.Outcome) -> String {
        switch outcome {
        case .erfuellt: "erfüllt"
        case .nichtErfuellt: "nicht erfüllt"
        case .manuell: "von Hand prüfen"
        case .hinweis: "Hinweis"
        case .nichtAnwendbar: "nicht anwendbar"
        }
    }
}

enum URLComponentsHost {
    static func host(_ url: String) -> String {
        let afterScheme = url.components(separatedBy: "://").dropFirst().first ?? url
        return String(afterScheme.prefix { $0 != "/" })
    }
}
