import AufwindCore
import Foundation

/// A small register (Ahlen, Oelde, Warendorf in NRW; Munster in Niedersachsen), the funding rules
/// that ship with Aufwind, and Verbund memberships to build Verbünde from.
enum VerbundFixture {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052", munster = "03358016"

    static func gemeinde(_ ags: String, _ name: String, population: Int) -> Gemeinde {
        Gemeinde(
            ags: ags, ars: String(ags.prefix(5)) + "0" + ags.suffix(3) + ags.suffix(3), name: name, typeCode: 63, areaHectares: 10_000,
            population: population, populationMale: population / 2, postcode: "48000", hasSeveralPostcodes: false, coordinate: nil)
    }

    static let register = RegisterCatalog(
        gebietsstand: "2025-11-30",
        units: [
            Gebietseinheit(kind: .land, key: "05", name: "Nordrhein-Westfalen", seat: "Düsseldorf", typeCode: nil),
            Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 44),
            Gebietseinheit(kind: .land, key: "03", name: "Niedersachsen", seat: "Hannover", typeCode: nil),
            Gebietseinheit(kind: .kreis, key: "03358", name: "Heidekreis", seat: "Bad Fallingbostel", typeCode: 44),
        ],
        gemeinden: [
            gemeinde(ahlen, "Ahlen, Stadt", population: 52_666), gemeinde(oelde, "Oelde, Stadt", population: 29_326),
            gemeinde(warendorf, "Warendorf, Stadt", population: 37_930), gemeinde(munster, "Munster, Stadt", population: 15_260),
        ])

    /// Every programme of the bundled rule file, named by its id.
    static let funding: FundingCatalog = {
        let file = try! FundingRuleFile.bundled().get()
        return FundingCatalog(
            programmes: file.programmes.map { FundingProgramme(id: $0.programmeID, name: $0.programmeID, themes: [], sourceUrls: []) },
            rules: Dictionary(uniqueKeysWithValues: file.programmes.map { ($0.programmeID, $0) }))
    }()

    static func member(
        _ key: String, _ status: VerbundMembership.Status = .accepted, type: MemberType = .gemeinde, name: String? = nil, land: String? = nil,
        expires: Date? = nil
    ) -> VerbundMembership {
        VerbundMembership(
            id: "m-\(key)", key: key, type: type, name: name, landCode: land, role: key == ahlen ? .konsortialfuehrung : .partner, status: status,
            expiresAt: expires)
    }

    static func date(_ id: String, due: String, done: Bool = false, kind: VerbundDateKind = .frist) -> VerbundDate {
        VerbundDate(id: id, verbundID: "v1", kind: kind.rawValue, title: "Termin \(id)", due: due, ownerKey: ahlen, done: done)
    }
}
