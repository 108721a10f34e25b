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

    struct DeleteForm: Content { var passwort: String? }
    struct EmailForm: Content {
        var email: String?
        var passwort: String?
    }

    private func context(_ request: Request) -> PersonalDataContext {
        PersonalDataContext(
            database: request.db, baseURL: request.application.aufwindConfig.baseURL, towns: TownDirectory(catalog: request.register))
    }

    /// Everything stored about the signed-in account, as JSON (Art. 15 and 20 DSGVO).
    @Sendable func export(request: Request) async throws -> Response {
        try request.requireUser()
        let subject = try DataSubject(try request.requireUser())
        let export = try await PersonalData.registered.export(subject, in: context(request))
        return FileDownload.response(try export.json(), format: .json, filename: "aufwind-daten.json", cacheControl: "no-store")
    }

    /// Deletes the account after the password was given again. What the user did for a town
    /// stays with the town; every feature forgets or anonymises its part (`PersonalData`).
    @Sendable func delete(request: Request) async throws -> Response {
        try request.requireUser()
        let user = try request.requireUser()
        let form = try request.content.decode(DeleteForm.self)
        guard try await request.password.async.verify(form.passwort ?? "", created: user.passwordHash) else {
            throw ProblemDetails(
                title: "Passwort falsch", status: 403,
                detail: "Zum Löschen des Kontos bitte Ihr aktuelles Passwort angeben. Es wurde nichts gelöscht.")
        }
        try await PersonalData.registered.forget(try DataSubject(user), in: context(request))
        try await request.signOut()
        return request.redirect(to: "/", notice: .accountDeleted)
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
                body: MailWording.letter(
                    to: user.displayName,
                    "bitte bestätigen Sie Ihre neue Adresse für Aufwind: \(base)/konto/email-bestaetigen?token=\(token)\n\nDer Link gilt 24 Stunden."),
                userID: user.id, on: request.db)
        }
        try await Outbox.send(
            to: user.email, subject: "Änderung Ihrer E-Mail-Adresse angefordert",
            body: MailWording.letter(
                to: user.displayName,
                "für Ihr Aufwind-Konto wurde eine neue E-Mail-Adresse angegeben. Waren Sie das nicht, ändern Sie bitte Ihr Passwort."),
            on: request.db)
        return request.redirect(to: "/konto", notice: .emailChangeRequested)
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
