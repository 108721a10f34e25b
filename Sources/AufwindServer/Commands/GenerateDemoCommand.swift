import AufwindCore
import Vapor

/// `aufwind generate-demo --items N --seed S`: demo items for benchmarks, load tests and showing
/// the platform; marked as demo data, replacing earlier demo items.
struct GenerateDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "items", help: "Anzahl (Standard 1000)") var items: Int?
        @Option(name: "seed", help: "Startwert des Zufallsgenerators (Standard 1)") var seed: Int?
        @Option(
            name: "event",
            help:
                "Statt Einträgen: eine geplante, veröffentlichte Demo-Veranstaltung mit so vielen Sessions (8 Räume × 8 Zeitfenster, 400 Teilnehmer:innen)"
        )
        var event: Int?
        @Option(name: "solutions", help: "Statt Einträgen: so viele Demo-Lösungen generierter Anbieter mit bestätigten Referenzen") var solutions:
            Int?
    }

    var help: String { "Erzeugt Demo-Einträge (Vorhaben, Bedarfe, Angebote) für echte Gemeinden." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.items ?? 1_000
        guard (1...1_000_000).contains(count), (signature.seed ?? 1) >= 0 else {
            throw context.fail("--items muss zwischen 1 und 1.000.000 liegen, --seed darf nicht negativ sein.")
        }
        try await app.autoMigrate()
        try await app.reloadRegister()
        let catalog = app.registerStore.catalog
        guard !catalog.isEmpty else {
            throw context.fail("Das Register ist leer: zuerst `aufwind import-register` ausführen.")
        }
        if let sessions = signature.event {
            guard (1...64).contains(sessions) else {
                throw context.fail("--event: 1 bis 64 Sessions (8 Räume × 8 Zeitfenster).")
            }
            let town = catalog.gemeinden.first { $0.ags == "05570004" } ?? catalog.gemeinden[0]
            let event = try await DemoEvent(database: app.db, threadPool: app.threadPool)
                .generate(town: town.ags, townName: town.name, sessions: sessions, participants: 400, seed: UInt64(signature.seed ?? 1), now: app.now)
            context.console.info("Demo-Veranstaltung angelegt und veröffentlicht: \(event.path)/programm")
            return
        }
        if let solutions = signature.solutions {
            guard (1...100_000).contains(solutions) else { throw context.fail("--solutions muss zwischen 1 und 100.000 liegen.") }
            let written = try await DemoSolutions(database: app.db).generate(
                count: solutions, seed: UInt64(signature.seed ?? 1), catalog: catalog, now: app.now)
            context.console.info(
                "\(GermanFormat.integer(written.solutions)) Demo-Lösungen mit \(GermanFormat.integer(written.references)) bestätigten Referenzen geschrieben (frühere Demo-Lösungen ersetzt)."
            )
            return
        }
        let written = try await DemoData(database: app.db).generate(count: count, seed: UInt64(signature.seed ?? 1), catalog: catalog, now: app.now)
        context.console.info("\(GermanFormat.integer(written)) Demo-Einträge geschrieben (frühere Demo-Einträge ersetzt).")
    }
}
