import AufwindCore
import Foundation

/// The official register files in `../shared/data`, parsed once for all tests.
enum ReferenceData {
    static let directory: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if let configured = ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] { return URL(fileURLWithPath: configured) }
        return root.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    static var gv100adURL: URL { directory.appendingPathComponent("raw/GV100AD_30112025.txt") }
    static var coordinatesURL: URL { directory.appendingPathComponent("raw/koordinaten.csv") }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: gv100adURL.path) }

    static let register: RegisterData = {
        let text = try! String(contentsOf: gv100adURL, encoding: .utf8)
        let coordinates = try! CoordinatesParser(fileName: "koordinaten.csv").parse(String(contentsOf: coordinatesURL, encoding: .utf8))
        return try! GV100ADParser(fileName: "GV100AD").parse(text).data.withCoordinates(coordinates)
    }()

    static let catalog = RegisterCatalog(gebietsstand: register.gebietsstand, units: register.units, gemeinden: register.gemeinden)
}
