import AufwindCore
import Fluent
import Vapor

/// DSGVO: download everything stored about oneself; delete the account; change the e-mail address.
struct PrivacyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("konto", "daten.json", use: export)
        routes.post("konto", "loeschen", use: delete)
        routes.post("konto", "email", use: requestEmailChange)
        routes.get("konto", "email-bestaetigen", use: confirmEmailChange)
    }

    struct Export: Content {
        struct Account: Content {
            var email: String
            var name: String
            var registriert: Date?
            var emailBestaetigt: Date?
            var plattformAdmin: Bool
        }
        struct Membership: Content {
            var art: String
            var schluessel: String
            var rolle: String
            var status: String
            var nachricht: String
            var angefragt: Date?
            var entschieden: Date?
        }
        struct Token: Content {
            var name: String
            var erstellt: Date?
            var gueltigBis: Date?
            var widerrufen: Date?
            var zuletztBenutzt: Date?
        }
        struct Mail: Content {
            var an: String
            var betreff: String
            var erstellt: Date?
            var text: String
        }
        struct AuditEntry: Content {
            var aktion: String
            var gegenstand: String
            var detail: String
            var zeitpunkt: Date?
        }
        var konto: Account
        var mitgliedschaften: [Membership]
        var apiTokens: [Token]
        var emails: [Mail]
        var protokoll: [AuditEntry]
        var nachrichten: [Message]
        var benachrichtigungen: [Note]
        var veranstaltungen: [EventParticipation] = []
        var hinweis: String
    }

    /// An event the user registered for, with what they did there.
    struct EventParticipation: Content {
        var veranstaltung: String
        var status: String
        var fuer: String
        var angemeldet: Date?
        var geleiteteSessions: [String]
        var interesseAn: [String]
        var treffen: [String]
    }

    struct Message: Content {
        var kooperation: String
        var kommune: String
        var text: String
        var zeitpunkt: Date?
    }
    struct Note: Content {
        var text: String
        var link: String
        var zeitpunkt: Date?
        var gelesen: Date?
    }

    struct DeleteForm: Content { var passwort: String? }
    struct EmailForm: Content {
        var email: String?
        var passwort: String?
    }

    @Sendable func export(request: Request) async throws -> Response {
        try request.requireUser()
        let user = try request.requireUser()
        let id = try user.requireID()
        let memberships = try await MembershipModel.query(on: request.db).filter(\.$user.$id == id).all()
        let tokens = try await APITokenModel.query(on: request.db).filter(\.$user.$id == id).all()
        // Mails to every address the account had, with the links in them made useless.
        let mails = try await MailModel.query(on: request.db).group(.or) { $0.filter(\.$userID == id).filter(\.$recipient == user.email) }
            .sort(\.$createdAt).all()
        let audit = try await AuditEntryModel.query(on: request.db).filter(\.$actorID == id).all()
        let messages = try await CooperationMessageModel.query(on: request.db).filter(\.$authorID == id).all()
        let notes = try await NotificationModel.query(on: request.db).filter(\.$userID == id).all()
        let export = Export(
            konto: .init(
                email: user.email, name: user.displayName, registriert: user.createdAt, emailBestaetigt: user.emailConfirmedAt,
                plattformAdmin: user.isAdmin),
            mitgliedschaften: memberships.map {
                .init(
                    art: $0.kind, schluessel: $0.orgKey, rolle: $0.role, status: $0.status, nachricht: $0.message, angefragt: $0.createdAt,
                    entschieden: $0.decidedAt)
            },
            apiTokens: tokens.map {
                .init(name: $0.name, erstellt: $0.createdAt, gueltigBis: $0.expiresAt, widerrufen: $0.revokedAt, zuletztBenutzt: $0.lastUsedAt)
            },
            emails: mails.map { .init(an: $0.recipient, betreff: $0.subject, erstellt: $0.createdAt, text: LogRedaction.redactLinks(in: $0.body)) },
            protokoll: audit.map { .init(aktion: $0.action, gegenstand: $0.subject, detail: $0.detail, zeitpunkt: $0.createdAt) },
            nachrichten: messages.map {
                .init(kooperation: $0.cooperationID.uuidString.lowercased(), kommune: $0.authorKey, text: $0.body, zeitpunkt: $0.createdAt)
            },
            benachrichtigungen: notes.map { .init(text: $0.text, link: $0.link, zeitpunkt: $0.createdAt, gelesen: $0.readAt) },
            veranstaltungen: try await EventPrivacy(database: request.db).export(userID: id),
            hinweis:
                "Passwort und Tokens speichert Aufwind nur als Prüfsumme; sie sind hier nicht enthalten. Links mit Tokens in E-Mails sind unkenntlich gemacht."
        )
        let response = Response(status: .ok)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try response.content.encode(export, using: encoder)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"aufwind-daten.json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Deletes the account after the password was given again. What the user did for a town
    /// stays with the town; the audit log, item histories, requests and messages keep what was
    /// done but name an "ehemaliges Mitglied".
    @Sendable func delete(request: Request) async throws -> Response {
        try request.requireUser()
        let user = try request.requireUser()
        let form = try request.content.decode(DeleteForm.self)
        guard try await request.password.async.verify(form.passwort ?? "", created: user.passwordHash) else {
            throw ProblemDetails(
                title: "Passwort falsch", status: 403,
                detail: "Zum Löschen des Kontos bitte Ihr aktuelles Passwort angeben. Es wurde nichts gelöscht.")
        }
        let id = try user.requireID()
        // Event places go to the waitlist first (their own transactions, as any cancellation).
        try await EventPrivacy(database: request.db).cancelRegistrations(userID: id, baseURL: request.application.aufwindConfig.baseURL)
        try await request.db.transaction { db in
            try await EventPrivacy(database: db).anonymise(userID: id)
            try await AuditEntryModel.query(on: db).filter(\.$actorID == id)
                .set(\.$actorID, to: nil).set(\.$actorName, to: "ehemaliges Mitglied").update()
            try await MembershipModel.query(on: db).filter(\.$decidedBy == id).set(\.$decidedBy, to: nil).update()
            // Items, their history, requests and messages stay with the towns, without the name.
            try await ItemRevisionModel.query(on: db).filter(\.$editedBy == id)
                .set(\.$editedBy, to: nil).set(\.$editorName, to: "ehemaliges Mitglied").update()
            try await CooperationItemModel.query(on: db).filter(\.$createdBy == id).set(\.$createdBy, to: nil).update()
            try await InterestRequestModel.query(on: db).filter(\.$requestedBy == id)
                .set(\.$requestedBy, to: nil).set(\.$requesterName, to: "ehemaliges Mitglied").update()
            try await InterestRequestModel.query(on: db).filter(\.$decidedBy == id)
                .set(\.$decidedBy, to: nil).set(\.$decidedByName, to: "ehemaliges Mitglied").update()
            try await VerbundMemberModel.query(on: db).filter(\.$decidedBy == id)
                .set(\.$decidedBy, to: nil).set(\.$decidedByName, to: "ehemaliges Mitglied").update()
            try await CooperationMessageModel.query(on: db).filter(\.$authorID == id)
                .set(\.$authorID, to: nil).set(\.$authorName, to: "ehemaliges Mitglied").update()
            try await MailModel.query(on: db).group(.or) { $0.filter(\.$userID == id).filter(\.$recipient == user.email) }.delete()
            try await MembershipService(database: db, baseURL: request.application.aufwindConfig.baseURL)
                .removeAll(of: user, towns: TownDirectory(catalog: request.register))
            try await APITokenModel.query(on: db).filter(\.$user.$id == id).delete()
            try await OneTimeTokenModel.query(on: db).filter(\.$user.$id == id).delete()
            try await LoginThrottleModel.query(on: db).group(.or) {
                $0.filter(\.$subject == LoginThrottle.accountSubject(user.email)).filter(
                    \.$subject, .contains(inverse: false, .suffix), "|" + user.email)
            }.delete()
            try await user.delete(on: db)
        }
        try await request.signOut()
        return HTMLResponse.render(
            MessagePage(title: "Konto gelöscht", message: "Ihr Konto und Ihre persönlichen Daten sind gelöscht."), request: request)
    }

    @Sendable func requestEmailChange(request: Request) async throws -> Response {
        try request.requireUser()
        let user = try request.requireUser()
        let form = try request.content.decode(EmailForm.self)
        let newEmail: String
        switch AccountValidation.email(form.email ?? "") {
        case .failure(let message): throw ProblemDetails(title: "Ungültige Adresse", status: 422, detail: message.text)
        case .success(let valid): newEmail = valid
        }
        guard try await request.password.async.verify(form.passwort ?? "", created: user.passwordHash) else {
            throw ProblemDetails(title: "Passwort falsch", status: 403, detail: "Zum Ändern der Adresse bitte Ihr aktuelles Passwort angeben.")
        }
        let base = request.application.aufwindConfig.baseURL
        if try await UserModel.query(on: request.db).filter(\.$email == newEmail).first() == nil {
            let token = try await AccountTokens.issue(for: user, purpose: .changeEmail, now: request.now, on: request.db, newEmail: newEmail)
            try await Outbox.send(
                to: newEmail, subject: "Neue E-Mail-Adresse bestätigen",
                body:
                    "Bitte bestätigen Sie Ihre neue Adresse für Aufwind: \(base)/konto/email-bestaetigen?token=\(token)\n\nDer Link gilt 24 Stunden.",
                userID: user.id, on: request.db)
        }
        try await Outbox.send(
            to: user.email, subject: "Änderung Ihrer E-Mail-Adresse angefordert",
            body: "Für Ihr Aufwind-Konto wurde eine neue E-Mail-Adresse angegeben. Waren Sie das nicht, ändern Sie bitte Ihr Passwort.",
            on: request.db)
        return HTMLResponse.render(
            MessagePage(
                title: "Bitte bestätigen",
                message: "Wir haben einen Bestätigungslink an die neue Adresse geschickt (sofern sie nicht schon vergeben ist)."),
            request: request)
    }

    @Sendable func confirmEmailChange(request: Request) async throws -> Response {
        let token = try? request.query.get(String.self, at: "token")
        // Redeem, change and end the other sessions in one transaction; outstanding reset links
        // (mailed to the old address) become worthless.
        let lifetime = request.application.aufwindConfig.sessionLifetime
        let keep = request.webSession
        let outcome = try await request.db.transaction { db -> (UserModel, String)? in
            guard let (user, record) = try await AccountTokens.redeem(token, purpose: .changeEmail, now: request.now, on: db),
                let newEmail = record.newEmail
            else {
                return nil
            }
            guard try await UserModel.query(on: db).filter(\.$email == newEmail).first() == nil else {
                throw ProblemDetails(title: "Adresse vergeben", status: 409, detail: "Diese Adresse gehört inzwischen zu einem anderen Konto.")
            }
            let id = try user.requireID()
            user.email = newEmail
            try await user.save(on: db)
            try await AccountTokens.invalidate(userID: id, purposes: [.resetPassword, .changeEmail], now: request.now, on: db)
            try await WebSessions(database: db, lifetime: lifetime).endAll(userID: id, keeping: keep?.$user.id == id ? keep?.id : nil)
            return (user, newEmail)
        }
        guard let (_, newEmail) = outcome else {
            throw ProblemDetails(
                title: "Link ungültig", status: 400, detail: "Dieser Bestätigungslink ist ungültig, abgelaufen oder wurde schon benutzt.")
        }
        return HTMLResponse.render(
            MessagePage(title: "Adresse geändert", message: "Sie melden sich ab jetzt mit \(newEmail) an.", link: ("/konto", "Zum Konto")),
            request: request)
    }
}
