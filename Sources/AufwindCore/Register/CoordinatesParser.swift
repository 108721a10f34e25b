/// Reads `koordinaten.csv` (`ags,lat,lon`, WGS84 degrees, one Gemeinde a line).
public struct CoordinatesParser: Sendable {
    public var fileName: String

    public init(fileName: String) {
        self.fileName = fileName
    }

    public func parse(_ contents: String) throws(RegisterFileError) -> [String: GeoPoint] {
        var result: [String: GeoPoint] = [:]
        var lineNumber = 0
        for rawLine in TextLines.split(contents) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.isEmpty { continue }
            if lineNumber == 1 {
                guard line == "ags,lat,lon" else {
                    throw RegisterFileError(
                        file: fileName, line: 1, field: "Kopfzeile", value: String(line), reason: "erwartet „ags,lat,lon“")
                }
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw RegisterFileError(
                    file: fileName, line: lineNumber, value: String(line), reason: "erwartet drei Felder: ags,lat,lon")
            }
            let ags = String(fields[0])
            guard ags.utf8.count == 8, ags.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw RegisterFileError(file: fileName, line: lineNumber, field: "ags", value: ags, reason: "erwartet acht Ziffern")
            }
            guard let lat = Double(fields[1]), let lon = Double(fields[2]),
                case let point = GeoPoint(latitude: lat, longitude: lon), point.isValid
            else {
                throw RegisterFileError(
                    file: fileName, line: lineNumber, field: "lat/lon", value: "\(fields[1]),\(fields[2])",
                    reason: "keine gültigen WGS84-Koordinaten")
            }
            result[ags] = point
        }
        return result
    }
}
