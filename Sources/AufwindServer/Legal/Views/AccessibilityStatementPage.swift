import AufwindCore
import Plot

/// `/barrierefreiheit`: the Erklärung zur Barrierefreiheit after the model of the BITV 2.0
/// (§ 7 BITV 2.0, Art. 7 of Directive (EU) 2016/2102).
struct AccessibilityStatementPage: PageView {
    var details: OperatorDetails
    var baseURL: String
    var title: String { "Erklärung zur Barrierefreiheit" }

    /// Written for the state of Aufwind at this date; revised with every change that affects it.
    static let statementDate = "30.11.2026"

    /// What is known not to be accessible yet, and what to do instead.
    static let knownLimitations = [
        "Informationen in Leichter Sprache und in Deutscher Gebärdensprache (§ 4 BITV 2.0) gibt es noch nicht.",
        "Breite Tabellen (z. B. Listen von Gemeinden, Kosten eines Verbunds, das Raster der Veranstaltungsplanung) passen auf "
            + "schmalen Bildschirmen nicht ganz auf die Seite; sie lassen sich in ihrem eigenen Bereich seitlich verschieben, "
            + "auch mit der Tastatur.",
        "Die Veranstaltungsplanung lässt Sessions per Ziehen und Ablegen verschieben. Dasselbe geht ohne Maus über das "
            + "Formular „Verschieben“ unter dem Raster.",
        "Die Bühnenansicht für 100-Sekunden-Pitches zeigt einen Countdown, der sich von selbst aktualisiert; er ist für "
            + "die Projektion im Saal gedacht. Die Reihenfolge der Pitches steht zusätzlich als Text im Programm.",
        "Die kleine Karte auf der Seite einer Gemeinde zeigt ihre Lage und ihre Nachbarn als Punkte. Die Nachbarn stehen "
            + "zusätzlich als Liste auf der Seite.",
        "Heruntergeladene Dateien (CSV-Tabellen, Kalender, XML) sind Datenformate für andere Programme und keine Dokumente; "
            + "ihre Inhalte stehen auch auf den Seiten.",
    ]

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .testOperationNotice(details),
            .p(
                .text(
                    (details[.name] ?? "Der Betreiber") + " ist bemüht, Aufwind barrierefrei zugänglich zu machen. Rechtsgrundlage "
                        + "sind das Behindertengleichstellungsgesetz (BGG) und die Barrierefreie-Informationstechnik-Verordnung "
                        + "(BITV 2.0) in ihrer jeweils gültigen Fassung, für Stellen der Länder die entsprechenden Landesgesetze.")),
            .p(.text("Diese Erklärung gilt für die Aufwind-Installation unter " + baseURL + ".")),
            .h2(.text("Stand der Vereinbarkeit mit den Anforderungen")),
            .p(
                .text(
                    "Aufwind ist mit den Anforderungen der BITV 2.0 (Norm EN 301 549, Stufe AA der WCAG 2.1) teilweise vereinbar. "
                        + "Die Einschränkungen stehen im nächsten Abschnitt.")),
            .h2(.text("Nicht barrierefreie Inhalte")),
            .ul(.forEach(Self.knownLimitations) { .li(.text($0)) }),
            .h2(.text("Wie diese Erklärung entstanden ist")),
            .p(
                .text(
                    "Die Erklärung beruht auf einer Selbstbewertung, erstellt am \(Self.statementDate). Bei jeder Änderung von "
                        + "Aufwind prüfen automatische Tests alle Seiten in einem echten Browser: mit axe-core auf alle Regeln der "
                        + "WCAG 2.1 in den Stufen A und AA (Ziel: kein Verstoß) und mit dem Nu HTML Checker des W3C auf gültiges HTML "
                        + "(Ziel: kein Fehler). Dazu kommen Tastatur-Tests: Der Link „Zum Inhalt springen“ ist das erste Ziel, der "
                        + "Fokus ist immer sichtbar, Formulare lassen sich ohne Maus ausfüllen und absenden. Alle Seiten werden bei "
                        + "390 und 1366 Pixel Breite angesehen. Eine Prüfung durch Menschen, die assistive Technik nutzen, steht noch aus.")),
            .h2(.text("Barrieren melden: Feedback und Kontakt")),
            .p(
                .text(
                    "Sind Ihnen Mängel aufgefallen, oder brauchen Sie Informationen aus Aufwind in einer anderen Form? Schreiben Sie "
                        + "uns über das "),
                .a(.href("/kontakt"), .text("Kontaktformular")),
                .text(" oder direkt:")),
            .operatorEmail(details),
            .operatorLine(details, .phone),
            .p(.text("Wir antworten innerhalb von zwei Wochen und sagen Ihnen, wie und bis wann wir die Barriere beheben.")),
            .h2(.text("Schlichtungsverfahren")),
            .p(
                .text(
                    "Wenn auch nach Ihrem Feedback keine zufriedenstellende Lösung gefunden wurde, können Sie sich an die "
                        + "Schlichtungsstelle wenden. Ihr Ziel ist es, ohne Gericht eine Lösung zu finden; das Verfahren ist kostenlos, "
                        + "Sie brauchen keinen Rechtsbeistand.")),
            .unwrap(
                details[.arbitrationBody],
                { .p(.text($0)) },
                else: .group(
                    .p(
                        .text(
                            "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für "
                                + "die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, Telefon 030 18 527-2805, "
                                + "E-Mail: "),
                        .a(.href("mailto:info@schlichtungsstelle-bgg.de"), .text("info@schlichtungsstelle-bgg.de")),
                        .text(", Internet: "),
                        .a(.href("https://www.schlichtungsstelle-bgg.de"), .text("www.schlichtungsstelle-bgg.de"))),
                    .p(
                        .text(
                            "Ist der Betreiber eine Stelle eines Landes, ist die Schlichtungsstelle dieses Landes zuständig.")))
            )
        )
    }
}
