import AufwindCore
import Plot

/// `/impressum`: the provider's details after § 5 DDG, from the configuration.
struct ImprintPage: PageView {
    var details: OperatorDetails
    var title: String { "Impressum" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .testOperationNotice(details),
            .p(.text("Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) zu dieser Aufwind-Installation.")),
            .h2(.text("Anbieter")),
            .operatorLine(details, .name),
            .operatorLine(details, .address),
            .operatorLine(details, .representative),
            .h2(.text("Kontakt")),
            .operatorEmail(details),
            .operatorLine(details, .phone),
            .p(.text("Oder schreiben Sie uns über das "), .a(.href("/kontakt"), .text("Kontaktformular")), .text(".")),
            .unwrap(details[.register]) { .group(.h2(.text("Registereintrag")), .p(.text($0))) },
            .unwrap(details[.vatID]) { .group(.h2(.text("Umsatzsteuer-Identifikationsnummer")), .p(.text("nach § 27a Umsatzsteuergesetz: " + $0))) },
            .h2(.text("Aufsichtsbehörde für den Datenschutz")),
            .p(.text(details[.supervisoryAuthority] ?? "nicht angegeben")),
            .h2(.text("Inhalte der Kommunen und Organisationen")),
            .p(
                .text(
                    "Einträge, Profile, Veranstaltungen und Nachrichten schreiben die Kommunen, Anbieter und Veranstalter selbst; "
                        + "für sie ist verantwortlich, wer sie veröffentlicht. Wenn Sie dort etwas finden, das nicht stimmt oder gegen "
                        + "Recht verstößt, sagen Sie es uns über das Kontaktformular – wir kümmern uns darum.")),
            .h2(.text("Datenquellen")),
            .p(
                .text("Woher das Gemeindeverzeichnis, die Koordinaten und die Förderprogramme stammen, steht unter "),
                .a(.href("/quellen"), .text("Quellen & Lizenzen")), .text("."))
        )
    }
}
