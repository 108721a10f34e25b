import AufwindCore
import Foundation
import Vapor

/// `aufwind import-register [--file GV100AD.txt] [--coordinates koordinaten.csv]`: progress on
/// standard error, the summary on standard output.
struct ImportRegisterCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "GV100AD-Datei (Standard: neueste im Datenverzeichnis)")
        var file: String?
        @Option(name: "coordinates", help: "koordinaten.csv (Standard: neben der GV100AD-Datei)")
        var coordinates: String?
    }

    var help: String { "Importiert das Gemeindeverzeichnis (GV100AD) in die Datenbank." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let files: ReferenceDataFiles
        if let file = signature.file {
            let url = URL(fileURLWithPath: file)
            let coordinates =
                signature.coordinates.map(URL.init(fileURLWithPath:))
                ?? url.deletingLastPathComponent().appendingPathComponent("koordinaten.csv")
            files = ReferenceDataFiles(
                gv100ad: url, coordinates: FileManager.default.fileExists(atPath: coordinates.path) ? coordinates : nil)
        } else {
            guard let located = ReferenceDataLocator(candidates: app.aufwindConfig.dataDirectoryCandidates).locate() else {
                throw context.fail(ReferenceDataLocator.missingFilesMessage(candidates: app.aufwindConfig.dataDirectoryCandidates))
            }
            files = located
        }
        try await app.autoMigrate()
        context.note("Importiere \(files.gv100ad.path)" + (files.coordinates.map { " mit \($0.lastPathComponent)" } ?? " (ohne Koordinaten)"))
        let console = context.console
        var importer = RegisterImporter(database: app.db, logger: app.logger)
        importer.progress = { StandardError.write("  \($0)") }
        let started = ContinuousClock.now
        do {
            let summary = try await importer.importFiles(files)
            for line in summary.lines { console.output(line.consoleText()) }
            console.info("Fertig in \(GermanFormat.duration(ContinuousClock.now - started)).")
        } catch let error as RegisterFileError {
            throw context.fail("Import abgebrochen, die Datenbank ist unverändert: \(error.description)")
        }
    }
}

/// A command that already said what went wrong ends with this code (see `CommandContext.fail`);
/// the entry point exits with it and prints nothing more.
public struct ExitCode: Error, CustomStringConvertible {
    public var code: Int32
    init(_ code: Int32) { self.code = code }
    public var description: String { "exit \(code)" }
}
