import AufwindCore
import Fluent
import Foundation
import Vapor

/// `aufwind create-admin --email … --name …`: the only way to make a platform admin.
/// The password comes from `AUFWIND_ADMIN_PASSWORD` or is asked for on the terminal.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-Mail-Adresse") var email: String?
        @Option(name: "name", help: "Name") var name: String?
    }

    var help: String { "Legt ein Konto der Plattform-Administration an (oder macht ein bestehendes dazu)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = try? AccountValidation.email(signature.email ?? "").get() else {
            throw context.fail("Bitte eine gültige --email angeben.")
        }
        try await app.autoMigrate()
        if let existing = try await UserModel.query(on: app.db).filter(\.$email == email).first() {
            existing.isAdmin = true
            existing.emailConfirmedAt = existing.emailConfirmedAt ?? Date()
            try await existing.save(on: app.db)
            context.console.info("\(email) ist jetzt Plattform-Admin.")
            return
        }
        let password = ProcessInfo.processInfo.environment["AUFWIND_ADMIN_PASSWORD"]
            ?? context.console.ask("Passwort für \(email):".consoleText(), isSecure: true)
        if let message = AccountValidation.password(password) {
            throw context.fail(message.text)
        }
        let name = (try? AccountValidation.displayName(signature.name ?? "Administration").get()) ?? "Administration"
        let user = UserModel(email: email, displayName: name, passwordHash: try app.password.hash(password), isAdmin: true)
        user.emailConfirmedAt = Date()
        try await user.create(on: app.db)
        context.console.info("Plattform-Admin \(email) angelegt.")
    }
}
