/// Writes register data in the GV100AD fixed-width format: the inverse of `GV100ADParser`,
/// used to produce small register files (test snippets, extracts of one Kreis).
public struct GV100ADWriter: Sendable {
    /// Gebietsstand as `JJJJMMTT`.
    public var gebietsstand: String

    public init(gebietsstand: String) {
        self.gebietsstand = gebietsstand
    }

    public func record(for unit: Gebietseinheit) -> String {
        var fields: [(Int, String)] = [(23, unit.name), (73, unit.seat)]
        let satzart: String
        switch unit.kind {
        case .land:
            satzart = "10"
            fields.append((11, unit.key))
        case .regierungsbezirk:
            satzart = "20"
            fields.append((11, unit.key))
        case .region:
            satzart = "30"
            fields.append((11, unit.key))
        case .kreis:
            satzart = "40"
            fields.append((11, unit.key))
        case .gemeindeverband:
            satzart = "50"
            fields += [(11, String(unit.key.prefix(5))), (19, String(unit.key.suffix(4)))]
        }
        if let code = unit.typeCode { fields.append((123, String(code))) }
        return line(satzart: satzart, fields)
    }

    public func record(for gemeinde: Gemeinde) -> String {
        func padded(_ value: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, 11 - digits.count)) + digits
        }
        return line(
            satzart: "60",
            [
                (11, gemeinde.ags), (19, String(gemeinde.ars.dropFirst(5).prefix(4))), (23, gemeinde.name),
                (123, String(gemeinde.typeCode)), (129, padded(gemeinde.areaHectares)), (140, padded(gemeinde.population)),
                (151, padded(gemeinde.populationMale)), (166, gemeinde.postcode),
                (171, gemeinde.hasSeveralPostcodes ? "*****" : ""),
            ])
    }

    /// A whole file: units and Gemeinden in register order.
    public func file(units: [Gebietseinheit], gemeinden: [Gemeinde]) -> String {
        var lines: [(String, String)] = units.map { (($0.key + "        ").prefix(8) + "u", record(for: $0)) }
        lines += gemeinden.map { ($0.ags + "g", record(for: $0)) }
        return lines.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: "\n") + "\n"
    }

    private func line(satzart: String, _ fields: [(Int, String)]) -> String {
        var scalars = Array(repeating: Unicode.Scalar(" "), count: GV100ADParser.recordLength)
        for (start, value) in [(1, satzart), (3, gebietsstand)] + fields {
            for (offset, scalar) in value.unicodeScalars.prefix(50).enumerated() { scalars[start - 1 + offset] = scalar }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
