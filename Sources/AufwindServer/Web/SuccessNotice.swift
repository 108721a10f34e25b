import Vapor

/// What a form did, said on the page it leads to (Post/Redirect/Get): the handler answers 303 to
/// a GET page with `?erfolg=<code>`, and the layout shows the text of a known code, styled as a
/// success. Only fixed texts: nothing typed comes back through the address.
enum SuccessNotice: String, CaseIterable, Sendable {
    case membershipRequested = "anfrage-gesendet"
    case membershipDecided = "anfrage-entschieden"
    case invitationSent = "einladung-gesendet"
    case invitationMailed = "einladung-gemailt"
    case invitationReachesNobody = "einladung-ohne-empfaenger"
    case verbundAlreadyFounded = "verbund-schon-gegruendet"
    case thresholdSaved = "schwelle-gespeichert"
    case contactSettingSaved = "sichtbarkeit-gespeichert"
    case programmePublished = "programm-veroeffentlicht"
    case notificationRead = "gelesen"
    case notificationsAllRead = "alle-gelesen"
    case notificationSettingsSaved = "benachrichtigungen-gespeichert"
    case interestSent = "interesse-gesendet"
    case meetingRequested = "treffen-angefragt"
    case meetingAccepted = "treffen-vereinbart"
    case meetingDeclined = "treffen-abgelehnt"
    case meetingWithdrawn = "treffen-zurueckgezogen"
    case meetingCancelled = "treffen-abgesagt"
    case meetingProfileSaved = "treffprofil-gespeichert"
    case meetingWindowSaved = "treffzeitfenster-gespeichert"
    /// With `anzahl`: how many meetings moved, got or lost a place.
    case meetingsPlanned = "treffen-geplant"
    // Account
    case registered = "registriert"
    case emailConfirmed = "email-bestaetigt"
    case emailConfirmedSignIn = "email-bestaetigt-anmelden"
    case termsAccepted = "nutzungsbedingungen-zugestimmt"
    case confirmationResent = "bestaetigung-angefordert"
    case resetRequested = "link-angefordert"
    case passwordReset = "passwort-neu-gesetzt"
    case passwordChanged = "passwort-geaendert"
    case emailChangeRequested = "email-bestaetigen"
    case accountDeleted = "konto-geloescht"
    case tokenRevoked = "token-widerrufen"
    case unsubscribed = "abbestellt"
    // Memberships and organisations
    case membershipAlreadyRequested = "schon-angefragt"
    case alreadyMember = "schon-mitglied"
    case roleChanged = "rolle-geaendert"
    case membershipEnded = "mitgliedschaft-beendet"
    case townProfileSaved = "profil-gespeichert"
    case organisationFounded = "organisation-angelegt"
    // Items and cooperations
    case itemCreated = "eintrag-angelegt"
    case itemSaved = "eintrag-gespeichert"
    case interestAccepted = "kooperation-eroeffnet"
    case interestDeclined = "anfrage-abgelehnt"
    case messageSent = "nachricht-gesendet"
    // Events
    case eventCreated = "veranstaltung-angelegt"
    case eventRegistered = "angemeldet"
    case eventWaitlisted = "warteliste"
    case eventCancelled = "abgemeldet"
    case phaseChanged = "phase-geaendert"
    case registrationSettingsSaved = "anmeldung-gespeichert"
    case roomAdded = "raum-angelegt"
    case eventSaved = "veranstaltung-gespeichert"
    case roomSaved = "raum-gespeichert"
    case roomRemoved = "raum-entfernt"
    case slotAdded = "zeitfenster-angelegt"
    case slotRemoved = "zeitfenster-entfernt"
    case sessionProposed = "session-vorgeschlagen"
    case voteSaved = "stimme-gespeichert"
    case favouriteAdded = "gemerkt"
    case favouriteRemoved = "nicht-mehr-gemerkt"
    case hostAdded = "leitung-eingetragen"
    case hostRemoved = "leitung-entfernt"
    case availabilitySaved = "verfuegbarkeit-gespeichert"
    case resultSaved = "ergebnis-gespeichert"
    case sessionAdopted = "als-vorhaben-uebernommen"
    case sessionCancelled = "session-abgesagt"
    /// With `anzahl`: how many sessions the plan placed.
    case planComputed = "plan-berechnet"
    /// With `anzahl`: how many sessions a new plan moved.
    case planRecomputed = "plan-neu-berechnet"
    case sessionMoved = "session-verschoben"
    case pinSaved = "festlegung-gespeichert"
    case blockCreated = "block-angelegt"
    case stageCommand = "buehne-aktualisiert"
    case pitchAdded = "pitch-eingetragen"
    case pitchMoved = "pitch-verschoben"
    // Verbünde and funding programmes
    case verbundFounded = "verbund-gegruendet"
    case verbundFoundedWithInvitations = "verbund-gegruendet-eingeladen"
    case verbundSaved = "verbund-gespeichert"
    case verbundStatusSaved = "verbund-stand-gespeichert"
    case programmeChosen = "programm-gewaehlt"
    case dateAdded = "termin-angelegt"
    case dateDone = "termin-erledigt"
    case invitationAccepted = "einladung-angenommen"
    case invitationDeclined = "einladung-abgelehnt"
    case invitationWithdrawn = "einladung-zurueckgezogen"
    case fundingProgrammeCreated = "foerderprogramm-angelegt"
    case fundingProgrammeSaved = "foerderprogramm-gespeichert"
    case contactMessageSent = "kontakt-gesendet"
    // Lösungen
    case solutionPublished = "loesung-veroeffentlicht"
    case solutionSaved = "loesung-gespeichert"
    case referenceRecorded = "nutzung-eingetragen"
    case referenceProposed = "referenz-vorgeschlagen"
    case referenceConfirmed = "referenz-bestaetigt"
    case referenceDeclined = "referenz-abgelehnt"
    case referenceRenewed = "referenz-erneuert"
    case referenceRemoved = "referenz-entfernt"
    case needAnswered = "antwort-gesendet"
    case needAnswerDeclined = "antwort-passt-nicht"
    case answerMessagePosted = "antwort-nachricht"
    case answersSwitchedOff = "antworten-aus"
    case answersSwitchedOn = "antworten-an"
    case pitchApplied = "pitch-beworben"
    case pitchApplicationWithdrawn = "pitch-bewerbung-zurueckgezogen"
    case pitchApplicationDecided = "pitch-bewerbung-entschieden"
    case pitchRemoved = "pitch-entfernt"
    // Moderation
    case contentReported = "gemeldet"
    case contentReportedBefore = "schon-gemeldet"
    case moderationDecided = "moderation-entschieden"
    case objectionSent = "einspruch-eingelegt"
    case objectionDecided = "einspruch-entschieden"

    var text: String {
        switch self {
        case .membershipRequested: "Ihre Anfrage ist gesendet. Sie bekommen eine Nachricht, sobald darüber entschieden ist."
        case .membershipDecided: "Entschieden. Die anfragende Person ist benachrichtigt."
        case .invitationSent: "Die Einladung ist gesendet."
        case .invitationMailed: "Die Einladung ist per E-Mail unterwegs. Sie wartet, bis das erste Mitglied der Kommune bestätigt ist."
        case .invitationReachesNobody:
            "Eingeladen – aber von dieser Kommune ist noch niemand auf Aufwind, die Einladung erreicht also niemanden. "
                + "Tragen Sie in der Mitgliederliste eine E-Mail-Adresse der Kommune nach (z. B. die des Rathauses)."
        case .verbundAlreadyFounded: "Diesen Verbund hat Ihre Kommune schon gegründet – hier ist er. Es ist kein zweiter entstanden."
        case .thresholdSaved: "Die Schwelle für passende Einträge ist gespeichert."
        case .contactSettingSaved: "Gespeichert: So erscheinen Sie in Ihren Kooperationen."
        case .programmePublished: "Das Programm ist veröffentlicht; die Teilnehmer:innen sind benachrichtigt."
        case .notificationRead: "Die Benachrichtigung ist als gelesen markiert."
        case .notificationsAllRead: "Alle Benachrichtigungen sind als gelesen markiert."
        case .notificationSettingsSaved: "Ihre Einstellungen für Benachrichtigungen sind gespeichert."
        case .interestSent: "Ihre Anfrage ist gesendet. Die Mitglieder der Kommune werden benachrichtigt; ihre Antwort sehen Sie unter „Anfragen“."
        case .meetingRequested: "Ihre Anfrage für ein 1:1-Treffen ist gesendet. Sie hören, sobald sie beantwortet ist."
        case .meetingAccepted: "Treffen vereinbart. Zeit und Tisch stehen unten in Ihrer Liste und in Ihrer Agenda."
        case .meetingDeclined: "Anfrage abgelehnt. Die anfragende Person ist benachrichtigt."
        case .meetingWithdrawn: "Ihre Anfrage ist zurückgezogen."
        case .meetingCancelled: "Treffen abgesagt. Die andere Person ist benachrichtigt; der Platz ist wieder frei."
        case .meetingProfileSaved: "Ihr Profil für 1:1-Treffen ist gespeichert."
        case .meetingWindowSaved: "Das Zeitfenster ist gespeichert und neu geplant; wessen Treffen sich geändert hat, ist benachrichtigt."
        case .meetingsPlanned: "1:1-Treffen neu geplant."
        case .registered: "Danke für Ihre Registrierung. Jetzt fehlt nur noch die Bestätigung Ihrer E-Mail-Adresse."
        case .emailConfirmed: "Willkommen bei Aufwind! Ihre E-Mail-Adresse ist bestätigt, und Sie sind angemeldet."
        case .emailConfirmedSignIn: "Ihre E-Mail-Adresse ist bestätigt. Bitte melden Sie sich jetzt an."
        case .termsAccepted: "Danke! Ihre Zustimmung zu den Nutzungsbedingungen ist gespeichert."
        case .confirmationResent:
            "Wenn zu dieser Adresse ein noch nicht bestätigtes Konto gehört, schicken wir einen neuen Bestätigungslink. Bitte prüfen Sie Ihr Postfach."
        case .resetRequested:
            "Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen geschickt. Bitte prüfen Sie Ihr Postfach."
        case .passwordReset: "Ihr neues Passwort gilt ab sofort. Auf allen Geräten sind Sie abgemeldet; bitte melden Sie sich neu an."
        case .passwordChanged: "Ihr neues Passwort gilt ab sofort. Auf allen anderen Geräten sind Sie abgemeldet."
        case .emailChangeRequested:
            "Wir haben einen Bestätigungslink an die neue Adresse geschickt (sofern sie nicht schon vergeben ist). Bis zur Bestätigung gilt die bisherige."
        case .accountDeleted: "Ihr Konto und Ihre persönlichen Daten sind gelöscht."
        case .tokenRevoked: "Das Token ist widerrufen und gilt ab sofort nicht mehr."
        case .unsubscribed: "Abbestellt: Diese E-Mails kommen nicht mehr. In Aufwind sehen Sie Ihre Benachrichtigungen weiterhin."
        case .membershipAlreadyRequested: "Ihre Anfrage ist schon eingegangen und wartet auf die Entscheidung; Sie müssen nichts weiter tun."
        case .alreadyMember: "Sie sind dort schon Mitglied."
        case .roleChanged: "Die Rolle ist geändert."
        case .membershipEnded: "Erledigt: Die Mitgliedschaft ist beendet oder die Anfrage zurückgezogen."
        case .townProfileSaved: "Das Profil ist gespeichert."
        case .organisationFounded: "Die Organisation ist angelegt. Sie wird sichtbar, sobald die Plattform-Administration sie bestätigt hat."
        case .itemCreated: "Der Eintrag ist gespeichert."
        case .itemSaved: "Ihre Änderungen sind gespeichert."
        case .interestAccepted:
            "Angenommen: Die Kooperation ist eröffnet, die anfragende Kommune ist benachrichtigt. Schreiben Sie hier die erste Nachricht."
        case .interestDeclined: "Abgelehnt. Die anfragende Kommune ist benachrichtigt."
        case .messageSent: "Ihre Nachricht ist gesendet; die beteiligten Kommunen werden benachrichtigt."
        case .eventCreated: "Die Veranstaltung ist angelegt. Legen Sie unten Räume und Zeitfenster an."
        case .eventRegistered: "Sie sind angemeldet."
        case .eventWaitlisted: "Alle Plätze sind vergeben; Sie stehen auf der Warteliste und rücken automatisch nach."
        case .eventCancelled: "Sie sind von der Veranstaltung abgemeldet."
        case .phaseChanged: "Die Phase ist umgestellt."
        case .registrationSettingsSaved: "Die Einstellungen zur Anmeldung sind gespeichert."
        case .roomAdded: "Der Raum ist angelegt."
        case .eventSaved: "Die Änderungen sind gespeichert; wen sie betreffen, ist benachrichtigt."
        case .roomSaved: "Der Raum ist gespeichert."
        case .roomRemoved: "Der Raum ist entfernt."
        case .slotAdded: "Das Zeitfenster ist angelegt."
        case .slotRemoved: "Das Zeitfenster ist entfernt."
        case .sessionProposed: "Ihr Vorschlag ist eingetragen."
        case .voteSaved: "Ihre Stimme ist gespeichert."
        case .favouriteAdded: "Die Session steht jetzt in „Mein Programm“."
        case .favouriteRemoved: "Die Session steht nicht mehr in „Mein Programm“."
        case .hostAdded: "Die Leitung ist eingetragen."
        case .hostRemoved: "Die Person leitet die Session nicht mehr."
        case .availabilitySaved: "Verfügbarkeit gespeichert."
        case .resultSaved: "Ergebnis gespeichert."
        case .sessionAdopted: "Die Session ist als Vorhaben Ihrer Kommune übernommen. Prüfen und ergänzen Sie den Eintrag."
        case .sessionCancelled: "Die Session ist abgesagt und aus dem Plan genommen."
        case .planComputed: "Plan berechnet."
        case .planRecomputed: "Neu geplant."
        case .sessionMoved: "Die Session ist verschoben."
        case .pinSaved: "Die Festlegung ist gespeichert."
        case .blockCreated: "Der Pitch-Block ist angelegt. Tragen Sie unten die Pitches ein."
        case .stageCommand: "Erledigt: Die Bühne zeigt den neuen Stand."
        case .pitchAdded: "Der Pitch ist eingetragen."
        case .pitchMoved: "Die Reihenfolge ist geändert."
        case .verbundFounded: "Der Verbund ist gegründet. Laden Sie jetzt die Partner ein."
        case .verbundFoundedWithInvitations: "Der Verbund ist gegründet; die gewählten Kommunen sind eingeladen."
        case .verbundSaved: "Die Angaben zum Verbund sind gespeichert."
        case .verbundStatusSaved: "Der Stand des Verbunds ist gespeichert."
        case .programmeChosen: "Das Förderprogramm ist gewählt; die Prüfung unten bezieht sich jetzt darauf."
        case .dateAdded: "Der Termin ist eingetragen."
        case .dateDone: "Der Termin ist als erledigt markiert."
        case .invitationAccepted: "Willkommen im Verbund: Die Einladung ist angenommen."
        case .invitationDeclined: "Die Einladung ist abgelehnt."
        case .invitationWithdrawn: "Die Einladung ist zurückgezogen."
        case .fundingProgrammeCreated: "Das Förderprogramm ist angelegt."
        case .fundingProgrammeSaved: "Das Förderprogramm ist gespeichert."
        case .contactMessageSent: "Danke, Ihre Nachricht ist angekommen. Wir antworten an die E-Mail-Adresse, die Sie angegeben haben."
        case .solutionPublished: "Die Lösung ist veröffentlicht. Tragen Sie als Nächstes ein, welche Kommunen sie nutzen."
        case .solutionSaved: "Die Lösung ist gespeichert."
        case .referenceRecorded: "Danke! Ihre Nutzung ist eingetragen und öffentlich; der Anbieter ist benachrichtigt."
        case .referenceProposed: "Die Kommune ist gefragt. Öffentlich wird die Referenz, sobald sie bestätigt; Sie werden benachrichtigt."
        case .referenceConfirmed: "Bestätigt. Die Referenz ist jetzt öffentlich; der Anbieter ist benachrichtigt."
        case .referenceDeclined: "Abgelehnt. Der Anbieter sieht Ihre Begründung."
        case .referenceRenewed: "Bestätigt: Die Referenz gilt wieder für 12 Monate."
        case .referenceRemoved: "Die Referenz ist entfernt."
        case .needAnswered: "Ihre Antwort ist gesendet. Die Kommune ist benachrichtigt; was sie entscheidet, sehen Sie unter „Antworten“."
        case .needAnswerDeclined: "Als „passt nicht“ markiert. Der Anbieter sieht Ihre Begründung."
        case .pitchApplied: "Ihre Bewerbung ist eingereicht. Das Team der Veranstaltung ist benachrichtigt; seine Entscheidung hören Sie."
        case .pitchApplicationWithdrawn: "Ihre Bewerbung ist zurückgezogen. Das Team der Veranstaltung ist benachrichtigt."
        case .pitchApplicationDecided: "Entschieden. Der Anbieter ist benachrichtigt."
        case .pitchRemoved: "Der Pitch ist aus dem Ablauf genommen. Kam er aus einer Bewerbung, ist der Anbieter benachrichtigt."
        case .answerMessagePosted: "Ihre Nachricht ist gesendet."
        case .answersSwitchedOff: "Antworten von Anbietern sind für diesen Bedarf ausgeschaltet."
        case .answersSwitchedOn: "Anbieter können wieder auf diesen Bedarf antworten."
        case .contentReported: "Danke für Ihre Meldung. Die Plattform-Administration prüft sie; die Entscheidung sehen Sie unter „Meine Meldungen“."
        case .contentReportedBefore: "Sie haben diesen Inhalt schon gemeldet; die Prüfung läuft."
        case .moderationDecided: "Entschieden. Die Beteiligten sind benachrichtigt."
        case .objectionSent: "Ihr Einspruch ist eingegangen. Eine andere Person der Plattform-Administration entscheidet; Sie werden benachrichtigt."
        case .objectionDecided: "Über den Einspruch ist entschieden. Die verfassende Person ist benachrichtigt."
        }
    }

    /// The text, saying `count` where the notice has a number (`planComputed`, `planRecomputed`).
    func text(count: Int?) -> String {
        guard let count else { return text }
        let sessions = count == 1 ? "1 Session" : "\(count) Sessions"
        switch self {
        case .planComputed: return "Plan berechnet: \(sessions) eingeplant."
        case .planRecomputed:
            return count == 0 ? "Neu geplant: keine Session verschoben." : "Neu geplant: \(sessions) verschoben, alle anderen blieben, wo sie waren."
        case .meetingsPlanned:
            return count == 0
                ? "1:1-Treffen neu geplant: nichts hat sich geändert."
                : "1:1-Treffen neu geplant: \(count == 1 ? "1 Treffen hat" : "\(count) Treffen haben") einen neuen oder ersten Platz (oder keinen mehr); die Beteiligten sind benachrichtigt."
        default: return text
        }
    }

    /// The numbers a notice may carry: a count, nothing else (never text from the address).
    static let counts = 0...100_000

    /// `path` with this notice (and `count`), after the query `path` may have.
    /// `path` with the notice in its query; a fragment (`#in-ihrer-naehe`) stays at the end.
    func path(_ path: String, count: Int? = nil) -> String {
        let number = count.map { "&anzahl=\(min(max($0, Self.counts.lowerBound), Self.counts.upperBound))" } ?? ""
        let parts = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return base + (base.contains("?") ? "&" : "?") + "erfolg=\(rawValue)" + number + fragment
    }
}

extension Request {
    /// 303 to `path`, which then says `notice` (with `count`, for a notice that has a number).
    func redirect(to path: String, notice: SuccessNotice, count: Int? = nil) -> Response {
        redirect(to: notice.path(path, count: count), redirectType: .normal)
    }

    /// The notice a redirect asked this page to show, if it is one we know.
    var successNotice: SuccessNotice? {
        (try? query.get(String.self, at: "erfolg")).flatMap(SuccessNotice.init(rawValue:))
    }

    /// What the page says about the form that led here: the known notice's text, with its count
    /// when the address carries a number in range.
    var successText: String? {
        guard let notice = successNotice else { return nil }
        let count = (try? query.get(String.self, at: "anzahl")).flatMap { Int($0) }.flatMap { SuccessNotice.counts.contains($0) ? $0 : nil }
        return notice.text(count: count)
    }
}
