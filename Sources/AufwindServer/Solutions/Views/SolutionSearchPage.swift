import AufwindCore
import Foundation
import Plot

/// `/loesungen`: search and filter solutions; with a town, ordered by their nearest confirmed user.
struct SolutionSearchPage: PageView {
    var form: SolutionSearchForm
    var entries: [SolutionListEntry]
    var total: Int
    var pageSize: Int
    var origin: String?
    var originChoices: [TownChoice] = []
    var canCreate: Bool
    var errors: [String] = []
    var title: String { form.text.isEmpty ? "Lösungen" : "Lösungen zu „\(form.text)“" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text("Lösungen und Nachnutzung")),
            .p(
                .text(
                    "Was Anbieter und Kommunen anbieten – und welche Kommunen es wirklich nutzen, von ihnen selbst bestätigt. "),
                .if(canCreate, .a(.href("/loesungen/neu"), .text("Lösung veröffentlichen"))),
                .if(!canCreate, .text("Lösungen veröffentlichen Mitglieder bestätigter Anbieter und Kommunen."))),
            .formErrors(errors),
            .form(
                .class("search"), .action("/loesungen"), .method(.get), .attribute(named: "role", value: "search"),
                .div(
                    .class("field"), .label(.for("q"), .text("Suchbegriffe")),
                    .input(.type(.search), .id("q"), .name("q"), .safeValue(form.text), .attribute(named: "maxlength", value: "200"))),
                select("handlungsfeld", "Handlungsfeld", Handlungsfeld.allCases.map { ($0.rawValue, $0.label) }, form.feld),
                select("lizenz", "Lizenz", SolutionLicence.allCases.map { ($0.rawValue, $0.label) }, form.licence),
                select("betrieb", "Betrieb", SolutionOperation.allCases.map { ($0.rawValue, $0.shortLabel) }, form.operation),
                select("eu", "Hosting in der EU", [("ja", "ja"), ("nein", "nein")], form.eu),
                .div(
                    .class("field"), .label(.for("nahe"), .text("In der Nähe von (Kommune)")),
                    .input(.type(.text), .id("nahe"), .name("nahe"), .safeValue(form.near), .attribute(named: "maxlength", value: "100"))),
                .if(
                    !originChoices.isEmpty,
                    .fieldset(.element(named: "legend", text: "Welche Kommune meinen Sie?"), .forEach(originChoices) { .townChoice($0, chosen: nil) })
                ),
                .button(.type(.submit), .text("Suchen"))
            ),
            .unwrap(origin) { .p(.text("Geordnet nach der Entfernung der nächsten bestätigten Nutzerin von \($0).")) },
            results()
        )
    }

    private func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String) -> Node<HTML.FormContext> {
        .selectField(name, label: label, options: [("", "alle")] + options.map { ($0.0, $0.1) }, selected: selected)
    }

    private var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    private func results() -> Node<HTML.BodyContext> {
        guard total > 0 else {
            return .p(
                .attribute(named: "role", value: "status"), .text("Keine Lösungen gefunden. Versuchen Sie andere Begriffe oder weniger Filter."))
        }
        let first = (form.page - 1) * pageSize + 1
        return .group(
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    entries.isEmpty
                        ? "\(GermanFormat.count(total, "Lösung", "Lösungen")) gefunden; diese Seite gibt es nicht."
                        : "\(GermanFormat.count(total, "Lösung", "Lösungen")) gefunden, \(GermanFormat.integer(first))–\(GermanFormat.integer(first + entries.count - 1)) angezeigt."
                )),
            .ul(.class("results"), .forEach(entries) { .li($0.node()) }),
            .if(
                pageCount > 1,
                .nav(
                    .class("pagination"), .ariaLabel("Seiten"),
                    .if(
                        form.page > 1,
                        .a(.safeHref(form.url(page: form.page - 1)), .attribute(named: "rel", value: "prev"), .text("← vorherige Seite"))),
                    .span(.text("Seite \(form.page) von \(GermanFormat.integer(pageCount))")),
                    .if(
                        form.page < pageCount,
                        .a(.safeHref(form.url(page: form.page + 1)), .attribute(named: "rel", value: "next"), .text("nächste Seite →")))))
        )
    }
}

/// The search parameters as typed.
struct SolutionSearchForm {
    var text = "", feld = "", licence = "", operation = "", eu = "", near = "", chosen = ""
    var page = 1

    func problems() -> [String] {
        var errors: [String] = []
        if !feld.isEmpty, Handlungsfeld(rawValue: feld) == nil { errors.append("Unbekannter Wert „\(feld)“ für „Handlungsfeld“.") }
        if !licence.isEmpty, SolutionLicence(rawValue: licence) == nil { errors.append("Unbekannter Wert „\(licence)“ für „Lizenz“.") }
        if !operation.isEmpty, SolutionOperation(rawValue: operation) == nil { errors.append("Unbekannter Wert „\(operation)“ für „Betrieb“.") }
        if !eu.isEmpty, !["ja", "nein"].contains(eu) { errors.append("Unbekannter Wert „\(eu)“ für „Hosting in der EU“.") }
        if text.unicodeScalars.count > 200 { errors.append("Der Suchtext darf höchstens 200 Zeichen lang sein.") }
        if near.unicodeScalars.count > 100 { errors.append("Der Name der Kommune darf höchstens 100 Zeichen lang sein.") }
        if page < 1 || page > 10_000 { errors.append("Die Seite muss zwischen 1 und 10.000 liegen.") }
        return errors
    }

    func url(page: Int) -> String {
        var parts: [(String, String)] = [
            ("q", text), ("handlungsfeld", feld), ("lizenz", licence), ("betrieb", operation), ("eu", eu), ("nahe", near), ("auswahl", chosen),
        ].filter { !$0.1.isEmpty }
        if page > 1 { parts.append(("seite", String(page))) }
        let query = parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return query.isEmpty ? "/loesungen" : "/loesungen?\(query)"
    }
}
