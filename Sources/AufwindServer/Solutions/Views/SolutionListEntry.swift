import AufwindCore
import Plot

/// One solution in a list: name, short description, publisher, licence, how many towns run it.
struct SolutionListEntry {
    var path: String
    var name: String
    var shortDescription: String
    var publisher: String
    var licence: SolutionLicence
    var operations: [SolutionOperation]
    var inUse: Int
    /// Distance of the nearest user from the chosen town.
    var nearestKm: Double?
    var isDemo: Bool

    func node() -> Node<HTML.BodyContext> {
        .group(
            .a(.safeHref(path), .strong(.text(name))),
            .if(isDemo, .span(.class("demo-badge"), .text(" Demo"))),
            .br(),
            .text(shortDescription),
            .br(),
            .span(
                .class("meta"),
                .text(
                    ([publisher, licence.label, operations.map(\.shortLabel).joined(separator: ", ")]
                        + [inUse == 0 ? "noch keine bestätigte Nutzung" : "im Einsatz bei \(GermanFormat.count(inUse, "Kommune", "Kommunen"))"]
                        + (nearestKm.map { ["nächste Nutzerin \(GermanFormat.km($0)) entfernt"] } ?? []))
                        .joined(separator: " · ")))
        )
    }
}
