import AufwindCore
import Plot

/// `/` for visitors: what Aufwind is for, the one search box, how it works in four steps (each
/// leading to where it happens), live figures, the newest items and the next events.
struct StartPage: PageView {
    struct EventEntry {
        var path: String
        var title: String
        var when: String
        var place: String
        var organiser: String
    }

    struct Step {
        var icon: Icon
        var title: String
        var text: String
        var path: String
        var link: String
    }

    var figures: PlatformFigures
    var newestItems: [ItemListEntry]
    var nextEvents: [EventEntry]
    var title: String { "Kommunen arbeiten zusammen" }

    static let purpose =
        "Aufwind bringt kleine Städte und Gemeinden zusammen: Sie finden Partner, teilen Lösungen und Personal, "
        + "beantragen gemeinsam Förderung und treffen sich auf Veranstaltungen."

    static let steps: [Step] = [
        Step(
            icon: .partner, title: "Partner finden",
            text: "Kommunen gleicher Größe, Nachbarn und Kreise im amtlichen Gemeindeverzeichnis – mit allen, die schon auf Aufwind sind.",
            path: "/gemeinden", link: "Kommunen finden"),
        Step(
            icon: .share, title: "Lösungen und Personal teilen",
            text: "Vorhaben, Bedarfe, Angebote und Personal einstellen; passende Kommunen bekunden Interesse und kooperieren.",
            path: "/eintraege", link: "Einträge ansehen"),
        Step(
            icon: .funding, title: "Gemeinsam Förderung beantragen",
            text: "Förderprogramme für interkommunale Zusammenarbeit finden, die Förderfähigkeit prüfen und einen Verbund gründen.",
            path: "/foerderprogramme", link: "Förderprogramme ansehen"),
        Step(
            icon: .event, title: "Sich auf Veranstaltungen treffen",
            text: "Barcamps und Treffen: Themen vorschlagen, abstimmen, das Programm planen und 1:1-Gespräche vereinbaren.",
            path: "/veranstaltungen", link: "Veranstaltungen ansehen"),
    ]

    func content() -> Node<HTML.BodyContext> {
        .group(
            .section(
                .class("hero"), .attribute(named: "aria-labelledby", value: "start-titel"),
                .h1(.id("start-titel"), .text("Aufwind – gemeinsam mehr erreichen")),
                .p(.class("lead"), .text(Self.purpose)),
                .siteSearchForm(text: ""),
                .div(
                    .class("actions"),
                    .a(.class("button"), .href("/registrieren"), .text("Kostenlos registrieren")),
                    .a(.class("button secondary"), .href("/hilfe"), .text("So funktioniert Aufwind")))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "so-gehts"),
                .h2(.id("so-gehts"), .text("So funktioniert’s")),
                .ol(
                    .class("steps"),
                    .forEach(Self.steps) { step in
                        .li(
                            step.icon.node(),
                            .h3(.text(step.title)),
                            .p(.text(step.text)),
                            .a(.safeHref(step.path), .text(step.link)))
                    })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "zahlen"),
                .h2(.id("zahlen"), .text("Aufwind in Zahlen")),
                .ul(
                    .class("stats figures-row"),
                    figure(figures.towns, "Kommune auf Aufwind", "Kommunen auf Aufwind"),
                    figure(figures.items, "veröffentlichter Eintrag", "veröffentlichte Einträge"),
                    figure(figures.cooperations, "Kooperation", "Kooperationen"),
                    figure(figures.verbuende, "Verbund", "Verbünde"),
                    figure(figures.upcomingEvents, "anstehende Veranstaltung", "anstehende Veranstaltungen")
                )
            ),
            .div(
                .class("start-columns"),
                .section(
                    .attribute(named: "aria-labelledby", value: "neueste"),
                    .h2(.id("neueste"), .class("heading-with-icon"), Icon.item.node(), .text("Neueste Einträge")),
                    newestItems.isEmpty
                        ? .p(.text("Noch keine öffentlichen Einträge."))
                        : .ul(.class("results"), .forEach(newestItems) { .li($0.node()) }),
                    .p(.a(.href("/eintraege"), .text("Alle Einträge")))
                ),
                .section(
                    .attribute(named: "aria-labelledby", value: "naechste"),
                    .h2(.id("naechste"), .class("heading-with-icon"), Icon.event.node(), .text("Nächste Veranstaltungen")),
                    nextEvents.isEmpty
                        ? .p(.text("Keine anstehenden Veranstaltungen."))
                        : .ul(
                            .class("results"),
                            .forEach(nextEvents) { event in
                                .li(
                                    .div(.class("name"), .a(.safeHref(event.path), .text(event.title))),
                                    .div(
                                        .class("meta"),
                                        .text([event.when, event.place.isEmpty ? "online" : event.place, event.organiser].joined(separator: " · "))))
                            }),
                    .p(.a(.href("/veranstaltungen"), .text("Alle Veranstaltungen")))
                )
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "verzeichnis"),
                .h2(.id("verzeichnis"), .class("heading-with-icon"), Icon.town.node(), .text("Alle Kommunen Deutschlands")),
                .p(
                    .text(
                        "Das Verzeichnis aller Gemeinden und Kreise aus dem amtlichen Gemeindeverzeichnis: Einwohner, Fläche, Nachbarn und "
                            + "Kommunen gleicher Größe.")),
                .ul(
                    .class("inline-list"),
                    .li(.a(.href("/gemeinden"), .text("Gemeinden"))), .li(.a(.href("/kreise"), .text("Kreise"))),
                    .li(.a(.href("/laender"), .text("Länder"))),
                    .forEach(Groessenklasse.allCases) { klasse in
                        .li(.a(.safeHref("/gemeinden?groesse=\(klasse.rawValue)&sort=-einwohner"), .text(klasse.label)))
                    })
            )
        )
    }

    private func figure(_ value: Int, _ singular: String, _ plural: String) -> Node<HTML.ListContext> {
        .li(.strong(.text(GermanFormat.integer(value))), .text(value == 1 ? singular : plural))
    }
}

extension Node where Context == HTML.BodyContext {
    /// The one search box for towns and items (start page and `/suche`): a plain GET form.
    static func siteSearchForm(text: String) -> Node {
        .form(
            .class("search"), .action("/suche"), .method(.get), .attribute(named: "role", value: "search"),
            .div(
                .class("field"),
                .label(.for("q"), .text("Kommune oder Eintrag suchen")),
                .input(
                    .type(.search), .id("q"), .name("q"), .safeValue(text), .placeholder("z. B. Ahlen, Bauhof, Kreis Warendorf"),
                    .autocomplete(false), .attribute(named: "maxlength", value: "200"))
            ),
            .button(.type(.submit), Icon.search.node(), .text("Suchen"))
        )
    }
}
