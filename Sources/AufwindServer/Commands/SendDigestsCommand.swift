import AufwindCore
import Vapor

/// `aufwind send-digests`: sends the daily and weekly digests of notifications that are due now
/// (as the running server does every 5 minutes), e.g. from cron when the server's timer is not
/// wanted. A period that already went out sends nothing again.
struct SendDigestsCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verschickt die fälligen Zusammenfassungen der Benachrichtigungen (täglich, montags wöchentlich)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let results = try await app.notificationDigestJob.runDue()
        for cadence in DigestCadence.allCases {
            let summary = results[cadence] ?? .init()
            let name = cadence == .daily ? "Tägliche Zusammenfassung" : "Wöchentliche Zusammenfassung"
            if summary.ran {
                context.console.info("\(name): \(summary.mails) E-Mails an \(summary.users) Personen in den Postausgang gelegt.")
            } else {
                context.console.info("\(name): für diesen Zeitraum schon verschickt (oder eine andere Instanz ist dabei).")
            }
        }
    }
}
