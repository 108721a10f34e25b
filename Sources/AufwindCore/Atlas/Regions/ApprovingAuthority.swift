/// Which funding programmes a Regionalbehörde approves, as far as the catalogue says: a Land's
/// programmes are approved by the Land (`level` "land", its name in `land`); where the funder
/// names the Bezirksregierungen as approving ("Bewilligung durch die Bezirksregierungen"), by the
/// Bezirksregierung of the lead town. Kreise approve none. A rule of thumb from the catalogue's
/// text, said so on the page.
public enum ApprovingAuthority {
    /// Whether the authority of `region` approves `programme` for a Verbund led by `leadKey`.
    public static func approves(_ programme: FundingProgramme, region: Gebietseinheit, leadKey: String, landName: String?) -> Bool {
        guard programme.level == "land", let landName, programme.land == landName, leadKey.hasPrefix(region.key) else { return false }
        switch region.kind {
        case .land: return true
        case .regierungsbezirk: return byBezirksregierung(programme)
        default: return false
        }
    }

    /// The funder's text names the Bezirksregierungen (or a Regierung) as approving.
    public static func byBezirksregierung(_ programme: FundingProgramme) -> Bool {
        let funder = (programme.funder ?? "").lowercased()
        return ["bezirksregierung", "regierungspräsidi", "zuständige regierung", "durch die regierungen"].contains { funder.contains($0) }
    }
}
