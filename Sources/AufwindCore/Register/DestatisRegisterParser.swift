/// Reads Destatis' fixed-width Gemeindeverzeichnis GV100AD (220 characters a record, UTF-8).
///
/// Positions follow the official Datensatzbeschreibung (Satzarten 10, 20, 30, 40, 50, 60);
/// they count characters, not bytes, since Sorbian names are written in UTF-8.
public struct GV100ADParser: Sendable {
    public static let recordLength = 220
    public var fileName: String

    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Parses the whole file; throws on the first malformed record.
    /// `progress` is called every `progressInterval` records with the counts so far.
    public func parse(
        _ contents: String,
        progressInterval: Int = 2_000,
        progress: (GV100ADStatistics) -> Void = { _ in }
    ) throws(RegisterFileError) -> (data: RegisterData, statistics: GV100ADStatistics) {
        var units: [Gebietseinheit] = []
        var gemeinden: [Gemeinde] = []
        var statistics = GV100ADStatistics()
        var gebietsstand: String?
        var unitLines: [String: Int] = [:]
        var gemeindeLines: [String: Int] = [:]

        var lineNumber = 0
        for rawLine in TextLines.split(contents) {
            lineNumber += 1
            let line = rawLine
            if line.isEmpty { continue }
            let record = GV100ADRecordReader(line: line, lineNumber: lineNumber, fileName: fileName)
            try record.checkLength()
            let satzart = try record.satzart()
            let stand = try record.gebietsstand()
            if let gebietsstand, gebietsstand != stand {
                throw record.error(
                    field: "Gebietsstand", range: 3...10, reason: "weicht vom Gebietsstand der ersten Zeile (\(gebietsstand)) ab")
            }
            gebietsstand = stand
            switch satzart {
            case 60:
                let gemeinde = try record.gemeinde()
                if gemeindeLines[gemeinde.ags] != nil {
                    throw record.error(field: "Amtlicher Regionalschlüssel", range: 11...18, reason: "AGS kommt doppelt vor")
                }
                gemeindeLines[gemeinde.ags] = lineNumber
                gemeinden.append(gemeinde)
            default:
                let unit = try record.unit(satzart: satzart)
                if unitLines[unit.key] != nil {
                    throw record.error(field: "Amtlicher Regionalschlüssel", range: 11...22, reason: "Schlüssel kommt doppelt vor")
                }
                unitLines[unit.key] = lineNumber
                units.append(unit)
            }
            statistics.recordsBySatzart[satzart, default: 0] += 1
            if statistics.totalRecords % progressInterval == 0 { progress(statistics) }
        }
        guard let gebietsstand else {
            throw RegisterFileError(file: fileName, reason: "Die Datei enthält keinen einzigen Datensatz.")
        }
        try checkHierarchy(units: units, gemeinden: gemeinden, unitLines: unitLines, gemeindeLines: gemeindeLines)
        if statistics.totalRecords % progressInterval != 0 { progress(statistics) }
        let iso = "\(gebietsstand.prefix(4))-\(gebietsstand.dropFirst(4).prefix(2))-\(gebietsstand.suffix(2))"
        return (RegisterData(gebietsstand: iso, units: units, gemeinden: gemeinden), statistics)
    }

    /// Every unit needs its Land, every Gemeinde its Gemeindeverband and, unless it is a
    /// gemeindefreies Gebiet (the German-Luxembourg condominium lies in no Kreis), its Kreis.
    private func checkHierarchy(
        units: [Gebietseinheit], gemeinden: [Gemeinde], unitLines: [String: Int], gemeindeLines: [String: Int]
    ) throws(RegisterFileError) {
        for unit in units where unit.kind != .land {
            let land = String(unit.key.prefix(2))
            if unitLines[land] == nil {
                throw RegisterFileError(
                    file: fileName, line: unitLines[unit.key], field: "Land", value: land,
                    reason: "zu diesem Schlüssel gibt es keinen Land-Datensatz (Satzart 10)")
            }
        }
        for gemeinde in gemeinden {
            var parents = [(gemeinde.verbandKey, "Gemeindeverband (Satzart 50)")]
            if !gemeinde.isGemeindefrei { parents.append((gemeinde.kreisKey, "Kreis (Satzart 40)")) }
            for (key, label) in parents where unitLines[key] == nil {
                throw RegisterFileError(
                    file: fileName, line: gemeindeLines[gemeinde.ags], field: "Amtlicher Regionalschlüssel", value: key,
                    reason: "zu diesem Schlüssel gibt es keinen Datensatz \(label)")
            }
        }
    }
}
