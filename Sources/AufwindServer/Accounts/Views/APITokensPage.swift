import AufwindCore
import Foundation
import Plot

/// `/konto/tokens`
struct APITokensPage: PageView {
    struct Token {
        var id: UUID
        var name: String
        var createdAt: Date?
        var expiresAt: Date?
        var revoked: Bool
        var lastUsedAt: Date?
        var scope: String
    }

    var tokens: [Token]
    var created: String?
    var errors: [String]
    var csrf: String
    var title: String { "API-Tokens" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Mit einem persönlichen Token (einem Zugangsschlüssel) lesen und schreiben Programme – etwa ein Fachverfahren Ihrer Verwaltung – "
                        + "über die Programmierschnittstelle (API, /api/v1) in Ihrem Namen. "
                        + "Es wird nur einmal angezeigt und nur als Prüfsumme gespeichert.")),
            .unwrap(created) { secret in
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text("Ihr neues Token – jetzt kopieren, es wird nicht wieder angezeigt:")),
                    .p(.code(.text(secret)))
                )
            },
            .formErrors(errors),
            .if(
                !tokens.isEmpty,
                .ul(
                    .class("results"),
                    .forEach(tokens) { token in
                        .li(
                            .div(.class("name"), .text(token.name)),
                            .div(
                                .class("meta"),
                                .text(
                                    [
                                        token.scope,
                                        token.createdAt.map { "erstellt \(GermanFormat.date($0))" },
                                        token.expiresAt.map { "gültig bis \(GermanFormat.date($0))" } ?? "unbegrenzt gültig",
                                        token.lastUsedAt.map { "zuletzt benutzt \(GermanFormat.date($0))" },
                                        token.revoked ? "widerrufen" : nil,
                                    ].compactMap { $0 }.joined(separator: " · "))),
                            .if(
                                !token.revoked,
                                .form(
                                    .safeAction("/konto/tokens/\(token.id.uuidString)/widerrufen"), .method(.post), .csrf(csrf),
                                    .button(.type(.submit), .class("danger"), .text("Widerrufen"))
                                ))
                        )
                    })),
            .h2(.text("Neues Token")),
            .form(
                .class("stacked"), .action("/konto/tokens"), .method(.post), .csrf(csrf),
                .field("name", label: "Name (wofür?)", maxLength: 100),
                .fieldset(
                    .element(named: "legend", text: "Rechte"),
                    .forEach(APITokenModel.Scope.allCases) { scope in
                        .radio(
                            name: "rechte", id: "rechte-\(scope.rawValue)", value: scope.rawValue,
                            label: scope == .read
                                ? "nur lesen (z. B. Verbund-Daten abrufen)" : "lesen und schreiben (z. B. Profil und Einträge ändern)",
                            checked: scope == .read)
                    }
                ),
                .optionalField(
                    "tage", label: "Gültig für Tage (leer: unbegrenzt)", type: .number, value: String(APITokenController.defaultDays), maxLength: 4),
                .button(.type(.submit), .text("Token erstellen"))
            )
        )
    }
}
