import AufwindCore
import Foundation
import Plot

/// What a person sees when something went wrong.
struct ErrorPage: PageView {
    var problem: ProblemDetails
    /// For a signed-out person: the page to come back to after signing in.
    var returnPath: String?

    var title: String { problem.title }

    /// Signed in: the home base is the way on.
    var signedIn = false

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(problem.title)),
            .p(.text(problem.detail)),
            wayOn()
        )
    }

    /// What the person can do next, by what went wrong: sign in, look for the page, ask for the
    /// right, or try again later — never a dead end.
    private func wayOn() -> Node<HTML.BodyContext> {
        let home: Node<HTML.BodyContext> = signedIn ? .a(.href("/mein-aufwind"), .text("Zu Mein Aufwind")) : .a(.href("/"), .text("Zur Startseite"))
        switch problem.status {
        case 401:
            // Signed out (a session that ended, a reset elsewhere): the way back in comes first.
            return .group(signInOrRegister(), .p(.a(.href("/"), .text("Zur Startseite"))))
        case 404, 410:
            return .group(
                .p(.text("Vielleicht finden Sie, was Sie suchen, über die Suche:")),
                .form(
                    .class("search"), .action("/gemeinden"), .method(.get), .attribute(named: "role", value: "search"),
                    .div(
                        .class("field"), .label(.for("q"), .text("Gemeinde, Kreis, Amt, PLZ oder Gemeindeschlüssel (AGS)")),
                        .input(.type(.search), .id("q"), .name("q"), .autocomplete(false))),
                    .button(.type(.submit), .text("Suchen"))),
                .ul(.class("inline-list"), .li(.a(.href("/eintraege"), .text("Einträge durchsuchen"))), .li(home)))
        case 403 where !signedIn:
            // Refused before anybody signed in (a form that expired): signing in or registering is the way on.
            return .group(signInOrRegister(), .p(.a(.href("/"), .text("Zur Startseite"))))
        case 403:
            return .group(
                .p(
                    .text(
                        "Was Sie für eine Kommune tun dürfen, hängt von Ihrer Mitgliedschaft und Rolle ab. Ihre Kommunen und Rollen sehen Sie "
                            + "unter „Mein Aufwind“; eine Mitgliedschaft beantragen Sie unter „Mein Konto“.")),
                .ul(.class("inline-list"), .li(home), .li(.a(.href("/konto/organisationen"), .text("Mitgliedschaft beantragen")))))
        case 500...:
            return .group(
                .p(.text("Der Fehler liegt bei uns. Bitte versuchen Sie es in einigen Minuten noch einmal.")),
                .p(home))
        default:
            return .p(home)
        }
    }

    /// "Anmelden" and "Registrieren", both leading back to the page the person wanted.
    private func signInOrRegister() -> Node<HTML.BodyContext> {
        .group(
            .p(
                .text(
                    "Mit einem Konto geht es weiter: Melden Sie sich an oder registrieren Sie sich."
                        + (ReturnPath.sanitized(returnPath) == nil ? "" : " Danach kommen Sie auf diese Seite zurück."))),
            .ul(
                .class("inline-list"),
                .li(.a(.safeHref(ReturnPath.link("/anmelden", returningTo: returnPath)), .text("Anmelden"))),
                .li(.a(.safeHref(ReturnPath.link("/registrieren", returningTo: returnPath)), .text("Registrieren")))))
    }
}
