import Plot

/// `/registrieren`
struct RegisterPage: PageView {
    var csrf: String
    var name = "", email = ""
    var errors: [String] = []
    var title: String { "Registrieren" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("Mit einem Konto können Sie später für Ihre Kommune handeln. Wir schicken Ihnen eine E-Mail zur Bestätigung.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/registrieren"), .method(.post),
                .csrf(csrf),
                .field("name", label: "Ihr Name", value: name, autocomplete: "name", maxLength: 100),
                .field("email", label: "E-Mail-Adresse", type: .email, value: email, autocomplete: "email"),
                .field("password", label: "Passwort (10 bis 72 Zeichen)", type: .password, autocomplete: "new-password", maxLength: 72),
                .button(.type(.submit), .text("Konto anlegen"))
            ),
            .p(.text("Schon registriert? "), .a(.href("/anmelden"), .text("Anmelden")))
        )
    }
}

/// `/anmelden`
struct LoginPage: PageView {
    var csrf: String
    var email = ""
    /// Where a successful sign-in leads back to (already checked by `ReturnPath`).
    var returnPath: String?
    var errors: [String] = []
    var title: String { "Anmelden" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/anmelden"), .method(.post),
                .csrf(csrf),
                .unwrap(returnPath) { .input(.type(.hidden), .safeName("zurueck"), .safeValue($0)) },
                .field("email", label: "E-Mail-Adresse", type: .email, value: email, autocomplete: "email"),
                .field("password", label: "Passwort", type: .password, autocomplete: "current-password", maxLength: 128),
                .button(.type(.submit), .text("Anmelden"))
            ),
            .p(
                .a(.href("/passwort-vergessen"), .text("Passwort vergessen?")), .text(" · "), .a(.href("/registrieren"), .text("Registrieren")),
                .text(" · "), .a(.href("/bestaetigung-erneut"), .text("Bestätigungslink erneut senden")))
        )
    }
}

/// `/passwort-vergessen`
struct ForgotPasswordPage: PageView {
    var csrf: String
    var errors: [String] = []
    var title: String { "Passwort vergessen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("Geben Sie Ihre E-Mail-Adresse an. Wenn es dazu ein Konto gibt, schicken wir einen Link zum Zurücksetzen.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/passwort-vergessen"), .method(.post),
                .csrf(csrf),
                .field("email", label: "E-Mail-Adresse", type: .email, autocomplete: "email"),
                .button(.type(.submit), .text("Link anfordern"))
            )
        )
    }
}

/// `/bestaetigung-erneut`
struct ResendConfirmationPage: PageView {
    var csrf: String
    var title: String { "Bestätigungslink erneut senden" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Der Link aus unserer E-Mail gilt 24 Stunden. Geben Sie Ihre Adresse an: Gehört sie zu einem noch nicht bestätigten Konto, schicken wir einen neuen Link. Unbestätigte Konten werden nach 7 Tagen gelöscht; danach können Sie sich einfach neu registrieren."
                )),
            .form(
                .class("stacked"), .action("/bestaetigung-erneut"), .method(.post),
                .csrf(csrf),
                .field("email", label: "E-Mail-Adresse", type: .email, autocomplete: "email"),
                .button(.type(.submit), .text("Link erneut senden"))
            )
        )
    }
}

/// `/passwort-neu?token=…`
struct ResetPasswordPage: PageView {
    var csrf: String
    var token: String
    var errors: [String] = []
    var title: String { "Neues Passwort" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/passwort-neu"), .method(.post),
                .csrf(csrf),
                .input(.type(.hidden), .name("token"), .safeValue(token)),
                .field("password", label: "Neues Passwort (10 bis 72 Zeichen)", type: .password, autocomplete: "new-password", maxLength: 72),
                .button(.type(.submit), .text("Passwort speichern"))
            )
        )
    }
}

/// A short message after an action ("Wir haben Ihnen eine E-Mail geschickt").
struct MessagePage: PageView {
    var title: String
    var message: String
    var link: (href: String, label: String)? = nil

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.attribute(named: "role", value: "status"), .text(message)),
            .unwrap(link) { .p(.a(.safeHref($0.href), .text($0.label))) }
        )
    }
}

/// `/konto`
struct AccountPage: PageView {
    var name: String
    var email: String
    var confirmed: Bool
    var isAdmin: Bool
    var csrf: String
    var passwordErrors: [String] = []
    /// The e-mail address shows on the contact cards of the cooperations of the person's towns.
    var showsEmailToPartners = false
    var title: String { "Mein Konto" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .dl(
                .class("facts"),
                .dt(.text("Name")), .dd(.text(name)),
                .dt(.text("E-Mail-Adresse")), .dd(.text(email + (confirmed ? " (bestätigt)" : " (noch nicht bestätigt)"))),
                .if(isAdmin, .group(.dt(.text("Rolle")), .dd(.text("Plattform-Administration"))))
            ),
            .ul(
                .li(.a(.href("/konto/organisationen"), .text("Meine Organisationen"))),
                .li(.a(.href("/konto/tokens"), .text("API-Tokens: Zugang für Programme"))),
                .if(isAdmin, .li(.a(.href("/admin/warteschlange"), .text("Prüfungen erster Mitglieder")))),
                .if(isAdmin, .li(.a(.href("/dev/mails"), .text("Postausgang"))))
            ),
            .form(.action("/abmelden"), .method(.post), .csrf(csrf), .button(.type(.submit), .text("Abmelden"))),
            .h2(.id("passwort-aendern"), .text("Passwort ändern")),
            .p(.text("Danach sind Sie auf allen anderen Geräten abgemeldet.")),
            .formErrors(passwordErrors),
            .form(
                .class("stacked"), .action("/konto/passwort"), .method(.post), .csrf(csrf),
                .field(
                    "passwort", id: "passwort-aktuell", label: "Aktuelles Passwort", type: .password, autocomplete: "current-password", maxLength: 128
                ),
                .field(
                    "neu", id: "passwort-neu", label: "Neues Passwort (10 bis 72 Zeichen)", type: .password, autocomplete: "new-password",
                    maxLength: 72),
                .button(.type(.submit), .text("Passwort ändern"))
            ),
            .h2(.id("kontaktkarte"), .text("Kontaktkarte in Kooperationen")),
            .p(
                .text(
                    "In den Kooperationen Ihrer Kommunen sehen die Mitglieder beider Kommunen Ihren Namen, Ihre Kommune und Ihre Rolle. "
                        + "Ihre E-Mail-Adresse sehen sie nur, wenn Sie es hier erlauben.")),
            .form(
                .class("stacked"), .action("/konto/kontaktkarte"), .method(.post), .csrf(csrf),
                .div(
                    .class("field"),
                    .label(
                        .input(.type(.checkbox), .id("email-zeigen"), .name("emailzeigen"), .value("ja"), .checked(showsEmailToPartners)),
                        .text(" Meine E-Mail-Adresse in Kooperationen zeigen"))
                ),
                .button(.type(.submit), .text("Speichern"))
            ),
            .h2(.text("E-Mail-Adresse ändern")),
            .form(
                .class("stacked"), .action("/konto/email"), .method(.post), .csrf(csrf),
                .field("email", id: "neue-email", label: "Neue E-Mail-Adresse", type: .email, autocomplete: "email"),
                .field("passwort", label: "Aktuelles Passwort", type: .password, autocomplete: "current-password", maxLength: 128),
                .button(.type(.submit), .text("Bestätigungslink senden"))
            ),
            .h2(.text("Meine Daten")),
            .p(.a(.href("/konto/daten.json"), .text("Alle über mich gespeicherten Daten herunterladen (als JSON-Datei, maschinenlesbar)"))),
            .h2(.text("Konto löschen")),
            .p(.text("Was Sie für eine Kommune veröffentlicht haben, bleibt bei der Kommune und wird als „ehemaliges Mitglied“ angezeigt.")),
            .form(
                .class("stacked"), .action("/konto/loeschen"), .method(.post), .csrf(csrf),
                .field(
                    "passwort", id: "loeschen-passwort", label: "Zur Bestätigung: Ihr Passwort", type: .password, autocomplete: "current-password",
                    maxLength: 128),
                .button(.type(.submit), .text("Konto endgültig löschen"))
            )
        )
    }
}
