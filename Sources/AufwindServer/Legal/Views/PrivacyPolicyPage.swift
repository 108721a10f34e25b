import AufwindCore
import Foundation
import Plot

/// `/datenschutz`: the information of Art. 13 and 14 DSGVO for this installation. The storage
/// periods are the ones the code applies (the constants of the features that delete), so the
/// text changes when they do.
struct PrivacyPolicyPage: PageView {
    var details: OperatorDetails
    var sessionLifetime: SessionLifetime
    var secureCookies: Bool
    var title: String { "Datenschutzerklärung" }

    /// One processing: what, what for, on which legal basis, who sees it, how long.
    struct Processing {
        var heading: String
        var data: String
        var purpose: String
        var basis: String
        var audience: String
        var period: String
    }

    static let legitimateInterest =
        "Art. 6 Abs. 1 Buchst. f DSGVO (berechtigtes Interesse an einem sicheren, funktionierenden Angebot); "
        + "ist der Betreiber eine Behörde, Art. 6 Abs. 1 Buchst. e DSGVO (Erfüllung seiner Aufgabe)"

    static func days(_ seconds: TimeInterval) -> String { GermanFormat.count(Int((seconds / 86_400).rounded()), "Tag", "Tagen") }
    static func minutes(_ seconds: TimeInterval) -> String { GermanFormat.count(Int((seconds / 60).rounded()), "Minute", "Minuten") }

    /// How long the account's parts are kept, with the periods of the code and the configuration.
    var accountPeriod: String {
        let unconfirmed = Self.days(AccountMaintenance.unconfirmedAccountLifetime)
        let links = GermanFormat.count(Int(AccountTokens.lifetime / 3600), "Stunde", "Stunden")
        let idle = Self.days(sessionLifetime.idle)
        let absolute = Self.days(sessionLifetime.absolute)
        let window = Self.minutes(LoginThrottle.window)
        return """
            Bis Sie Ihr Konto löschen. Ein Konto, dessen E-Mail-Adresse nicht innerhalb von \(unconfirmed) bestätigt wurde, \
            wird automatisch gelöscht. Links zum Bestätigen oder Zurücksetzen gelten \(links) und werden einen Tag nach ihrem \
            Ablauf gelöscht. Eine Anmeldung endet nach \(idle) ohne Aktivität, spätestens nach \(absolute); danach wird sie \
            innerhalb einer Stunde gelöscht. Fehlgeschlagene Anmeldeversuche werden \(window) lang gezählt und dann gelöscht. \
            Eine Anfrage „Passwort vergessen“ wird gelöscht, sobald die E-Mail dazu im Postausgang liegt (nach wenigen Sekunden).
            """
    }

    var processings: [Processing] {
        [
            Processing(
                heading: "Aufruf der Seiten und Server-Protokoll",
                data:
                    "Bei jedem Aufruf schreibt der Server eine Zeile ins Protokoll: die Art der Anfrage (z. B. GET), die aufgerufene "
                    + "Adresse und eine zufällige Nummer der Anfrage. Geheime Bestandteile von Adressen (Links zum Bestätigen oder "
                    + "Zurücksetzen, Kalender-Abos) werden vorher unkenntlich gemacht. IP-Adresse und Browser werden nicht protokolliert. "
                    + "Zusätzlich zählt der Server Aufrufe und Antwortzeiten je Seite, ohne Bezug zu einer Person.",
                purpose: "Fehler finden und den Betrieb sichern.",
                basis: Self.legitimateInterest + ".",
                audience: "Nur die technische Betreuung des Betreibers.",
                period:
                    "Aufwind selbst speichert das Protokoll nicht, sondern gibt es an das Protokoll des Servers weiter; dort gilt die "
                    + "Aufbewahrungsfrist, die der Betreiber für seine Server festgelegt hat. Die Zählungen enthalten keine personenbezogenen Daten."
            ),
            Processing(
                heading: "Ihr Konto",
                data:
                    "Name, E-Mail-Adresse, Passwort (nur als Bcrypt-Prüfsumme, nie im Klartext), Zeitpunkt der Registrierung und "
                    + "der Bestätigung; Ihre Anmeldungen (Beginn und letzte Aktivität); fehlgeschlagene Anmeldeversuche je Konto "
                    + "und je Konto und IP-Adresse; Ihre API-Tokens, die Zugangsschlüssel für Programme (Name, Ablaufdatum; der Schlüssel nur als Prüfsumme).",
                purpose: "Sie anmelden, Ihr Konto schützen und Sie für Ihre Kommune oder Organisation handeln lassen.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO (Nutzung von Aufwind); für den Schutz vor Passwort-Raten " + Self.legitimateInterest + ".",
                audience:
                    "Ihr Name ist für die Mitglieder der Kommunen und Organisationen sichtbar, mit denen Sie zusammenarbeiten; "
                    + "Ihre E-Mail-Adresse nur, wenn Sie es unter „Mein Konto“ so einstellen, und der Plattformverwaltung.",
                period: accountPeriod
            ),
            Processing(
                heading: "Zustimmung zu den Nutzungsbedingungen",
                data:
                    "Welcher Fassung der Nutzungsbedingungen Sie wann zugestimmt haben (bei der Registrierung und bei jeder neuen "
                    + "Fassung), als Verlauf.",
                purpose: "Nachweisen, dass für Ihr Konto die Nutzungsbedingungen gelten, und Sie bei einer neuen Fassung einmal fragen.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO (Nutzung von Aufwind).",
                audience: "Nur Sie (im Download Ihrer Daten) und der Betreiber.",
                period:
                    "Bis Sie Ihr Konto löschen. Dann wird der Verlauf gelöscht, nicht anonymisiert: Ohne Konto gibt es keine Zustimmung "
                    + "mehr nachzuweisen, und ein Eintrag ohne Person bewiese nichts."
            ),
            Processing(
                heading: "Mitgliedschaft in einer Kommune oder Organisation",
                data:
                    "Ihre Anfrage (Kommune oder Organisation, gewünschte Rolle, Ihre Nachricht), die Entscheidung, wer sie getroffen "
                    + "hat und wie Ihre Zugehörigkeit geprüft wurde (z. B. „Rückruf über die Telefonzentrale des Rathauses“), "
                    + "Ihre Rolle (Mitglied oder Verwalter:in). Entscheidungen werden im Protokoll der Kommune festgehalten.",
                purpose: "Sicherstellen, dass nur Beschäftigte einer Kommune für sie handeln.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO; für das Protokoll " + Self.legitimateInterest + ".",
                audience: "Die Verwalter:innen der Kommune oder Organisation und die Plattformverwaltung.",
                period:
                    "Bis Sie die Mitgliedschaft beenden oder Ihr Konto löschen. Entscheidungen, die Sie über andere getroffen haben, "
                    + "und Protokolleinträge bleiben danach für die Kommune erhalten, aber ohne Ihren Namen („ehemaliges Mitglied“)."
            ),
            Processing(
                heading: "Einträge, Profile und Förderverbünde",
                data:
                    "Was Sie für Ihre Kommune veröffentlichen (Vorhaben, Bedarfe, Angebote, Profil, Verbund-Daten) mit der "
                    + "Ansprechperson, die Sie dort angeben, und wer welche Fassung gespeichert hat.",
                purpose: "Kommunen, Anbieter und Veranstalter sollen passende Partner finden und gemeinsam Förderung beantragen können.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO; für Ansprechpersonen der Kommune Art. 6 Abs. 1 Buchst. e DSGVO.",
                audience:
                    "Je nach Einstellung des Eintrags alle Besucher:innen (öffentlich, auch in Feeds und der API) "
                    + "oder nur angemeldete Mitglieder von Kommunen.",
                period:
                    "Einträge und Profile gehören der Kommune und bleiben, bis sie sie löscht. Löschen Sie Ihr Konto, wird Ihr Name "
                    + "bei Einträgen und Fassungen durch „ehemaliges Mitglied“ ersetzt."
            ),
            Processing(
                heading: "Anfragen und Nachrichten",
                data: "Anfragen zu Einträgen, die Antwort darauf und die Nachrichten in einer Kooperation, jeweils mit Ihrem Namen.",
                purpose: "Die Zusammenarbeit zwischen Kommunen.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO.",
                audience: "Die Mitglieder der beteiligten Kommunen.",
                period:
                    "Solange die Kooperation besteht. Löschen Sie Ihr Konto, bleiben Ihre Nachrichten im Verlauf lesbar, aber ohne "
                    + "Ihren Namen."
            ),
            Processing(
                heading: "Veranstaltungen",
                data:
                    "Ihre Anmeldung (auch auf der Warteliste), Sessions, die Sie vorschlagen oder leiten, Ihre Stimmen, "
                    + "1:1-Treffen und Pitches.",
                purpose: "Veranstaltungen planen und durchführen.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO.",
                audience:
                    "Die Veranstalter; Leitende von Sessions, Pitches und veröffentlichte Programme sehen alle Besucher:innen; "
                    + "Ihre Stimmen sieht niemand einzeln.",
                period:
                    "Bis Sie Ihr Konto löschen: Dann werden Anmeldungen (der nächste Platz der Warteliste rückt nach), Stimmen und "
                    + "offene Treffen gelöscht; in Programmen steht statt Ihres Namens „ehemaliges Mitglied“."
            ),
            Processing(
                heading: "Benachrichtigungen und E-Mails",
                data:
                    "Benachrichtigungen auf der Seite, Ihre Einstellungen dazu (sofort, täglich, wöchentlich oder nie), welche "
                    + "Zusammenfassungen Sie erhalten haben, und jede E-Mail, die Aufwind Ihnen schickt (Postausgang).",
                purpose: "Sie über Anfragen, Entscheidungen, Termine und passende Einträge informieren.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO.",
                audience:
                    "Nur Sie; E-Mails laufen über den E-Mail-Server, den der Betreiber für den Versand nutzt. "
                    + "Links in E-Mails zum Abbestellen funktionieren mit einem Klick.",
                period: "Bis Sie Ihr Konto löschen; dann werden Benachrichtigungen, Einstellungen und alle E-Mails an Sie gelöscht."
            ),
            Processing(
                heading: "Kontaktformular",
                data:
                    "Name, E-Mail-Adresse, Betreff und Nachricht; sind Sie angemeldet, auch Ihr Konto. Um Missbrauch zu bremsen, "
                    + "zählt Aufwind außerdem, wie viele Nachrichten von Ihrer IP-Adresse kommen (höchstens "
                    + "\(ContactMessages.perAddress.limit) in \(Self.minutes(ContactMessages.perAddress.window))).",
                purpose: "Ihr Anliegen beantworten.",
                basis: "Art. 6 Abs. 1 Buchst. b DSGVO, sonst " + Self.legitimateInterest + ".",
                audience: "Der Betreiber; die Nachricht geht ihm per E-Mail zu.",
                period:
                    "Nachricht und E-Mail werden nach \(ContactMessages.retentionDays) Tagen automatisch gelöscht, mit Ihrem Konto auch "
                    + "früher. Die Zählung je IP-Adresse wird nach \(Self.minutes(ContactMessages.perAddress.window)) gelöscht."
            ),
        ]
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .testOperationNotice(details),
            .p(
                .text(
                    "Hier steht, welche Daten Aufwind über Sie speichert, wozu, wer sie sieht und wann sie wieder gelöscht werden. "
                        + "Kurz gesagt: Aufwind verarbeitet nur, was für die Zusammenarbeit der Kommunen nötig ist. Es gibt keine "
                        + "Werbung, keine Analyse- oder Tracking-Werkzeuge und keine eingebundenen fremden Dienste (keine externen "
                        + "Schriften, Karten oder Skripte). Aufwind setzt nur technisch notwendige Cookies.")),
            .h2(.text("Verantwortlich")),
            .operatorLine(details, .name),
            .operatorLine(details, .address),
            .operatorLine(details, .representative),
            .operatorEmail(details),
            .operatorLine(details, .phone),
            .h2(.text("Datenschutzbeauftragte oder Datenschutzbeauftragter")),
            .p(.text(details[.dataProtectionOfficer] ?? "nicht angegeben")),
            .h2(.text("Was Aufwind verarbeitet")),
            .forEach(processings) { processing in
                .section(
                    .h3(.text(processing.heading)),
                    .dl(
                        .dt(.text("Welche Daten")), .dd(.text(processing.data)),
                        .dt(.text("Wozu")), .dd(.text(processing.purpose)),
                        .dt(.text("Rechtsgrundlage")), .dd(.text(processing.basis)),
                        .dt(.text("Wer sie sieht")), .dd(.text(processing.audience)),
                        .dt(.text("Wie lange")), .dd(.text(processing.period))))
            },
            .h2(.text("Cookies")),
            .p(
                .text(
                    "Aufwind setzt nur Cookies, ohne die die Seite nicht funktioniert (§ 25 Abs. 2 Nr. 2 TDDDG); deshalb fragt "
                        + "Aufwind nicht nach einer Einwilligung. Alle sind für Skripte unzugänglich (HttpOnly) und werden nur an "
                        + "diese Seite geschickt (SameSite=Lax).")),
            .ul(
                .li(
                    .strong(.text(SiteCookie.session.name(secure: secureCookies))),
                    .text(
                        ": hält Sie angemeldet. Wird beim Anmelden gesetzt und beim Abmelden gelöscht; gültig höchstens "
                            + Self.days(sessionLifetime.absolute) + ", auf dem Server endet die Anmeldung schon nach "
                            + Self.days(sessionLifetime.idle) + " ohne Aktivität.")),
                .li(
                    .strong(.text(SiteCookie.csrf.name(secure: secureCookies))),
                    .text(
                        ": schützt Formulare vor dem Absenden durch fremde Seiten, solange Sie nicht angemeldet sind; enthält "
                            + "eine Zufallszahl. Gültig " + Self.days(CSRF.cookieLifetime) + ".")),
                .li(
                    .strong(.text(SiteCookie.registration.name(secure: secureCookies))),
                    .text(
                        ": nur nach einer Registrierung; enthält die E-Mail-Adresse, die Sie eingegeben haben. Damit zeigt die Seite "
                            + "„Fast geschafft“ sie Ihnen an, und der Bestätigungslink meldet Sie nur in diesem Browser an. Gültig "
                            + GermanFormat.count(Int(RegisteredAddress.lifetime / 3600), "Stunde", "Stunden")
                            + " wie der Link; gelöscht, sobald Sie bestätigt haben."))),
            .h2(.text("Empfänger und Übermittlung")),
            .p(
                .text(
                    "Aufwind läuft auf Servern, die der Betreiber selbst betreibt oder in seinem Auftrag betreiben lässt "
                        + "(Auftragsverarbeitung nach Art. 28 DSGVO); E-Mails verschickt der E-Mail-Server des Betreibers. "
                        + "Darüber hinaus gibt Aufwind keine Daten weiter, verkauft keine und übermittelt keine in Länder außerhalb der "
                        + "EU. Was andere Nutzer:innen sehen, steht oben bei jeder Verarbeitung.")),
            .h2(.text("Keine automatisierten Entscheidungen")),
            .p(
                .text(
                    "Aufwind schlägt passende Einträge, Partner und Förderprogramme vor. Das sind Vorschläge; entscheiden "
                        + "tun immer Menschen. Es gibt keine automatisierte Entscheidung im Sinne von Art. 22 DSGVO.")),
            .h2(.text("Ihre Rechte")),
            .ul(
                .li(
                    .text("Auskunft (Art. 15 DSGVO) und Datenübertragbarkeit (Art. 20 DSGVO): Unter "),
                    .a(.href("/konto"), .text("Mein Konto")),
                    .text(" laden Sie jederzeit alles, was Aufwind über Ihr Konto gespeichert hat, als JSON-Datei herunter.")),
                .li(.text("Berichtigung (Art. 16 DSGVO): Name, E-Mail-Adresse und Passwort ändern Sie unter „Mein Konto“.")),
                .li(
                    .text(
                        "Löschung (Art. 17 DSGVO): Unter „Mein Konto“ löschen Sie Ihr Konto sofort selbst. Was dann geschieht, "
                            + "steht oben bei jeder Verarbeitung.")),
                .li(.text("Einschränkung der Verarbeitung (Art. 18 DSGVO) und Widerspruch (Art. 21 DSGVO): Schreiben Sie uns.")),
                .li(
                    .text("Für alle Fragen erreichen Sie uns über das "), .a(.href("/kontakt"), .text("Kontaktformular")),
                    .text(" oder die oben genannte Adresse der oder des Datenschutzbeauftragten."))),
            .h2(.text("Beschwerde bei der Aufsichtsbehörde")),
            .p(
                .text(
                    "Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO). Zuständig für uns ist: "
                        + (details[.supervisoryAuthority] ?? "nicht angegeben") + "."))
        )
    }
}
