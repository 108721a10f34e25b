import Plot

/// The main navigation: at most seven entries in a row; what does not fit is grouped under a
/// disclosure (`<details>`, no script). On a phone (below 40rem) the same entries form one
/// "Menü" that opens downwards.
struct LayoutNavigation {
    struct Link {
        var path: String
        var label: String
    }

    enum Entry {
        case link(Link)
        /// A labelled group: opens as a small menu on wide screens, a section on phones.
        case group(label: String, links: [Link])
    }

    /// The most entries the row shows (a group counts as one).
    static let maximumEntries = 7

    var entries: [Entry]
    var currentPath: String

    /// For visitors: the four areas, "Mehr" (Lösungen, register, Anbieter, Veranstalter, sources), and the
    /// way in. Signed in: the four areas, "Mehr", notifications and the person's own group.
    init(currentPath: String, signedIn: Bool, isPlatformAdmin: Bool, notificationsLabel: String) {
        self.currentPath = currentPath
        let areas: [Entry] = [
            .link(Link(path: "/gemeinden", label: "Gemeinden")), .link(Link(path: "/eintraege", label: "Einträge")),
            .link(Link(path: "/foerderprogramme", label: "Förderung")), .link(Link(path: "/veranstaltungen", label: "Veranstaltungen")),
            .group(
                label: "Mehr",
                links: [
                    Link(path: "/loesungen", label: "Lösungen"), Link(path: "/kreise", label: "Kreise"),
                    Link(path: "/laender", label: "Länder"), Link(path: "/organisationen?art=anbieter", label: "Anbieter"),
                    Link(path: "/organisationen?art=veranstalter", label: "Veranstalter"),
                    Link(path: "/hilfe", label: "Hilfe"), Link(path: "/quellen", label: "Quellen & Lizenzen"),
                ]),
        ]
        if signedIn {
            entries =
                areas + [
                    .link(Link(path: "/benachrichtigungen", label: notificationsLabel)),
                    .group(
                        label: "Mein Bereich",
                        links: [
                            Link(path: "/mein-aufwind", label: "Mein Aufwind"), Link(path: "/anfragen", label: "Anfragen"),
                            Link(path: "/kooperationen", label: "Kooperationen"), Link(path: "/verbuende", label: "Verbünde"),
                            Link(path: "/loesungen/referenzen", label: "Referenzen"), Link(path: "/antworten", label: "Antworten"),
                            Link(path: "/konto", label: "Mein Konto"),
                        ] + (isPlatformAdmin ? [Link(path: "/admin/warteschlange", label: "Verwaltung")] : [])),
                ]
        } else {
            entries = areas + [.link(Link(path: "/anmelden", label: "Anmelden")), .link(Link(path: "/registrieren", label: "Registrieren"))]
        }
    }

    /// Whether `link` is the page shown (or the section it belongs to). A link with a query
    /// (a filtered list) is current only on exactly that list.
    func isCurrent(_ link: Link) -> Bool {
        link.path.contains("?") ? false : currentPath == link.path || currentPath.hasPrefix(link.path + "/")
    }

    /// The links that are current on the page (a section and a page in it can both be).
    var currentLinks: [Link] {
        entries.flatMap { entry -> [Link] in
            switch entry {
            case .link(let link): [link]
            case .group(_, let links): links
            }
        }.filter(isCurrent)
    }

    private func link(_ link: Link, class className: String? = nil) -> Node<HTML.ListContext> {
        .li(
            .a(
                .safeHref(link.path), .unwrap(className) { .safeClass($0) }, .text(link.label),
                .if(isCurrent(link), .attribute(named: "aria-current", value: "page"))))
    }

    /// The row for wide screens.
    func wide() -> Node<HTML.BodyContext> {
        .nav(
            .class("nav-wide"), .ariaLabel("Hauptnavigation"),
            .ul(
                .class("nav-list"),
                .forEach(entries) { entry in
                    switch entry {
                    case .link(let item): link(item, class: item.path == "/registrieren" ? "nav-cta" : nil)
                    case .group(let label, let links):
                        .li(
                            .class("nav-group"),
                            .element(
                                named: "details",
                                nodes: [
                                    .element(
                                        named: "summary",
                                        nodes: [
                                            .if(links.contains(where: isCurrent), .class("current")), .text(label),
                                        ]),
                                    .ul(.forEach(links) { link($0) }),
                                ]))
                    }
                }))
    }

    /// The menu for phones: one disclosure with every entry, groups as labelled sections.
    func phone(summary: String) -> Node<HTML.BodyContext> {
        .element(
            named: "details",
            nodes: [
                .class("nav-phone"),
                .element(named: "summary", nodes: [.text(summary)]),
                .nav(
                    .ariaLabel("Hauptnavigation"),
                    .ul(
                        .class("nav-menu"),
                        .forEach(entries) { entry in
                            switch entry {
                            case .link(let item): link(item)
                            case .group(let label, let links):
                                .li(.span(.class("nav-heading"), .text(label)), .ul(.forEach(links) { link($0) }))
                            }
                        })),
            ])
    }
}
