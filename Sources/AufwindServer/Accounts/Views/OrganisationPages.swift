import AufwindCore
import Foundation
import Plot

/// `/organisationen`: confirmed Anbieter and Veranstalter.
struct OrganisationListPage: PageView {
    struct Entry {
        var id: UUID
        var name: String
        var kind: String
        var description: String
    }
    var organisations: [Entry]
    var canCreate: Bool
    /// Only Anbieter or only Veranstalter (`?art=`); nil: both.
    var kind: OrganisationModel.Kind?
    var title: String {
        switch kind {
        case .anbieter: "Anbieter"
        case .veranstalter: "Veranstalter"
        case nil: "Anbieter und Veranstalter"
        }
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .nav(
                .class("filter"), .ariaLabel("Art der Organisation"),
                .ul(
                    .class("inline-list"),
                    .li(.a(.href("/organisationen"), .if(kind == nil, .attribute(named: "aria-current", value: "page")), .text("Alle"))),
                    .li(
                        .a(
                            .href("/organisationen?art=anbieter"), .if(kind == .anbieter, .attribute(named: "aria-current", value: "page")),
                            .text("Anbieter"))),
                    .li(
                        .a(
                            .href("/organisationen?art=veranstalter"), .if(kind == .veranstalter, .attribute(named: "aria-current", value: "page")),
                            .text("Veranstalter"))))),
            .if(canCreate, .p(.a(.href("/organisationen/neu"), .text("Organisation anlegen")))),
            .if(organisations.isEmpty, .p(.text("Noch keine bestätigten Organisationen."))),
            .ul(
                .class("results"),
                .forEach(organisations) { entry in
                    .li(
                        .div(.class("name"), .a(.safeHref("/organisationen/\(entry.id.uuidString)"), .text(entry.name))),
                        .div(.class("meta"), .text(entry.kind)),
                        .if(!entry.description.isEmpty, .p(.text(String(entry.description.prefix(200)))))
                    )
                })
        )
    }
}

/// `/organisationen/neu`
struct OrganisationFormPage: PageView {
    var csrf: String
    var kind = "", name = "", website = "", description = ""
    var errors: [String] = []
    var title: String { "Organisation anlegen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Startups, Dienstleister und Veranstalter legen hier ihre Organisation an. Die Plattform-Administration bestätigt sie, "
                        + "danach ist sie öffentlich sichtbar und Sie verwalten ihre Mitglieder.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/organisationen/neu"), .method(.post), .csrf(csrf),
                .div(
                    .class("field"),
                    .label(.for("art"), .text("Art")),
                    .select(
                        .id("art"), .attribute(named: "name", value: "art"),
                        .choice(value: "anbieter", label: "Anbieter (Startup, Dienstleister)", selected: kind != "veranstalter"),
                        .choice(value: "veranstalter", label: "Veranstalter", selected: kind == "veranstalter")
                    )
                ),
                .field("name", label: "Name", value: name, maxLength: 120),
                .optionalField("website", label: "Website", type: .url, value: website, maxLength: 200),
                .div(
                    .class("field"),
                    .label(.for("beschreibung"), .text("Beschreibung")),
                    .textarea(.id("beschreibung"), .name("beschreibung"), .rows(5), .attribute(named: "maxlength", value: "2000"), .text(description))
                ),
                .button(.type(.submit), .text("Anlegen"))
            )
        )
    }
}

/// `/organisationen/{id}`
struct OrganisationPage: PageView {
    var id: String
    var name: String
    var kind: String
    var website: String
    var description: String
    var confirmed: Bool
    var memberCount: Int
    var canJoin: Bool
    var canViewMembers: Bool
    var csrf: String
    var title: String { name }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(name)),
            .p(.span(.class("badge"), .text(kind)), .if(!confirmed, .span(.class("badge historical"), .text("wartet auf Bestätigung")))),
            .if(!description.isEmpty, .p(.text(description))),
            .if(!website.isEmpty, .p(.a(.safeExternalHref(website), .attribute(named: "rel", value: "nofollow noopener"), .text(website)))),
            .p(.text(GermanFormat.count(memberCount, "Mitglied", "Mitglieder"))),
            .if(canViewMembers, .p(.a(.safeHref("/organisationen/\(id)/mitglieder"), .text("Mitglieder")))),
            .if(
                canJoin,
                .form(.safeAction("/organisationen/\(id)/beitreten"), .method(.post), .csrf(csrf), .button(.type(.submit), .text("Mitglied werden"))))
        )
    }
}
