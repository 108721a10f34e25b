import AufwindCore
import Foundation
import Plot

/// `/eintraege/{id}`: the item, its best partners with explanations, and "Interesse bekunden".
struct ItemPage: PageView {
    var id: String
    var input: CooperationItemInput
    var isDemo: Bool
    var townName: String
    var townPath: String
    var updatedAt: Date?
    var version: Int
    var canEdit: Bool
    /// Towns the viewer may express interest for (not the owner).
    var interestTowns: [(key: String, name: String)]
    /// Requests the viewer's towns already sent, by town name with their status.
    var sentRequests: [(town: String, status: String)]
    var cooperations: [(partner: String, partnerPath: String, threadPath: String?)]
    /// Verbünde founded on this item (name, path when the viewer may open it, status).
    var verbuende: [(name: String, path: String?, status: String)] = []
    /// Towns suggested as partners (e.g. interested towns of the event session the item came from).
    var suggestedPartners: [(name: String, path: String, source: String)] = []
    /// Answers of Anbieter (a Bedarf, for its town and for Anbieter members; nil for everybody else).
    var answers: NeedAnswersSection?
    /// Hidden by a moderation decision (the town's members still see it, as a draft).
    var hiddenByModeration = false
    /// The best partners and the fitting funding programmes, rendered (`ItemPartnerSections`, the
    /// same for every viewer of one audience and kept in `ItemPageSections`).
    var partnerSections: RenderedHTML
    var csrf: String?
    var signedIn: Bool
    var errors: [String] = []
    var title: String { input.title }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(input.title)),
            .p(
                .itemBadges(kind: input.kind, status: input.status, visibility: input.visibility, isDemo: isDemo, draft: !input.published),
                .text(" von "), .a(.safeHref(townPath), .text(townName))
            ),
            .if(
                isDemo,
                .p(.class("notice"), .text("Demo-Daten: Dieser Eintrag wurde für Vorführungen und Tests erzeugt und stammt nicht von der Kommune."))),
            .if(
                hiddenByModeration,
                .p(
                    .class("notice"),
                    .text(
                        "Von der Moderation verborgen: Dieser Eintrag ist nicht veröffentlicht. Die Begründung und den Einspruch finden Sie in der Benachrichtigung dazu."
                    ))),
            .formErrors(errors),
            .div(
                .class("profile"),
                .section(
                    .h2(.text("Beschreibung")),
                    .linkedText(input.description),
                    .dl(
                        .class("facts"),
                        .dt(.text("Handlungsfelder")), .dd(.text(input.handlungsfelder.map(\.label).joined(separator: ", "))),
                        .if(
                            !input.unterthemen.isEmpty,
                            .group(
                                .dt(.text("Unterthemen")),
                                .dd(.text(input.unterthemen.compactMap { Unterthema.find($0)?.label }.joined(separator: ", "))))),
                        .dt(.text("Partnersuche")), .dd(.text(input.reach.label)),
                        .dt(.text("Gewünschte Größe")),
                        .dd(.text(input.desiredSizes.isEmpty ? "alle Größen" : input.desiredSizes.map(\.label).joined(separator: ", "))),
                        .if(!input.timeFrame.isEmpty, .group(.dt(.text("Zeitrahmen")), .dd(.text(input.timeFrame)))),
                        .if(!input.contactPerson.isEmpty, .group(.dt(.text("Ansprechperson")), .dd(.text(input.contactPerson)))),
                        .unwrap(input.staff) { staff in
                            .group(
                                .dt(.text("Rolle")), .dd(.text(staff.role)),
                                .dt(.text("Umfang")),
                                .dd(.text("\(GermanFormat.count(staff.hoursPerWeek, "Stunde", "Stunden")) pro Woche, \(staff.duration)")),
                                .dt(.text("Form")), .dd(.text(staff.form.label)),
                                .if(!staff.costSplit.isEmpty, .group(.dt(.text("Kostenteilung")), .dd(.text(staff.costSplit))))
                            )
                        },
                        .dt(.text("Sichtbarkeit")), .dd(.text(input.visibility.label)),
                        .unwrap(updatedAt) { .group(.dt(.text("Zuletzt geändert")), .dd(.text(GermanFormat.dateTime($0)))) }
                    ),
                    .p(
                        .if(canEdit, .group(.a(.safeHref("/eintraege/\(id)/bearbeiten"), .text("Bearbeiten")), .text(" · "))),
                        .a(.safeHref("/eintraege/\(id)/verlauf"), .text("Änderungsverlauf (Version \(version))")),
                        .if(signedIn && input.published, .group(.text(" · "), .a(.safeHref("/meldungen/neu?art=eintrag&id=\(id)"), .text("Melden"))))
                    )
                ),
                contact()
            ),
            .unwrap(answers) { $0.node() },
            .rendered(partnerSections)
        )
    }

    private func contact() -> Node<HTML.BodyContext> {
        .section(
            .class("town-panel"),
            .h2(.text("Kooperation")),
            .if(cooperations.isEmpty, .p(.text("Noch keine Kooperation zu diesem Eintrag."))),
            .if(
                !cooperations.isEmpty,
                .ul(
                    .forEach(cooperations) { cooperation in
                        .li(
                            .text("Kooperation mit "), .a(.safeHref(cooperation.partnerPath), .text(cooperation.partner)),
                            .unwrap(cooperation.threadPath) { .group(.text(" · "), .a(.safeHref($0), .text("Nachrichten"))) }
                        )
                    })),
            .forEach(sentRequests) { .p(.text("Ihre Anfrage für \($0.town): \($0.status).")) },
            .if(
                canEdit && !suggestedPartners.isEmpty,
                .group(
                    .h3(.text("Vorgeschlagene Partner")),
                    .ul(.forEach(suggestedPartners) { .li(.a(.safeHref($0.path), .text($0.name)), .text(" – \($0.source)")) })
                )),
            .if(
                !verbuende.isEmpty,
                .group(
                    .h3(.text("Verbünde")),
                    .ul(
                        .forEach(verbuende) { verbund in
                            .li(
                                .unwrap(verbund.path) { .a(.safeHref($0), .text(verbund.name)) },
                                .if(verbund.path == nil, .text(verbund.name)),
                                .text(" (\(verbund.status))"))
                        })
                )),
            .if(
                canEdit && input.published,
                .unwrap(csrf) { csrf in
                    .form(
                        .class("inline"), .action("/verbuende"), .method(.post), .csrf(csrf),
                        .input(.type(.hidden), .name("eintrag"), .safeValue(id)),
                        .button(.type(.submit), .text("Verbund für Förderung gründen"))
                    )
                }),
            .if(
                input.published && !interestTowns.isEmpty,
                .unwrap(csrf) { csrf in
                    .form(
                        .class("stacked"), .safeAction("/eintraege/\(id)/interesse"), .method(.post),
                        .csrf(csrf),
                        .if(interestTowns.count == 1, .input(.type(.hidden), .name("kommune"), .safeValue(interestTowns.first?.key ?? ""))),
                        .if(
                            interestTowns.count > 1,
                            .div(
                                .class("field"),
                                .label(.for("kommune"), .text("Für welche Kommune?")),
                                .select(
                                    .id("kommune"), .attribute(named: "name", value: "kommune"),
                                    .forEach(interestTowns) { .choice(value: $0.key, label: $0.name, selected: false) })
                            )),
                        .div(
                            .class("field"),
                            .label(.for("nachricht"), .text("Ihre Nachricht an \(townName)")),
                            .textarea(
                                .id("nachricht"), .name("nachricht"), .rows(4), .required(true),
                                .safeAttribute("maxlength", String(ContactService.maximumMessageLength)), .text(""))
                        ),
                        .button(.type(.submit), .text("Interesse bekunden"))
                    )
                }),
            .if(!signedIn, .p(.a(.href("/anmelden"), .text("Melden Sie sich an")), .text(", um für Ihre Kommune Interesse zu bekunden.")))
        )
    }
}
