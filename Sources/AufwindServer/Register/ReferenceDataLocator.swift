import Foundation

/// The official files the register is imported from.
struct ReferenceDataFiles: Sendable {
    var gv100ad: URL
    var coordinates: URL?
}

/// Finds the reference data: `AUFWIND_DATA_DIR`, else `../shared/data`, else `./data`.
struct ReferenceDataLocator {
    var candidates: [String]

    static let gv100adPattern = "raw/GV100AD_*.txt"

    /// The newest GV100AD file (by the date in its name) in the first directory that has one.
    func locate() -> ReferenceDataFiles? {
        let fileManager = FileManager.default
        for directory in candidates {
            let raw = URL(fileURLWithPath: directory).appendingPathComponent("raw")
            guard let names = try? fileManager.contentsOfDirectory(atPath: raw.path) else { continue }
            let files = names.filter { $0.hasPrefix("GV100AD_") && $0.hasSuffix(".txt") }
                .sorted { Self.stand(of: $0) < Self.stand(of: $1) }
            guard let newest = files.last else { continue }
            let coordinates = raw.appendingPathComponent("koordinaten.csv")
            return ReferenceDataFiles(
                gv100ad: raw.appendingPathComponent(newest),
                coordinates: fileManager.fileExists(atPath: coordinates.path) ? coordinates : nil)
        }
        return nil
    }

    /// `GV100AD_30112025.txt` → `20251130`, so names sort by date.
    private static func stand(of name: String) -> String {
        let digits = name.dropFirst("GV100AD_".count).prefix(8)
        guard digits.count == 8 else { return name }
        return String(digits.suffix(4) + digits.dropFirst(2).prefix(2) + digits.prefix(2))
    }

    static func missingFilesMessage(candidates: [String]) -> String {
        """
        Keine Referenzdaten gefunden (gesucht in: \(candidates.joined(separator: ", "))). \
        Benötigt: raw/GV100AD_<TTMMJJJJ>.txt (Gemeindeverzeichnis GV-ISys, Satzformat GV100AD) und \
        raw/koordinaten.csv (ags,lat,lon). Das GV100AD veröffentlicht das Statistische Bundesamt (Destatis) \
        unter „Gemeindeverzeichnis-Informationssystem GV-ISys“; danach `swift run aufwind import-register` ausführen \
        oder AUFWIND_DATA_DIR setzen. / No reference data found: Aufwind needs the Destatis GV100AD file and koordinaten.csv.
        """
    }
}
