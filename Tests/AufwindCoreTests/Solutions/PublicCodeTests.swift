import Foundation
import Testing

@testable import AufwindCore

@Suite("publiccode.yml import and export")
struct PublicCodeTests {
    /// A file as Open CoDE holds them: German and English, keys Aufwind does not map, no x-aufwind.
    static let openCoDEFile = """
        publiccodeYmlVersion: "0.4"
        name: Mängelmelder Süd
        url: "https://gitlab.opencode.de/kommune/maengelmelder.git"
        landingURL: "https://maengelmelder.example.de"
        softwareVersion: "1.10"
        releaseDate: "2026-05-01"
        platforms:
          - web
          - android
        categories:
          - it-development
        developmentStatus: beta
        softwareType: standalone/web
        description:
          de:
            shortDescription: Bürgerinnen melden Schäden an Straßen und Plätzen.
            longDescription: >
              Ein Meldeportal für Schlaglöcher, defekte Laternen und wilden Müll, mit Karte und
              Rückmeldung an die meldende Person.
            features:
              - Meldung mit Foto
          en:
            shortDescription: Citizens report damage.
        legal:
          license: EUPL-1.2
          mainCopyrightOwner: Stadt Musterhausen
        maintenance:
          type: internal
          contacts:
            - name: Jana Überall
              email: jana.ueberall@example.de
            - name: Zweiter Kontakt
        localisation:
          localisationReady: true
          availableLanguages: [de, en]
        it:
          countryExtensionVersion: "0.2"
        """

    @Test("an Open CoDE file maps name, texts, licence, repository and first contact, and keeps the rest")
    func importsOpenCoDE() throws {
        let result = try PublicCode.parse(Self.openCoDEFile).get()
        #expect(result.raw.name == "Mängelmelder Süd")
        #expect(result.raw.shortDescription == "Bürgerinnen melden Schäden an Straßen und Plätzen.")
        #expect(result.raw.description?.hasPrefix("Ein Meldeportal für Schlaglöcher") == true)
        #expect(result.raw.licence == "open-source")
        #expect(result.raw.licenceID == "EUPL-1.2")
        #expect(result.raw.repositoryURL == "https://gitlab.opencode.de/kommune/maengelmelder.git")
        #expect(result.raw.website == "https://maengelmelder.example.de")
        #expect(result.raw.version == "1.10")
        #expect(result.raw.releaseDate == "2026-05-01")
        #expect(result.raw.contactName == "Jana Überall")
        #expect(result.raw.contactEmail == "jana.ueberall@example.de")
        #expect(result.raw.handlungsfelder.isEmpty)
        for kept in [
            "android", "it-development", "beta", "Meldung mit Foto", "Citizens report damage.", "Stadt Musterhausen", "Zweiter Kontakt",
            "countryExtensionVersion",
        ] {
            #expect(result.preserved.contains(kept), "kept: \(kept)")
        }
        #expect(!result.preserved.contains("Jana"))
        #expect(!result.preserved.contains("shortDescription: Bürgerinnen"))
    }

    @Test("export then import gives the same solution, and the kept keys come back")
    func roundTrip() throws {
        let imported = try PublicCode.parse(Self.openCoDEFile).get()
        var raw = imported.raw
        raw.handlungsfelder = ["digitale-verwaltung"]
        raw.operations = ["saas", "it-dienstleister"]
        raw.euHosting = "ja"
        raw.interfaces = "FIT-Connect, XBau"
        raw.priceModel = "Pauschale je Einwohner"
        raw.needsServed = "Schadensmeldungen ohne Telefon"
        raw.releaseNotes = "Neue Karte"
        let input = try SolutionInput.validate(raw).get()
        let file = PublicCode.export(
            input, context: .init(pageURL: "https://aufwind.example/loesungen/1", publishedByTown: true, preserved: imported.preserved))
        #expect(file.hasPrefix("publiccodeYmlVersion: \"0.4\"\nname: Mängelmelder Süd\n"))
        #expect(file.contains("softwareVersion: \"1.10\""))
        #expect(file.contains("- android"))
        #expect(file.contains("developmentStatus: beta"))
        #expect(file.contains("mainCopyrightOwner: Stadt Musterhausen"))
        let again = try PublicCode.parse(file).get()
        #expect(try SolutionInput.validate(again.raw).get() == input)
        // Exporting the re-import writes the very same file.
        let second = PublicCode.export(
            input, context: .init(pageURL: "https://aufwind.example/loesungen/1", publishedByTown: true, preserved: again.preserved))
        #expect(second == file)
    }

    @Test("a proprietary solution exports LicenseRef-proprietary and its website as url")
    func proprietary() throws {
        let input = SolutionInput(
            name: "Ratsinfo Pro", shortDescription: "Sitzungsdienst", description: "Sitzungen planen.", handlungsfelder: [.digitaleVerwaltung],
            licence: .proprietaer, operations: [.saas], euHosting: true, website: "https://ratsinfo.example")
        let file = PublicCode.export(input, context: .init(pageURL: "https://aufwind.example/loesungen/2", publishedByTown: false, preserved: ""))
        #expect(file.contains("license: LicenseRef-proprietary"))
        #expect(file.contains("url: https://ratsinfo.example"))
        #expect(file.contains("type: contract"))
        let again = try PublicCode.parse(file).get()
        #expect(again.raw.licence == "proprietaer")
        #expect(try SolutionInput.validate(again.raw).get() == input)
    }

    @Test(
        "a malformed file is refused naming line and field",
        arguments: [
            ("publiccodeYmlVersion: \"0.4\"\nname: [eins, zwei]\ndescription:\n  de:\n    shortDescription: x\n", 2, "name"),
            ("publiccodeYmlVersion: \"0.4\"\nname: Gut\ndescription: Text\n", 3, "description"),
            ("publiccodeYmlVersion: \"0.4\"\nname: Gut\ndescription:\n  de:\n    longDescription: nur lang\n", 5, "description.de.shortDescription"),
            ("name: Ohne Version\n", 1, "publiccodeYmlVersion"),
            (
                "publiccodeYmlVersion: \"0.4\"\nname: Gut\ndescription:\n  de:\n    shortDescription: x\nx-aufwind:\n  hostingInDerEU: vielleicht\n",
                7,
                "x-aufwind.hostingInDerEU"
            ),
        ])
    func refusesWithLineAndField(file: String, line: Int, field: String) {
        guard case .failure(let problem) = PublicCode.parse(file) else {
            Issue.record("accepted: \(file)")
            return
        }
        #expect(problem.field == field)
        #expect(problem.line == line)
        #expect(problem.text.hasPrefix("Zeile \(line), Feld „\(field)“: "))
    }

    @Test("broken YAML names its line")
    func brokenYAML() {
        guard case .failure(let problem) = PublicCode.parse("publiccodeYmlVersion: \"0.4\"\nname: \"offen\ndescription: x\n") else {
            Issue.record("accepted broken YAML")
            return
        }
        #expect(problem.line != nil)
        #expect(problem.text.hasPrefix("Zeile "))
    }

    @Test("aliases that would make a small file enormous are refused")
    func billionLaughs() {
        var file = "publiccodeYmlVersion: \"0.4\"\nname: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            file += "a\(level): &a\(level) [\(previous)]\n"
        }
        guard case .failure(let problem) = PublicCode.parse(file) else {
            Issue.record("accepted the alias bomb")
            return
        }
        #expect(problem.message.contains("zu viele Einträge"))
    }

    @Test("no root mapping, empty file and a file too big are refused")
    func otherShapes() {
        for file in ["- eins\n- zwei\n", "", String(repeating: "# Kommentar\n", count: 20_000)] {
            if case .success = PublicCode.parse(file) { Issue.record("accepted: \(file.prefix(30))") }
        }
    }
}
