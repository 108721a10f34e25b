import AufwindCore
import Plot

/// `/nutzungsbedingungen`: the terms of use of this installation, with their version and date.
/// A change in substance is a new version in `TermsOfUse.aufwind`, so that everyone agrees again.
struct TermsOfUsePage: PageView {
    var details: OperatorDetails
    var terms: TermsOfUse
    var title: String { "Nutzungsbedingungen" }

    /// One section of the terms: a heading and its paragraphs.
    struct Section {
        var heading: String
        var paragraphs: [String]
    }

    /// Long words break at a soft hyphen on a phone, whatever the style sheet does.
    static let headingWord = "Nutzungs\u{AD}bedingungen"

    var sections: [Section] {
        let unconfirmed = PrivacyPolicyPage.days(AccountMaintenance.unconfirmedAccountLifetime)
        return [
            Section(
                heading: "1. Worum es geht",
                paragraphs: [
                    "Aufwind ist eine Plattform für die Zusammenarbeit kleiner Städte und Gemeinden: Kommunen finden Partner, teilen "
                        + "Lösungen und Personal, beantragen gemeinsam Förderung und treffen sich auf Veranstaltungen. Anbieter und "
                        + "Veranstalter können sich daran beteiligen.",
                    (details[.name].map { "Betrieben wird diese Aufwind-Installation von \($0) (im Folgenden „Betreiber“). " }
                        ?? "Betrieben wird diese Aufwind-Installation von dem im Impressum genannten Betreiber. ")
                        + "Anschrift und Kontakt stehen im Impressum. Diese Nutzungsbedingungen gelten für alle, die sich bei Aufwind "
                        + "registrieren. Die öffentlichen Seiten können Sie ohne Konto lesen.",
                ]),
            Section(
                heading: "2. Wer Aufwind nutzen darf",
                paragraphs: [
                    "Ein Konto legen Beschäftigte und Beauftragte von Kommunen, Kreisen und anderen Behörden an, außerdem Menschen, "
                        + "die für einen Anbieter oder Veranstalter tätig sind oder sich für die Zusammenarbeit der Kommunen interessieren.",
                    "Jedes Konto gehört genau einer Person. Registrieren Sie sich mit Ihrem echten Namen und einer E-Mail-Adresse, die "
                        + "Sie selbst lesen; für die Arbeit für eine Kommune am besten mit Ihrer dienstlichen Adresse. Halten Sie Ihr "
                        + "Passwort und Ihre API-Schlüssel geheim und geben Sie Ihr Konto nicht an andere weiter.",
                ]),
            Section(
                heading: "3. Für eine Kommune oder Organisation handeln",
                paragraphs: [
                    "Für eine Kommune handelt auf Aufwind nur, wer für sie arbeitet oder von ihr beauftragt ist. Die Mitgliedschaft "
                        + "fragen Sie an; die erste Person einer Kommune prüft die Plattformverwaltung (zum Beispiel durch einen Rückruf "
                        + "über die Telefonzentrale des Rathauses), weitere Personen bestätigen die Verwalter:innen der Kommune. Wie eine "
                        + "Mitgliedschaft geprüft wurde, wird festgehalten.",
                    "Anbieter und Veranstalter gründen ihre Organisation auf Aufwind; die Plattformverwaltung bestätigt sie, bevor sie "
                        + "sichtbar wird.",
                    "Machen Sie bei Ihrer Anfrage wahre Angaben. Wenn Sie nicht mehr für die Kommune oder Organisation tätig sind, "
                        + "beenden Sie Ihre Mitgliedschaft unter „Mein Konto“. Verwalter:innen und die Plattformverwaltung beenden "
                        + "Mitgliedschaften, die nicht (mehr) bestehen.",
                ]),
            Section(
                heading: "4. Was Sie veröffentlichen",
                paragraphs: [
                    "Einträge, Profile, Nachrichten, Veranstaltungen und Pitches veröffentlichen Sie im Namen Ihrer Kommune oder "
                        + "Organisation. Für ihren Inhalt ist verantwortlich, wer sie veröffentlicht. Öffentliche Einträge sieht jede "
                        + "Besucherin und jeder Besucher, auch in Feeds und über die Programmierschnittstelle (API).",
                    "Veröffentlichen Sie nur, was stimmt und was Sie veröffentlichen dürfen. Nicht erlaubt sind insbesondere: "
                        + "rechtswidrige, beleidigende oder diskriminierende Inhalte; Inhalte, die Rechte anderer verletzen (etwa "
                        + "Urheberrechte); vertrauliche oder als Verschlusssache eingestufte Informationen; personenbezogene Daten "
                        + "anderer ohne deren Wissen (nennen Sie eine Ansprechperson nur, wenn sie einverstanden ist); Schadsoftware; "
                        + "Werbung und Massenanschreiben außerhalb der dafür gedachten Angebote.",
                    "Damit Aufwind Ihre Inhalte zeigen kann, räumen Sie dem Betreiber das einfache, unentgeltliche Recht ein, sie auf "
                        + "Aufwind so zu speichern und anzuzeigen, wie Sie es eingestellt haben (auch in Feeds und der API). Das Recht "
                        + "endet, wenn der Inhalt gelöscht wird.",
                ]),
            Section(
                heading: "5. Angaben anderer und Vorschläge",
                paragraphs: [
                    "Was Kommunen, Anbieter und Veranstalter auf Aufwind schreiben, prüft der Betreiber nicht vorab. Er übernimmt keine "
                        + "Gewähr dafür, dass Angaben von Partnern richtig, vollständig und aktuell sind. Vereinbarungen, die Sie über "
                        + "Aufwind anbahnen, schließen Sie mit Ihren Partnern, nicht mit dem Betreiber.",
                    "Vorschläge passender Einträge und Partner und die Prüfung der Förderfähigkeit sind Hilfen, keine Rechtsberatung "
                        + "und keine Zusage eines Fördergebers. Maßgeblich sind die Richtlinien und Bescheide des jeweiligen Fördergebers.",
                    "Der Betreiber haftet nach den gesetzlichen Vorschriften für Vorsatz und grobe Fahrlässigkeit sowie für Schäden aus "
                        + "der Verletzung von Leben, Körper oder Gesundheit. Im Übrigen haftet er nicht für Inhalte anderer Nutzer:innen "
                        + "und nicht dafür, dass Aufwind jederzeit erreichbar ist; Wartungen kündigt er nach Möglichkeit an.",
                ]),
            Section(
                heading: "6. Verstöße melden",
                paragraphs: [
                    "Finden Sie etwas, das gegen diese Bedingungen oder gegen Recht verstößt, melden Sie es über das Kontaktformular. "
                        + "Der Betreiber kann Inhalte, die gegen diese Bedingungen verstoßen, entfernen, Mitgliedschaften beenden und bei "
                        + "schweren oder wiederholten Verstößen Konten sperren. Er informiert die Betroffenen und hört sie an, soweit "
                        + "das möglich ist."
                ]),
            Section(
                heading: "7. Ihr Konto löschen",
                paragraphs: [
                    "Sie können Ihr Konto jederzeit unter „Mein Konto“ löschen; dort laden Sie vorher auf Wunsch alle über Sie "
                        + "gespeicherten Daten herunter. Was Sie für eine Kommune oder Organisation veröffentlicht haben, bleibt bei ihr "
                        + "und erscheint dann als Beitrag eines „ehemaligen Mitglieds“. Ein Konto, dessen E-Mail-Adresse nicht innerhalb "
                        + "von \(unconfirmed) bestätigt wurde, wird automatisch gelöscht.",
                    "Welche Daten Aufwind wozu speichert und wann sie gelöscht werden, steht in der Datenschutzerklärung.",
                ]),
            Section(
                heading: "8. Änderungen dieser Bedingungen",
                paragraphs: [
                    "Ändern sich diese Bedingungen, erhält die neue Fassung eine neue Nummer und ein neues Datum. Bei Ihrer nächsten "
                        + "Anmeldung zeigt Aufwind Ihnen, was sich geändert hat, und bittet Sie um Ihre Zustimmung. Bis dahin sind nur "
                        + "die rechtlichen Seiten, der Download Ihrer Daten und das Löschen Ihres Kontos erreichbar. Wann Sie welcher "
                        + "Fassung zugestimmt haben, speichert Aufwind und gibt es Ihnen mit Ihren Daten heraus.",
                    "Es gilt deutsches Recht.",
                ]),
        ]
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(Self.headingWord)),
            .p(.strong(.text(terms.current.label))),
            .testOperationNotice(details),
            .forEach(sections) { section in
                .section(.h2(.text(section.heading)), .forEach(section.paragraphs) { .p(.text($0)) })
            },
            .p(
                .text("Mehr: "), .a(.href("/datenschutz"), .text("Datenschutzerklärung")), .text(" · "), .a(.href("/impressum"), .text("Impressum")),
                .text(" · "), .a(.href("/kontakt"), .text("Kontakt"))),
            .h2(.text("Fassungen")),
            .ul(
                .forEach(terms.versions.reversed()) { version in
                    .li(.strong(.text(version.label + ": ")), .text(version.changes.joined(separator: " ")))
                })
        )
    }
}
