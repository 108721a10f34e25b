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
    case verbundFounded = "verbund-gegruendet"
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
    case contactMessageSent = "nachricht-gesendet"

    var text: String {
        switch self {
        case .membershipRequested: "Ihre Anfrage ist gesendet. Sie bekommen eine Nachricht, sobald darüber entschieden ist."
        case .membershipDecided: "Entschieden. Die anfragende Person ist benachrichtigt."
        case .invitationSent: "Die Einladung ist gesendet."
        case .invitationMailed: "Die Einladung ist per E-Mail unterwegs. Sie wartet, bis das erste Mitglied der Kommune bestätigt ist."
        case .invitationReachesNobody:
            "Eingeladen – aber von dieser Kommune ist noch niemand auf Aufwind, die Einladung erreicht also niemanden. "
                + "Tragen Sie in der Mitgliederliste eine E-Mail-Adresse der Kommune nach (z. B. die des Rathauses)."
        case .verbundFounded: "Der Verbund ist gegründet; Ihre Kommune führt ihn. Eingeladene Kommunen sind benachrichtigt."
        case .verbundAlreadyFounded: "Diesen Verbund hat Ihre Kommune schon gegründet – hier ist er. Es ist kein zweiter entstanden."
        case .thresholdSaved: "Die Schwelle für passende Einträge ist gespeichert."
        case .contactSettingSaved: "Gespeichert: So erscheinen Sie in Ihren Kooperationen."
        case .programmePublished: "Das Programm ist veröffentlicht; die Teilnehmenden sind benachrichtigt."
        case .notificationRead: "Die Benachrichtigung ist als gelesen markiert."
        case .notificationsAllRead: "Alle Benachrichtigungen sind als gelesen markiert."
        case .notificationSettingsSaved: "Ihre Einstellungen für Benachrichtigungen sind gespeichert."
        case .interestSent: "Ihre Anfrage ist gesendet. Die Mitglieder der Kommune werden benachrichtigt; ihre Antwort sehen Sie unter „Anfragen“."
        case .meetingRequested: "Ihre Anfrage für ein 1:1-Treffen ist gesendet. Sie hören, sobald sie beantwortet ist."
        case .meetingAccepted: "Treffen vereinbart. Zeit und Tisch stehen unten in Ihrer Liste und in Ihrer Agenda."
        case .meetingDeclined: "Anfrage abgelehnt. Die anfragende Person ist benachrichtigt."
        case .meetingWithdrawn: "Ihre Anfrage ist zurückgezogen."
        case .contactMessageSent: "Danke, Ihre Nachricht ist angekommen. Wir antworten an die E-Mail-Adresse, die Sie angegeben haben."
        }
    }

    /// `path` with this notice, after the query `path` may have.
    func path(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "erfolg=\(rawValue)" }
}

extension Request {
    /// 303 to `path`, which then says `notice`.
    func redirect(to path: String, notice: SuccessNotice) -> Response {
        redirect(to: notice.path(path), redirectType: .normal)
    }

    /// The notice a redirect asked this page to show, if it is one we know.
    var successNotice: SuccessNotice? {
        (try? query.get(String.self, at: "erfolg")).flatMap(SuccessNotice.init(rawValue:))
    }
}
