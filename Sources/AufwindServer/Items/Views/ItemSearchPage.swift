import AufwindCore
import Plot

/// `/eintraege`: full-text search over published items with filters and pages.
struct ItemSearchPage: PageView {
    var form: ItemSearchForm
    var result: ItemSearchResult
    var entries: [ItemListEntry]
    var laender: [Gebietseinheit]
    var canCreate: Bool
    var errors: [String] = []
    var title: String { form.text.isEmpty ? "Vorhaben, Bedarfe und Angebote" : "Einträge zu „\(form.text)“" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text("Vorhaben, Bedarfe und Angebote")),
            .p(
                .text("Was Kommunen planen, suchen und teilen. "),
                .if(canCreate, .a(.href("/eintraege/neu"), .text("Neuen Eintrag anlegen"))),
                .if(!canCreate, .text("Einträge legen bestätigte Mitglieder einer Kommune an."))),
            .formErrors(errors),
            .form(
                .class("search"), .action("/eintraege"), .method(.get), .attribute(named: "role", value: "search"),
                .div(
                    .class("field"), .label(.for("q"), .text("Suchbegriffe")),
                    .input(.type(.search), .id("q"), .name("q"), .safeValue(form.text), .attribute(named: "maxlength", value: "200"))),
                select("art", "Art", ItemKind.allCases.map { ($0.rawValue, $0.label) }, form.kind),
                select("handlungsfeld", "Handlungsfeld", Handlungsfeld.allCases.map { ($0.rawValue, $0.label) }, form.feld),
                select("land", "Land", laender.map { ($0.key, $0.name) }, form.land),
                select("groesse", "Größe der Kommune", Groessenklasse.allCases.map { ($0.rawValue, $0.label) }, form.groesse),
                select("status", "Stand (Vorhaben)", ItemStatus.allCases.map { ($0.rawValue, $0.label) }, form.status),
                select("reichweite", "Partnersuche", Reach.allCases.map { ($0.rawValue, $0.label) }, form.reach),
                .button(.type(.submit), .text("Suchen"))
            ),
            results(),
            .h2(.text("Feeds")),
            .p(
                .text(
                    "Neue öffentliche Einträge zum Abonnieren, je Handlungsfeld: als Atom-Feed, den Feedreader und Outlook lesen und der neue Einträge von selbst meldet (Feeds je Kreis und Land stehen auf deren Seiten):"
                )),
            .ul(
                .class("columns"),
                .forEach(Handlungsfeld.allCases) { field in
                    .li(
                        .a(
                            .safeHref("/feeds/handlungsfelder/\(field.rawValue)"), .attribute(named: "type", value: "application/atom+xml"),
                            .text(field.label)))
                })
        )
    }

    private func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.safeFor(name), .text(label)),
            .select(
                .safeID(name), .safeAttribute("name", name),
                .choice(value: "", label: "alle", selected: selected.isEmpty),
                .forEach(options) { .choice(value: $0.0, label: $0.1, selected: $0.0 == selected) })
        )
    }

    private func results() -> Node<HTML.BodyContext> {
        if result.coverage == .tooGeneral {
            return .p(
                .attribute(named: "role", value: "status"),
                .text(
                    "Ihre Suche enthält nur sehr allgemeine Wörter (etwa „und“ oder „Kommune“), nach denen nicht gesucht wird. "
                        + "Bitte geben Sie genauere Begriffe ein."))
        }
        return .group(
            .if(
                result.coverage == .someWords,
                .group(
                    .h2(.id("teiltreffer"), .text("Ergebnisse mit einem Teil Ihrer Suchbegriffe")),
                    .p(
                        .text("Kein Eintrag enthält alle Ihre Suchbegriffe zusammen; hier stehen die Einträge mit den meisten davon."),
                        .if(!result.unmatchedWords.isEmpty, .text(" Nicht gefunden: \(quotedList(result.unmatchedWords)).")))
                )),
            .unwrap(result.suggestion) { suggestion in
                .p(
                    .class("suggestion"), .text("Meinten Sie „"), .a(.safeHref(form.url(text: suggestion)), .text(suggestion)),
                    .text("“?"))
            },
            matches()
        )
    }

    private func quotedList(_ words: [String]) -> String {
        words.map { "„\($0)“" }.joined(separator: ", ")
    }

    private func matches() -> Node<HTML.BodyContext> {
        guard result.total > 0 else {
            return .p(
                .attribute(named: "role", value: "status"), .text("Keine Einträge gefunden. Versuchen Sie andere Begriffe oder weniger Filter."))
        }
        let first = (result.page - 1) * result.pageSize + 1
        let last = min(result.total, first + entries.count - 1)
        return .group(
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    entries.isEmpty
                        ? "\(GermanFormat.count(result.total, "Eintrag", "Einträge")) gefunden; diese Seite gibt es nicht."
                        : "\(GermanFormat.count(result.total, "Eintrag", "Einträge")) gefunden, \(GermanFormat.integer(first))–\(GermanFormat.integer(last)) angezeigt."
                )),
            .ul(.class("results"), .forEach(entries) { .li($0.node()) }),
            .if(
                result.pageCount > 1,
                .nav(
                    .class("pagination"), .ariaLabel("Seiten"),
                    .if(
                        result.page > 1,
                        .a(.safeHref(form.url(page: result.page - 1)), .attribute(named: "rel", value: "prev"), .text("← vorherige Seite"))),
                    .span(.text("Seite \(result.page) von \(GermanFormat.integer(result.pageCount))")),
                    .if(
                        result.page < result.pageCount,
                        .a(.safeHref(form.url(page: result.page + 1)), .attribute(named: "rel", value: "next"), .text("nächste Seite →")))
                ))
        )
    }
}

/// The search parameters as typed, and their checked query.
struct ItemSearchForm {
    var text = "", kind = "", feld = "", land = "", groesse = "", status = "", reach = ""
    var page = 1

    /// The core query, or German messages for values that are not allowed.
    func query(publicOnly: Bool, pageSize: Int = 20) -> Result<ItemSearchQuery, ValidationMessages> {
        var errors: [ValidationMessage] = []
        func parse<T: RawRepresentable>(_ value: String, _ type: T.Type, _ name: String) -> T? where T.RawValue == String {
            guard !value.isEmpty else { return nil }
            guard let parsed = T(rawValue: value) else {
                errors.append("Unbekannter Wert „\(value)“ für „\(name)“.")
                return nil
            }
            return parsed
        }
        let kind = parse(kind, ItemKind.self, "Art")
        let feld = parse(feld, Handlungsfeld.self, "Handlungsfeld")
        let groesse = parse(groesse, Groessenklasse.self, "Größe")
        let status = parse(status, ItemStatus.self, "Stand")
        let reach = parse(reach, Reach.self, "Partnersuche")
        if !land.isEmpty && (land.count != 2 || !land.allSatisfy(\.isASCII) || !land.allSatisfy(\.isNumber)) {
            errors.append("„\(land)“ ist kein Landesschlüssel (zwei Ziffern, z. B. 05).")
        }
        if text.unicodeScalars.count > 200 { errors.append("Der Suchtext darf höchstens 200 Zeichen lang sein.") }
        if page < 1 || page > 10_000 { errors.append("Die Seite muss zwischen 1 und 10.000 liegen.") }
        guard errors.isEmpty else { return .failure(ValidationMessages(messages: errors)) }
        return .success(
            ItemSearchQuery(
                text: text, kind: kind, feld: feld, land: land.isEmpty ? nil : land, groesse: groesse, status: status, reach: reach,
                publicOnly: publicOnly, page: page, pageSize: pageSize))
    }

    /// The same search with another text (the corrected one of "Meinten Sie …?"), first page.
    func url(text: String) -> String {
        var form = self
        form.text = text
        return form.url(page: 1)
    }

    func url(page: Int) -> String {
        var parts: [(String, String)] = [
            ("q", text), ("art", kind), ("handlungsfeld", feld), ("land", land), ("groesse", groesse),
            ("status", status), ("reichweite", reach),
        ].filter { !$0.1.isEmpty }
        if page > 1 { parts.append(("seite", String(page))) }
        let query = parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return query.isEmpty ? "/eintraege" : "/eintraege?\(query)"
    }
}
