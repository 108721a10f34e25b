import AufwindCore
import Foundation
import Plot

/// `/mein-aufwind`: the signed-in start page. What waits for the person comes first, then their
/// towns and organisations, items, cooperations, Verbünde and events; a new account sees the next
/// steps instead of empty lists.
struct HomePage: PageView {
    var userName: String
    var dashboard: HomeDashboard
    /// Platform admins see their own tasks; without a town of their own, no "join your town".
    var isPlatformAdmin = false
    var title: String { "Mein Aufwind" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.class("lead"), .text("Willkommen, \(userName).")),
            waiting(),
            .if(isPlatformAdmin, administration()),
            .if(!dashboard.nextSteps.isComplete && !(isPlatformAdmin && dashboard.places.isEmpty), nextSteps()),
            places(),
            items(),
            cooperations(),
            verbuende(),
            events()
        )
    }

    private func waiting() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "wartet"),
            .h2(.id("wartet"), .text("Wartet auf Sie")),
            dashboard.tasks.isEmpty
                ? .p(.text("Im Moment wartet nichts auf Ihre Entscheidung."))
                : .ul(
                    .class("results"),
                    .forEach(dashboard.tasks) { task in
                        .li(
                            .a(.safeHref(task.path), .text(task.text)),
                            .unwrap(task.date) { .div(.class("meta"), .text("seit \(GermanFormat.dateTime($0))")) })
                    }),
            .if(
                !dashboard.sent.isEmpty,
                .group(
                    .h3(.text("Gesendet, wartet auf Antwort")),
                    .ul(
                        .class("results"),
                        .forEach(dashboard.sent) { task in
                            .li(
                                .a(.safeHref(task.path), .text(task.text)),
                                .unwrap(task.date) { .div(.class("meta"), .text("gesendet \(GermanFormat.dateTime($0))")) })
                        }))),
            .p(
                .a(
                    .href("/benachrichtigungen"),
                    .text(
                        dashboard.unreadNotifications == 0
                            ? "Benachrichtigungen (keine ungelesenen)"
                            : "Benachrichtigungen (\(dashboard.unreadNotifications) ungelesen)")))
        )
    }

    private func administration() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "verwaltung"),
            .h2(.id("verwaltung"), .text("Plattform verwalten")),
            .ul(
                .class("inline-list"),
                .li(.a(.href("/admin/warteschlange"), .text("Warteschlange der Plattform"))),
                .li(.a(.href("/foerderprogramme/neu"), .text("Förderprogramm anlegen"))),
                .li(.a(.href("/dev/mails"), .text("Postausgang")))
            )
        )
    }

    private func nextSteps() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "schritte"),
            .h2(.id("schritte"), .text("Nächste Schritte")),
            .ol(
                .forEach(dashboard.nextSteps.facts) { fact in
                    .li(
                        .strong(.text(fact.step.title)),
                        .text(fact.done ? " – erledigt" : ""),
                        .if(
                            fact.step == .joinTown && !fact.done && dashboard.nextSteps.hasRequestedMembership,
                            .text(" – Ihre Anfrage wartet auf Bestätigung")),
                        .p(.class("hint"), .text(fact.step.explanation)),
                        .if(!fact.done && fact.step == dashboard.nextSteps.current, action(for: fact.step))
                    )
                })
        )
    }

    private func action(for step: NextSteps.Step) -> Node<HTML.BodyContext> {
        switch step {
        case .joinTown:
            .p(.a(.href("/konto/organisationen"), .text("Mitgliedschaft beantragen")))
        case .publishItem:
            .p(.a(.href("/eintraege/neu"), .text("Eintrag anlegen")))
        case .lookAtPartners:
            .p(.a(.safeHref(dashboard.items.first.map { "\($0.path)/partner" } ?? "/eintraege"), .text("Partner ansehen")))
        }
    }

    private func places() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "kommunen"),
            .h2(.id("kommunen"), .text("Ihre Kommunen und Organisationen")),
            dashboard.places.isEmpty && dashboard.pendingMemberships.isEmpty
                ? .p(
                    .text("Sie sind noch bei keiner Kommune oder Organisation Mitglied."), .text(" "),
                    .a(.href("/konto/organisationen"), .text(isPlatformAdmin ? "Einer Kommune beitreten" : "Mitgliedschaft beantragen")))
                : .ul(
                    .class("results"),
                    .forEach(dashboard.places) { place in
                        .li(
                            .div(.class("name"), .a(.safeHref(place.path), .text(place.name)), .text(" "), .span(.class("badge"), .text(place.role))),
                            .ul(.class("inline-list"), .forEach(place.links) { link in .li(.a(.safeHref(link.path), .text(link.label))) }))
                    }),
            .if(
                !dashboard.pendingMemberships.isEmpty,
                .p(.class("meta"), .text("Wartet auf Bestätigung: \(dashboard.pendingMemberships.joined(separator: ", "))")))
        )
    }

    private func items() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "eintraege"),
            .h2(.id("eintraege"), .text("Unsere Einträge")),
            newMatches(),
            dashboard.items.isEmpty
                ? .p(.text("Noch keine Einträge."))
                : .ul(
                    .class("results"),
                    .forEach(dashboard.items) { item in
                        .li(
                            .div(.class("name"), .a(.safeHref(item.path), .text(item.title))),
                            .div(
                                .class("meta"),
                                .text("\(item.kind) · \(item.town) · \(item.published ? "veröffentlicht" : "Entwurf")"),
                                .if(item.published, .group(.text(" · "), .a(.safeHref("\(item.path)/partner"), .text("Passende Partner")))))
                        )
                    }),
            .if(!dashboard.places.isEmpty, .p(.a(.href("/eintraege/neu"), .text("Neuen Eintrag anlegen"))))
        )
    }

    /// Our items that found new partners since the previous visit (none on the first visit).
    private func newMatches() -> Node<HTML.BodyContext> {
        guard let previous = dashboard.previousVisit, !dashboard.newMatches.isEmpty else { return .empty }
        return .div(
            .class("card"),
            .h3(.text("Neue passende Partner seit Ihrem letzten Besuch (\(GermanFormat.dateTime(previous)))")),
            .ul(
                .forEach(dashboard.newMatches) { match in
                    .li(
                        .a(.safeHref(match.path), .text("„\(match.title)“")),
                        .text(": \(match.count == 1 ? "1 neuer passender Eintrag" : "\(match.count) neue passende Einträge")"))
                }))
    }

    private func cooperations() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "kooperationen"),
            .h2(.id("kooperationen"), .text("Unsere Kooperationen")),
            dashboard.cooperations.isEmpty
                ? .p(
                    .text("Noch keine Kooperationen. Eine Kooperation entsteht, wenn eine Kommune Ihre Interessenbekundung annimmt (oder Sie ihre).")
                )
                : .group(
                    MyCooperationsPage.list(Array(dashboard.cooperations.prefix(HomeDashboard.listLimit))),
                    .if(
                        dashboard.cooperations.count > HomeDashboard.listLimit,
                        .p(.a(.href("/kooperationen"), .text("Alle \(dashboard.cooperations.count) Kooperationen"))))),
            .p(.a(.href("/kooperationen"), .text("Meine Kooperationen")))
        )
    }

    private func verbuende() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "verbuende"),
            .h2(.id("verbuende"), .text("Unsere Verbünde")),
            dashboard.verbuende.isEmpty
                ? .p(
                    .text(
                        "Noch in keinem Verbund. Einen Verbund gründen Sie auf der Seite eines Eintrags oder bei der Prüfung eines Förderprogramms."))
                : MyVerbuendePage.list(dashboard.verbuende),
            .p(.a(.href("/verbuende"), .text("Meine Verbünde")))
        )
    }

    private func events() -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "veranstaltungen"),
            .h2(.id("veranstaltungen"), .text("Unsere Veranstaltungen")),
            dashboard.events.isEmpty
                ? .p(.text("Keine Veranstaltungen."), .text(" "), .a(.href("/veranstaltungen"), .text("Veranstaltungen ansehen")))
                : .ul(
                    .class("results"),
                    .forEach(dashboard.events) { event in
                        .li(
                            .div(.class("name"), .a(.safeHref(event.path), .text(event.title))),
                            .div(.class("meta"), .text("\(event.when) · \(event.why)")))
                    })
        )
    }
}
