import AufwindCore
import Fluent
import Foundation

/// Who hears of a membership request and of its decision, in the caller's transaction: the
/// requester ("Ihre Anfrage ist eingegangen", then the decision), and those who decide — a town's
/// or organisation's Verwalter, the platform admins for regions, new organisations and towns
/// without a Verwalter.
struct MembershipNotices {
    let database: any Database
    let baseURL: String

    private var notifier: Notifier { Notifier(database: database, baseURL: baseURL) }

    /// A request to join a town, organisation or region was made (or made again).
    func requested(by user: UserModel, kind: MembershipModel.Kind, key: String, name: String, message: String) async throws {
        let detail = message.isEmpty ? nil : message
        let queue = "/admin/warteschlange"
        let deciders: String
        switch kind {
        case .kommune, .anbieter, .veranstalter:
            let isTown = kind == .kommune
            let told = try await notifier.notifyVerwalter(
                of: key, kind: kind, excluding: user.id,
                NotificationMessage(
                    category: .anfragen, subject: "Neue Beitrittsanfrage: \(name)",
                    text: "\(user.displayName) möchte \(isTown ? "für \(name) handeln" : "\(name) beitreten").", detail: detail,
                    link: isTown ? "/kommunen/\(key)/mitglieder" : "/organisationen/\(key)/mitglieder", action: "Anfrage entscheiden"))
            var decidedByVerwalter = told > 0
            if !decidedByVerwalter { decidedByVerwalter = try await hasVerwalter(kind: kind, key: key) }
            if decidedByVerwalter {
                deciders = "Die Verwalter:innen von \(name) entscheiden darüber."
            } else {
                try await notifier.notifyPlatformAdmins(
                    excluding: user.id,
                    NotificationMessage(
                        category: .anfragen, subject: "Neue Beitrittsanfrage: \(name)",
                        text: "\(user.displayName) möchte \(isTown ? "für \(name) handeln" : "\(name) beitreten"); "
                            + "\(name) hat keine Verwalter:innen, die Plattform-Administration prüft die Anfrage.",
                        detail: detail, link: queue, action: "Anfrage prüfen"))
                deciders =
                    isTown
                    ? "Die Plattform-Administration prüft sie (z. B. durch einen Rückruf im Rathaus)."
                    : "Die Plattform-Administration entscheidet darüber."
            }
        case .region:
            try await notifier.notifyPlatformAdmins(
                excluding: user.id,
                NotificationMessage(
                    category: .anfragen, subject: "Neue Anfrage einer Regionalbehörde: \(name)",
                    text: "\(user.displayName) bittet als Regionalbehörde um Einblick in die Übersichten von \(name).", detail: detail,
                    link: queue, action: "Anfrage prüfen"))
            deciders = "Die Plattform-Administration prüft sie."
        }
        try await notifier.notify(
            user,
            NotificationMessage(
                category: .anfragen, subject: "Ihre Anfrage ist eingegangen: \(name)",
                text: "Ihre Anfrage für \(name) ist eingegangen. \(deciders)", link: "/konto/organisationen", action: "Meine Organisationen"))
    }

    /// The requester hears how their request was decided.
    func decided(for requester: UserModel, accepted: Bool, role: String, kind: String, key: String, name: String) async throws {
        let roleLabel = MemberRole(rawValue: role)?.label ?? role
        let message: NotificationMessage
        switch (accepted, MembershipModel.Kind(rawValue: kind) ?? .kommune) {
        case (true, .region):
            message = NotificationMessage(
                category: .anfragen, subject: "Ihre Anfrage für \(name) ist bestätigt",
                text: "Sie sehen jetzt als Regionalbehörde die Übersichten von \(name).", link: "/regionen/\(key)", action: "Übersicht öffnen")
        case (true, _):
            message = NotificationMessage(
                category: .anfragen, subject: "Ihre Mitgliedschaft bei \(name) ist bestätigt",
                text: "Sie handeln auf Aufwind jetzt für \(name) (\(roleLabel)).", link: "/mein-aufwind", action: "Zu Mein Aufwind")
        case (false, _):
            message = NotificationMessage(
                category: .anfragen, subject: "Ihre Anfrage bei \(name) wurde abgelehnt",
                text: "Ihre Anfrage für \(name) wurde abgelehnt. Bei Fragen wenden Sie sich an die Verwaltung von \(name).",
                link: "/konto/organisationen", action: "Meine Organisationen")
        }
        try await notifier.notify(requester, message)
    }

    /// Someone founded an organisation: the platform admins confirm it.
    func founded(_ organisation: OrganisationModel, by founder: UserModel) async throws {
        try await notifier.notifyPlatformAdmins(
            excluding: founder.id,
            NotificationMessage(
                category: .anfragen, subject: "Neue Organisation: \(organisation.name)",
                text: "\(founder.displayName) hat „\(organisation.name)“ (\(organisation.kindValue.label)) angelegt und bittet um Bestätigung.",
                detail: organisation.description.isEmpty ? nil : organisation.description, link: "/admin/warteschlange",
                action: "Organisation prüfen"))
        try await notifier.notify(
            founder,
            NotificationMessage(
                category: .anfragen, subject: "Ihre Anfrage ist eingegangen: \(organisation.name)",
                text: "„\(organisation.name)“ ist angelegt und wird sichtbar, sobald die Plattform-Administration sie bestätigt hat.",
                link: "/konto/organisationen", action: "Meine Organisationen"))
    }

    /// The platform confirmed or declined an organisation: its founder hears of it.
    func organisationDecided(_ organisation: OrganisationModel, confirmed: Bool) async throws {
        guard let founder = try await UserModel.find(organisation.foundedBy, on: database) else { return }
        let id = organisation.id?.uuidString ?? ""
        try await notifier.notify(
            founder,
            confirmed
                ? NotificationMessage(
                    category: .anfragen, subject: "Ihre Organisation ist bestätigt: \(organisation.name)",
                    text: "„\(organisation.name)“ ist bestätigt; Sie verwalten sie.", link: "/organisationen/\(id)",
                    action: "Organisation ansehen")
                : NotificationMessage(
                    category: .anfragen, subject: "Ihre Organisation wurde abgelehnt: \(organisation.name)",
                    text: "Die Plattform-Administration hat „\(organisation.name)“ abgelehnt.", link: "/konto/organisationen",
                    action: "Meine Organisationen"))
    }

    private func hasVerwalter(kind: MembershipModel.Kind, key: String) async throws -> Bool {
        try await MembershipService(database: database, baseURL: baseURL).hasConfirmedVerwalter(kind: kind, key: key)
    }
}
