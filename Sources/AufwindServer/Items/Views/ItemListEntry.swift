import AufwindCore
import Foundation
import Plot

/// One item in a list: title, kind, town, fields, and the demo mark.
struct ItemListEntry {
    var item: CooperationItem
    var townName: String
    var townPath: String
    var draft = false

    init(item: CooperationItem, directory: TownDirectory, draft: Bool = false) {
        self.item = item
        townName = directory.name(of: item.ownerKey) ?? item.ownerKey
        townPath = directory.path(of: item.ownerKey)
        self.draft = draft
    }

    var path: String { "/eintraege/\(item.id)" }

    func node() -> Node<HTML.BodyContext> {
        .group(
            .div(
                .class("name"), .a(.safeHref(path), .text(item.title)), .text(" "),
                .itemBadges(kind: item.kind, status: item.status, visibility: item.visibility, isDemo: item.isDemo, draft: draft)
            ),
            .div(
                .class("meta"),
                .a(.safeHref(townPath), .text(townName)),
                .text(
                    item.handlungsfelder.isEmpty
                        ? "" : " · " + Handlungsfeld.allCases.filter(item.handlungsfelder.contains).map(\.label).joined(separator: ", ")),
                .text(" · Partnersuche: \(item.reach.label)")
            )
        )
    }
}

extension Node where Context == HTML.BodyContext {
    static func itemBadges(kind: ItemKind, status: ItemStatus?, visibility: Visibility, isDemo: Bool, draft: Bool) -> Node {
        .group(
            .span(.class("badge"), .text(kind.label)),
            .unwrap(status) { .group(.text(" "), .span(.class("badge"), .text($0.label))) },
            .if(visibility == .kommunen, .group(.text(" "), .span(.class("badge"), .text("nur für Kommunen")))),
            .if(draft, .group(.text(" "), .span(.class("badge badge-warn"), .text("Entwurf")))),
            .if(isDemo, .group(.text(" "), .span(.class("badge badge-demo"), .text("Demo-Daten"))))
        )
    }

    /// Plain text with paragraphs and links.
    static func linkedText(_ text: String) -> Node {
        .forEach(LinkedText.paragraphs(text)) { segments in
            .p(
                .forEach(segments) { segment in
                    switch segment {
                    case .text(let value): .text(value)
                    case .link(let url): .a(.safeExternalHref(url), .attribute(named: "rel", value: "nofollow noopener"), .text(url))
                    }
                })
        }
    }

    /// Why a partner fits: the topic first (its tier and fit), then form and setting; each
    /// component with its weight within its stage, its value and a reason.
    static func explanation(_ explanation: MatchExplanation, score: Double) -> Node {
        func percent(_ value: Double) -> String { GermanFormat.integer(Int((value * 100).rounded())) }
        return .element(
            named: "details",
            nodes: [
                .element(named: "summary", text: "Warum? Passung \(percent(score)) von 100"),
                .p(
                    .class("hint"),
                    .text(
                        "Zuerst zählt das Thema – \(explanation.tier.label): Themenbezug \(percent(explanation.topicalFit)) von 100. "
                            + "Ergänzung, Größe, Lage und Aktivität (zusammen \(percent(explanation.setting)) von 100) heben oder senken die Passung um bis zu 40 %."
                    )),
                .ul(
                    .class("explanation"),
                    .forEach(explanation.parts) { part in
                        .li(
                            .strong(.text(part.component.label)),
                            .text(
                                " (\(part.component.isTopical ? "Thema" : "Form und Umfeld"), Gewicht \(percent(part.weight)) %, erreicht \(percent(part.value)) %): "
                            ),
                            .text(part.reason)
                        )
                    }),
            ])
    }
}
