import AufwindCore
import Foundation
import Vapor

/// `aufwind check-eligibility --programme ID --members AGS,AGS,… [--lead AGS] [--costs EUR] [--json]`:
/// the verdict on standard output (with `--json` nothing but the JSON), logs and problems on standard error.
struct CheckEligibilityCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "programme", help: "id des Förderprogramms, z. B. ikz-nrw") var programme: String?
        @Option(name: "members", help: "Mitglieder: AGS, Kreisschlüssel oder Namen, durch Kommas getrennt") var members: String?
        @Option(name: "lead", help: "federführende Kommune (optional)") var lead: String?
        @Option(name: "costs", help: "zuwendungsfähige Ausgaben in Euro (optional)") var costs: String?
        @Flag(name: "json", help: "Ergebnis als JSON") var json: Bool
    }

    var help: String { "Prüft, ob ein Verbund für ein Förderprogramm förderfähig ist, und nennt die Gründe." }

    struct Output: Encodable {
        struct Rule: Encodable {
            var regel: String
            var art: String
            var ergebnis: String
            var erklaerung: String
            var quelle: String
        }
        var programm: String
        var urteil: String
        var mitglieder: [String]
        var esFehltNoch: [String]
        var regeln: [Rule]
        var foerderung: Double?
        var formel: String?
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let id = signature.programme, let typed = signature.members else {
            throw context.fail("Bitte --programme und --members angeben, z. B. --programme ikz-nrw --members 05570004,05570036", code: 2)
        }
        try await app.autoMigrate()
        try await app.reloadRegister()
        try await app.prepareFunding()
        let catalog = app.registerStore.catalog
        guard !catalog.isEmpty else {
            throw context.fail("Das Register ist leer: zuerst `aufwind import-register` ausführen.")
        }
        let funding = app.fundingStore.catalog
        guard funding.programme(id) != nil else {
            throw context.fail("Unbekanntes Programm „\(id)“. Bekannt: \(funding.programmes.map(\.id).sorted().joined(separator: ", "))", code: 2)
        }
        let verbund: VerbundFacts
        switch EligibilityInput.parse(members: typed, lead: signature.lead ?? "", costs: signature.costs ?? "", catalog: catalog) {
        case .failure(let problems):
            for message in problems.messages { context.note(message.text) }
            throw ExitCode(2)
        case .success(let parsed): verbund = parsed
        }
        let result = EligibilityChecker(landNames: VerbundResolver(catalog: catalog).landNames, today: FundingDates.today(app.now))
            .check(verbund, against: funding.rules[id] ?? ProgrammeRules(programmeID: id, rules: []))
        if signature.json {
            let output = Output(
                programm: id, urteil: result.verdict.rawValue, mitglieder: verbund.members.map(\.key), esFehltNoch: result.missing,
                regeln: result.results.map {
                    .init(regel: $0.rule.id, art: $0.rule.kindName, ergebnis: $0.outcome.rawValue, erklaerung: $0.explanation, quelle: $0.rule.source)
                },
                foerderung: result.estimate?.amount, formel: result.estimate?.formula)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.output(String(decoding: try encoder.encode(output), as: UTF8.self).consoleText())
        } else {
            context.console.output("\(funding.programme(id)!.displayName): \(result.verdict.label)".consoleText(.info))
            context.console.output("Verbund: \(verbund.members.map(\.name).joined(separator: ", "))".consoleText())
            for entry in result.results {
                context.console.output("  [\(FundingProgrammePage.outcomeLabel(entry.outcome))] \(entry.explanation)".consoleText())
            }
            if let estimate = result.estimate {
                context.console.output(
                    "Förderung: \(estimate.amount.map { "\(GermanFormat.integer(Int($0.rounded()))) € – " } ?? "")\(estimate.formula)".consoleText())
            }
        }
        if result.verdict == .nichtFoerderfaehig { throw ExitCode(3) }
    }
}
