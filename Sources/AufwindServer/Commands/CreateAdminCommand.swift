import AufwindCore
import Fluent
import Foundation
import Vapor

/// `aufwind create-admin --email … [--name …] [--ja]`: the only way to make a platform admin.
/// The password comes from `AUFWIND_ADMIN_PASSWORD` or is asked for on the terminal. An
/// unconfirmed account of that address is taken over with this password (see `AdminPromotion`);
/// a confirmed one is promoted only after a yes (or `--ja`).
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-Mail-Adresse") var email: String?
        @Option(name: "name", help: "Name") var name: String?
        @Flag(name: "ja", help: "Ein bestätigtes Konto ohne Rückfrage zum Admin machen") var yes: Bool
    }

    var help: String { "Legt ein Konto der Plattform-Administration an (oder macht ein bestehendes dazu)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = try? AccountValidation.email(signature.email ?? "").get() else {
            throw context.fail("Bitte eine gültige --email angeben.")
        }
        try await app.autoMigrate()
        let promotion = AdminPromotion(database: app.db, lifetime: app.aufwindConfig.sessionLifetime)
        if case .confirmed(let user) = try await promotion.target(email: email) {
            guard !user.isAdmin else {
                context.console.info("\(email) ist schon Plattform-Admin.")
                return
            }
            let agreed =
                signature.yes
                || context.console.confirm(
                    "\(email) ist ein bestätigtes Konto von „\(user.displayName)“. Zum Plattform-Admin machen?".consoleText())
            guard agreed else { throw context.fail("Abgebrochen: nichts geändert.") }
            _ = try await promotion.promoteConfirmed(user)
            context.console.info("\(email) ist jetzt Plattform-Admin; alle Sitzungen des Kontos sind beendet.")
            return
        }
        let password =
            ProcessInfo.processInfo.environment["AUFWIND_ADMIN_PASSWORD"]
            ?? context.console.ask("Passwort für \(email):".consoleText(), isSecure: true)
        if let message = AccountValidation.password(password) {
            throw context.fail(message.text)
        }
        let name = (try? AccountValidation.displayName(signature.name ?? "Administration").get()) ?? "Administration"
        switch try await promotion.createOrTakeOver(email: email, name: name, passwordHash: try app.password.hash(password), now: app.now) {
        case .tookOverUnconfirmed:
            context.console.info(
                "\(email) war registriert, aber nie bestätigt: Das Konto hat jetzt Ihr Passwort, ist bestätigt und Plattform-Admin; alle früheren Sitzungen, Links und Tokens sind ungültig."
            )
        default:
            context.console.info("Plattform-Admin \(email) angelegt.")
        }
    }
}
