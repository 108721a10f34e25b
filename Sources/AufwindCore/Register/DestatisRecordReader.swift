/// One record of a GV100AD file, with typed, validated access to its fields.
struct GV100ADRecordReader {
    private let scalars: [Unicode.Scalar]
    let lineNumber: Int
    let fileName: String

    init(line: Substring, lineNumber: Int, fileName: String) {
        self.scalars = Array(line.unicodeScalars)
        self.lineNumber = lineNumber
        self.fileName = fileName
    }

    /// Characters `range` (1-based, inclusive, as in the Datensatzbeschreibung).
    func text(_ range: ClosedRange<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[(range.lowerBound - 1)..<range.upperBound])
        return String(view)
    }

    func trimmed(_ range: ClosedRange<Int>) -> String {
        var value = Substring(text(range))
        while value.last == " " { value = value.dropLast() }
        while value.first == " " { value = value.dropFirst() }
        return String(value)
    }

    func error(field: String, range: ClosedRange<Int>, reason: String) -> RegisterFileError {
        RegisterFileError(
            file: fileName, line: lineNumber, field: "\(field) (Stellen \(range.lowerBound)–\(range.upperBound))",
            value: text(range), reason: reason)
    }

    func checkLength() throws(RegisterFileError) {
        guard scalars.count == GV100ADParser.recordLength else {
            throw RegisterFileError(
                file: fileName, line: lineNumber, field: "Satzlänge", value: String(scalars.count),
                reason: "ein GV100AD-Datensatz hat genau \(GV100ADParser.recordLength) Zeichen")
        }
    }

    func satzart() throws(RegisterFileError) -> Int {
        let value = text(1...2)
        guard let satzart = Int(value), [10, 20, 30, 40, 50, 60].contains(satzart) else {
            throw error(field: "Satzart", range: 1...2, reason: "unbekannte Satzart (erwartet 10, 20, 30, 40, 50 oder 60)")
        }
        return satzart
    }

    func gebietsstand() throws(RegisterFileError) -> String {
        let value = try digits(3...10, field: "Gebietsstand")
        let month = Int(value.dropFirst(4).prefix(2))!
        let day = Int(value.suffix(2))!
        guard (1...12).contains(month), (1...31).contains(day) else {
            throw error(field: "Gebietsstand", range: 3...10, reason: "kein gültiges Datum (JJJJMMTT)")
        }
        return value
    }

    func digits(_ range: ClosedRange<Int>, field: String) throws(RegisterFileError) -> String {
        let value = text(range)
        guard value.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw error(field: field, range: range, reason: "erwartet \(range.count) Ziffern")
        }
        return value
    }

    func number(_ range: ClosedRange<Int>, field: String) throws(RegisterFileError) -> Int {
        guard let value = Int(try digits(range, field: field)) else {
            throw error(field: field, range: range, reason: "keine Zahl")
        }
        return value
    }

    func blank(_ range: ClosedRange<Int>, field: String) throws(RegisterFileError) {
        guard text(range).unicodeScalars.allSatisfy({ $0 == " " }) else {
            throw error(field: field, range: range, reason: "muss in dieser Satzart leer sein")
        }
    }

    func name(_ range: ClosedRange<Int> = 23...72, field: String) throws(RegisterFileError) -> String {
        let value = trimmed(range)
        guard !value.isEmpty else { throw error(field: field, range: range, reason: "darf nicht leer sein") }
        return value
    }

    func typeCode(allowed: ClosedRange<Int>) throws(RegisterFileError) -> Int {
        let value = text(123...124)
        guard let code = Int(value), allowed.contains(code) else {
            throw error(
                field: "Textkennzeichen", range: 123...124,
                reason: "erwartet einen Wert von \(allowed.lowerBound) bis \(allowed.upperBound)")
        }
        return code
    }

    func unit(satzart: Int) throws(RegisterFileError) -> Gebietseinheit {
        switch satzart {
        case 10:
            let land = try digits(11...12, field: "Land")
            try blank(13...22, field: "Regionalschlüssel (Rest)")
            return Gebietseinheit(
                kind: .land, key: land, name: try name(field: "Landbezeichnung"), seat: trimmed(73...122), typeCode: nil)
        case 20:
            let key = try digits(11...13, field: "Land/Regierungsbezirk")
            try blank(14...22, field: "Regionalschlüssel (Rest)")
            return Gebietseinheit(
                kind: .regierungsbezirk, key: key, name: try name(field: "Regierungsbezirksbezeichnung"),
                seat: trimmed(73...122), typeCode: nil)
        case 30:
            let key = try digits(11...14, field: "Land/Regierungsbezirk/Region")
            return Gebietseinheit(
                kind: .region, key: key, name: try name(field: "Regionsbezeichnung"), seat: trimmed(73...122), typeCode: nil)
        case 40:
            let key = try digits(11...15, field: "Kreis")
            try blank(16...22, field: "Regionalschlüssel (Rest)")
            return Gebietseinheit(
                kind: .kreis, key: key, name: try name(field: "Kreisbezeichnung"), seat: trimmed(73...122),
                typeCode: try typeCode(allowed: RegisterTypeCodes.kreisCodes))
        default:
            let kreis = try digits(11...15, field: "Kreis")
            try blank(16...18, field: "Regionalschlüssel (Gemeinde)")
            let verband = try digits(19...22, field: "Gemeindeverband")
            return Gebietseinheit(
                kind: .gemeindeverband, key: kreis + verband, name: try name(field: "Verbandsbezeichnung"),
                seat: trimmed(73...122), typeCode: try typeCode(allowed: RegisterTypeCodes.verbandCodes))
        }
    }

    func gemeinde() throws(RegisterFileError) -> Gemeinde {
        let ags = try digits(11...18, field: "Amtlicher Regionalschlüssel")
        let verband = try digits(19...22, field: "Gemeindeverband")
        let name = try name(field: "Gemeindebezeichnung")
        let type = try typeCode(allowed: RegisterTypeCodes.gemeindeCodes)
        let area = try number(129...139, field: "Fläche in ha")
        let population = try number(140...150, field: "Bevölkerung insgesamt")
        let male = try number(151...161, field: "Bevölkerung männlich")
        guard male <= population else {
            throw error(field: "Bevölkerung männlich", range: 151...161, reason: "größer als die Bevölkerung insgesamt")
        }
        let postcode = trimmed(166...170)
        guard postcode.isEmpty || (postcode.utf8.count == 5 && postcode.utf8.allSatisfy({ (48...57).contains($0) })) else {
            throw error(field: "Postleitzahl", range: 166...170, reason: "erwartet fünf Ziffern oder leer")
        }
        return Gemeinde(
            ags: ags, ars: String(ags.prefix(5)) + verband + String(ags.suffix(3)), name: name, typeCode: type,
            areaHectares: area, population: population, populationMale: male, postcode: postcode,
            hasSeveralPostcodes: !trimmed(171...175).isEmpty, coordinate: nil)
    }
}
