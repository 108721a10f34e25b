import Vapor

/// What a form did, said on the page it leads to (Post/Redirect/Get): the handler answers 303 to
/// a GET page with `?erfolg=<code>`, and the layout shows the text of a known code, styled as a
/// success. Only fixed texts: nothing typed comes back through the address.
enum SuccessNotice: String, CaseIterable, Sendable {
    case membershipRequested = "anfrage-gesendet"
    case membershipDecided = "anfrage-entschieden"
    case invitationSent = "einladung-gesendet"
    case invitationMailed = "einladung-gemailt"
    case thresholdSaved = "schwelle-gespeichert"
    case contactSettingSaved = "sichtbarkeit-gespeichert"
    case programmePublished = "programm-veroeffentlicht"

    var text: String {
        switch self {
        case .membershipRequested: "Ihre Anfrage ist gesendet. Sie bekommen eine Nachricht, sobald darüber entschieden ist."
        case .membershipDecided: "Entschieden. Die anfragende Person ist benachrichtigt."
        case .invitationSent: "Die Einladung ist gesendet."
        case .invitationMailed: "Die Einladung ist per E-Mail unterwegs. Sie wartet, bis das erste Mitglied der Kommune bestätigt ist."
        case .thresholdSaved: "Die Schwelle für passende Einträge ist gespeichert."
        case .contactSettingSaved: "Gespeichert: So erscheinen Sie in Ihren Kooperationen."
        case .programmePublished: "Das Programm ist veröffentlicht; die Teilnehmenden sind benachrichtigt."
        }
    }

    /// `path` with this notice (`path` has no query of its own).
    func path(_ path: String) -> String { "\(path)?erfolg=\(rawValue)" }
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
