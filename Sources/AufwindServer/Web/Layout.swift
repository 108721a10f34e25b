import Plot

/// The one layout of the site: skip link, header with navigation, main, footer with sources.
struct Layout {
    var page: any PageView
    var currentPath: String
    var notice: String?
    /// What the form the visitor just sent did (`SuccessNotice`).
    var success: String?
    var signedIn = false
    /// Platform admins get "Verwaltung" (the platform's queue) in the navigation.
    var isPlatformAdmin = false
    /// Unread notifications of the signed-in person, shown in the navigation.
    var unreadNotifications = 0
    /// For platform admins while the operator's details are missing ("Testbetrieb").
    var operatorWarning: String?

    static let attribution =
        "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys (GV100AD, Gebietsstand 30.11.2025; Auszug 31.12.2024), Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0); Koordinaten und Kreisgrenzen: © GeoBasis-DE / BKG (Daten verändert). Eigene Aufbereitung."

    /// The legal and help pages, linked in the footer of every page.
    static let legalLinks: [(path: String, label: String)] = [
        ("/impressum", "Impressum"), ("/datenschutz", "Datenschutz"), ("/barrierefreiheit", "Barrierefreiheit"),
        ("/nutzungsbedingungen", "Nutzungsbedingungen"), ("/kontakt", "Kontakt"), ("/hilfe", "Hilfe"),
    ]

    /// The `<head>` of every page (also of pages outside the layout, like the stage view).
    static func head(title: String, _ extra: Node<HTML.HeadContext> = .empty) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .element(named: "title", nodes: [.text("\(title) – Aufwind")]),
            .link(.rel(.stylesheet), .safeHref(SiteAsset.stylesheet.path)),
            .link(.rel(.icon), .safeHref(SiteAsset.favicon.path), .attribute(named: "type", value: "image/svg+xml")),
            extra
        )
    }

    /// "Benachrichtigungen (3 neu)" while some are unread.
    var notificationsLabel: String {
        unreadNotifications > 0 ? "Benachrichtigungen (\(unreadNotifications) neu)" : "Benachrichtigungen"
    }

    var navigation: LayoutNavigation {
        LayoutNavigation(currentPath: currentPath, signedIn: signedIn, isPlatformAdmin: isPlatformAdmin, notificationsLabel: notificationsLabel)
    }

    /// What the operator, the register or the form just sent has to say, above the page's content.
    func notices() -> [Node<HTML.BodyContext>] {
        [
            .unwrap(operatorWarning) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .unwrap(notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .unwrap(success) { .div(.class("success"), .attribute(named: "role", value: "status"), .p(.text($0))) },
        ]
    }

    /// The whole document, rendered by Plot (pages answer with `render(with:)`, which keeps the parts
    /// around the page).
    func html() -> HTML {
        HTML(
            .lang(.german),
            Self.head(title: page.title),
            .body(
                .a(.class("skip-link"), .href("#inhalt"), .text("Zum Inhalt springen")),
                .header(
                    .class("site-header"),
                    .div(
                        .class("site-header-inner"),
                        Self.brand(home: signedIn ? "/mein-aufwind" : "/"),
                        navigation.wide(),
                        navigation.phone(summary: unreadNotifications > 0 ? "Menü (\(unreadNotifications) neu)" : "Menü")
                    )
                ),
                .main(
                    .id("inhalt"),
                    .group(notices()),
                    page.content()
                ),
                .footer(
                    .class("site-footer"),
                    .p(
                        .class("footer-brand"), Self.logoMark(),
                        .text(" Aufwind – Kommunen finden Partner, teilen Lösungen und Personal, beantragen gemeinsam Förderung.")),
                    .nav(
                        .ariaLabel("Rechtliches und Hilfe"),
                        .ul(.class("inline-list"), .forEach(Self.legalLinks) { .li(.a(.safeHref($0.path), .text($0.label))) })),
                    .p(.text(Self.attribution)),
                    .p(.a(.href("/quellen"), .text("Quellen & Lizenzen")))
                )
            )
        )
    }
}
