import AufwindCore
import Plot

/// `/registrieren`: name, address, password, a short privacy notice and the consent to the
/// Nutzungsbedingungen.
struct RegisterPage: PageView {
    var csrf: String
    /// Who processes the data (the configured operator), if configured.
    var operatorName: String?
    var terms: TermsOfUse.Version
    /// Where confirming the address leads (already checked by `ReturnPath`).
    var returnPath: String?
    var name = "", email = ""
    var errors: [String] = []
    /// Shown at the checkbox when the form came without it.
    var consentError: String?
    var title: String { "Registrieren" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("Mit einem Konto können Sie später für Ihre Kommune handeln. Wir schicken Ihnen eine E-Mail zur Bestätigung.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/registrieren"), .method(.post),
                .csrf(csrf),
                .unwrap(returnPath) { .input(.type(.hidden), .safeName("zurueck"), .safeValue($0)) },
                .field("name", label: "Ihr Name", value: name, autocomplete: "name", maxLength: 100),
                .field("email", label: "E-Mail-Adresse", type: .email, value: email, autocomplete: "email"),
                .field("password", label: "Passwort (10 bis 72 Zeichen)", type: .password, autocomplete: "new-password", maxLength: 72),
                .div(
                    .h2(.text("Datenschutz in Kürze")),
                    .p(
                        .text(
                            (operatorName ?? "Der Betreiber dieser Aufwind-Installation")
                                + " speichert Ihren Namen, Ihre E-Mail-Adresse und Ihr Passwort (nur als Prüfsumme), um Ihr Konto "
                                + "zu führen, Ihnen E-Mails zu schicken und Sie für Ihre Kommune oder Organisation handeln zu lassen. "
                                + "Ihren Namen sehen die Kommunen, mit denen Sie zusammenarbeiten; Ihre E-Mail-Adresse nur, wenn Sie "
                                + "es erlauben. Keine Werbung, kein Tracking. Ihr Konto und Ihre Daten können Sie jederzeit selbst "
                                + "löschen. Alles Weitere steht in der "),
                        .a(.href("/datenschutz"), .text("Datenschutzerklärung")), .text("."))
                ),
                .div(
                    .class("field"),
                    .unwrap(consentError) { .p(.class("field-error"), .id("nutzungsbedingungen-fehler"), .text($0)) },
                    .label(
                        .input(
                            .type(.checkbox), .id("nutzungsbedingungen"), .name("nutzungsbedingungen"), .value("ja"), .required(true),
                            .safeAttribute(
                                "aria-describedby",
                                (consentError == nil ? "" : "nutzungsbedingungen-fehler ") + "nutzungsbedingungen-fassung"),
                            .safeAttribute("aria-invalid", consentError == nil ? nil : "true")),
                        .text(" Ich stimme den Nutzungsbedingungen zu.")),
                    .p(
                        .id("nutzungsbedingungen-fassung"),
                        .a(.href("/nutzungsbedingungen"), .text("Nutzungsbedingungen lesen")), .text(" (" + terms.label + ")"))
                ),
                .button(.type(.submit), .text("Konto anlegen"))
            ),
            .p(.text("Schon registriert? "), .a(.safeHref(ReturnPath.link("/anmelden", returningTo: returnPath)), .text("Anmelden")))
        )
    }
}

/// `/registrieren/fast-geschafft`: after registering, the address the mail went to (as typed in
/// this browser, never looked up) and a form that sends the link again.
struct AlmostDonePage: PageView {
    var csrf: String
    /// What the person typed when registering in this browser; nil when that is over.
    var email: String?
    var title: String { "Fast geschafft" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .unwrap(
                email,
                { address in
                    .p(
                        .text("Wir haben eine E-Mail an "), .strong(.text(address)),
                        .text(" geschickt. Klicken Sie auf den Link darin, um Ihre Adresse zu bestätigen – danach sind Sie angemeldet."))
                },
                else: .p(.text("Wir haben Ihnen eine E-Mail geschickt. Klicken Sie auf den Link darin, um Ihre Adresse zu bestätigen."))),
            .p(
                .text(
                    "Der Link gilt 24 Stunden. Keine E-Mail angekommen? Sehen Sie bitte auch im Spam-Ordner nach, oder lassen Sie sich den "
                        + "Link noch einmal schicken.")),
            .h2(.text("Link erneut senden")),
            .form(
                .class("stacked"), .action("/bestaetigung-erneut"), .method(.post),
                .csrf(csrf),
                .field("email", label: "E-Mail-Adresse", type: .email, value: email ?? "", autocomplete: "email"),
                .button(.type(.submit), .text("Link erneut senden"))
            ),
            .p(.text("Tippfehler in der Adresse? "), .a(.href("/registrieren"), .text("Noch einmal registrieren")))
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
                .a(.href("/passwort-vergessen"), .text("Passwort vergessen?")), .text(" · "),
                .a(.safeHref(ReturnPath.link("/registrieren", returningTo: returnPath)), .text("Registrieren")),
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
            .form(.action("/abmelden"), .method(.post), .csrf(csrf), .button(.type(.submit), .class("secondary"), .text("Abmelden"))),
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
                .button(.type(.submit), .class("danger"), .text("Konto endgültig löschen"))
            )
        )
    }
}
