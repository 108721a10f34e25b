import Plot

/// `/hilfe`: how Aufwind works, for each role, and the answers to the questions people ask first.
struct HelpPage: PageView {
    var title: String { "Hilfe: So funktioniert Aufwind" }

    /// A question a first-time user asks, with its answer.
    struct Answer {
        var question: String
        var answer: String
    }

    /// One kind of user and what Aufwind does for them.
    struct Role {
        var id: String
        var heading: String
        var steps: [String]
    }

    static let roles = [
        Role(
            id: "verwaltung", heading: "Für Beschäftigte einer Kommune",
            steps: [
                "Registrieren Sie sich mit Ihrer dienstlichen E-Mail-Adresse und bestätigen Sie den Link, den wir Ihnen schicken.",
                "Suchen Sie Ihre Gemeinde oder Ihren Kreis unter „Gemeinden“ und fragen Sie auf der Seite die Mitgliedschaft an.",
                "Sobald Ihre Mitgliedschaft bestätigt ist, legen Sie für Ihre Kommune Einträge an: ein Vorhaben, das Partner "
                    + "sucht, einen Bedarf oder ein Angebot – auch Personal, das Sie mit anderen Kommunen teilen möchten.",
                "Aufwind schlägt Ihnen passende Einträge und Kommunen vor. Über „Interesse bekunden“ fragen Sie an; nimmt die "
                    + "andere Kommune an, entsteht eine Kooperation mit einem gemeinsamen Nachrichtenverlauf.",
                "Unter „Förderung“ finden Sie Programme, die zu Ihrem Vorhaben passen, und sehen, was für einen Antrag noch fehlt.",
            ]),
        Role(
            id: "verwalter", heading: "Für Verwalter:innen einer Kommune",
            steps: [
                "Verwalter:innen sind Mitglieder mit zusätzlichen Rechten: Sie bestätigen oder lehnen Anfragen auf Mitgliedschaft ab, "
                    + "vergeben Rollen und pflegen das öffentliche Profil der Kommune (Ansprechperson, Website, Themen).",
                "Wer als erste Person einer Kommune bestätigt wird, verwaltet sie. Eine Kommune behält immer mindestens "
                    + "ein Mitglied mit der Rolle Verwalter:in; wer als Einzige:r verwaltet, kann die Rolle erst abgeben, wenn ein weiteres Mitglied sie hat.",
                "Unter „Mein Aufwind“ sehen Sie, was auf Sie wartet, und die Einträge, Kooperationen, Verbünde und Veranstaltungen Ihrer Kommune.",
            ]),
        Role(
            id: "anbieter", heading: "Für Startups und andere Anbieter",
            steps: [
                "Gründen Sie unter „Anbieter“ Ihre Organisation; die Plattformverwaltung prüft und bestätigt sie.",
                "Kolleg:innen fragen die Mitgliedschaft in Ihrer Organisation an; Sie bestätigen sie.",
                "Kommunen können Ihre Organisation in einen Verbund einladen, etwa als technischen Partner eines geförderten Vorhabens. "
                    + "Sie nehmen die Einladung an oder lehnen sie ab.",
            ]),
        Role(
            id: "veranstalter", heading: "Für Veranstalter",
            steps: [
                "Veranstaltungen legt eine Kommune oder eine bestätigte Veranstalter-Organisation an.",
                "Sie planen das Programm: Teilnehmer:innen schlagen Sessions vor und stimmen ab, Sie verteilen die Sessions auf Räume "
                    + "und Zeitfenster und veröffentlichen das Programm; die Teilnehmer:innen werden benachrichtigt.",
                "Auf der Bühne stellen sich Vorhaben in 100-Sekunden-Pitches vor; Teilnehmer:innen verabreden 1:1-Treffen.",
            ]),
        Role(
            id: "plattform", heading: "Für die Plattformverwaltung",
            steps: [
                "Die Plattformverwaltung prüft die erste Person jeder Kommune und jeden Zugang für Regionalbehörden, bestätigt "
                    + "neue Organisationen und pflegt die Förderprogramme. Alles Offene steht unter „Verwaltung“.",
                "Sie hält die Angaben des Betreibers aktuell (Impressum, Datenschutz); fehlen sie, sieht sie auf jeder Seite einen Hinweis.",
            ]),
    ]

    static let answers = [
        Answer(
            question: "Wer sieht was?",
            answer:
                "Gemeindeverzeichnis, Profile der Kommunen, öffentliche Einträge und veröffentlichte Programme sieht jeder, auch "
                + "ohne Konto. Einträge „nur für Kommunen“ sehen nur angemeldete, bestätigte Mitglieder einer Kommune. Anfragen "
                + "und Nachrichten einer Kooperation sehen nur die Mitglieder der beteiligten Kommunen, einen Verbund nur die "
                + "Kommunen und Anbieter, die in ihm sind. Ihre E-Mail-Adresse zeigt Aufwind anderen nur, wenn Sie es unter "
                + "„Mein Konto“ einstellen."),
        Answer(
            question: "Wie wird geprüft, dass ich wirklich für meine Kommune arbeite?",
            answer:
                "Ihre Anfrage auf Mitgliedschaft entscheiden die Verwalter:innen Ihrer Kommune – sie kennen ihre Kolleg:innen. "
                + "Hat Ihre Kommune noch niemanden auf Aufwind, prüft die Plattformverwaltung selbst, zum Beispiel durch einen "
                + "Rückruf über die Telefonzentrale Ihres Rathauses, und hält fest, wie sie geprüft hat. Bis dahin können Sie "
                + "alles Öffentliche lesen, aber nicht für die Kommune handeln."),
        Answer(
            question: "Was ist ein Verbund?",
            answer:
                "Ein Verbund ist ein Zusammenschluss mehrerer Kommunen (und, wenn gewünscht, Anbieter), die gemeinsam Fördermittel "
                + "beantragen, etwa für ein interkommunales Vorhaben. Eine Kommune gründet ihn zu einem ihrer Vorhaben und führt "
                + "ihn (federführende Kommune); sie lädt die anderen ein. Im Verbund wählen Sie ein Förderprogramm, sehen, ob "
                + "alle Voraussetzungen erfüllt sind oder was noch fehlt, teilen die Kosten auf und planen Fristen; Aufwind erinnert "
                + "30, 7 und 1 Tag vor jedem Termin."),
        Answer(
            question: "Wie werde ich benachrichtigt?",
            answer:
                "Auf der Seite unter „Benachrichtigungen“ und per E-Mail. Unter „Benachrichtigungen“ stellen Sie für jede Art ein, ob "
                + "Sie sofort, täglich, wöchentlich oder gar nicht per E-Mail informiert werden."),
        Answer(
            question: "Wie bekomme ich meine Daten, wie lösche ich mein Konto?",
            answer:
                "Unter „Mein Konto“ laden Sie alles herunter, was Aufwind über Sie gespeichert hat, und löschen Ihr Konto. "
                + "Was Sie für Ihre Kommune veröffentlicht haben, bleibt bei der Kommune, ohne Ihren Namen."),
    ]

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Aufwind bringt Kommunen zusammen: Sie finden Partner für ein Vorhaben, teilen Lösungen und Personal, "
                        + "beantragen gemeinsam Fördermittel und treffen sich auf Veranstaltungen. Hier steht, wie das geht – je "
                        + "nachdem, wer Sie sind.")),
            .nav(
                .ariaLabel("Abschnitte der Hilfe"),
                .ul(
                    .forEach(Self.roles) { .li(.a(.safeHref("#" + $0.id), .text($0.heading))) },
                    .li(.a(.href("#fragen"), .text("Häufige Fragen"))))),
            .forEach(Self.roles) { role in
                .section(
                    .safeID(role.id),
                    .h2(.text(role.heading)),
                    .ol(.forEach(role.steps) { .li(.text($0)) }))
            },
            .section(
                .id("fragen"),
                .h2(.text("Häufige Fragen")),
                .forEach(Self.answers) { answer in .group(.h3(.text(answer.question)), .p(.text(answer.answer))) }),
            .p(
                .text("Ihre Frage ist nicht dabei? Schreiben Sie uns über das "), .a(.href("/kontakt"), .text("Kontaktformular")),
                .text("."))
        )
    }
}
