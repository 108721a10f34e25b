import AufwindCore
import Foundation
import Plot

/// `/antworten`: the answers of Anbieter to the Bedarfe of the viewer's towns (open ones first),
/// and the answers the viewer's Anbieter gave, with what the towns made of them.
struct NeedAnswerOverviewPage: PageView {
    struct Row {
        var path: String
        var itemTitle: String
        var town: String
        var solution: String
        var organisation: String
        var status: NeedAnswerModel.Status
        var at: Date?
    }

    var received: [Row]
    var given: [Row]
    var hasTowns: Bool
    var hasProviders: Bool
    var title: String { "Antworten auf Bedarfe" }

    private var receivedOpen: [Row] { received.filter { $0.status == .offen } }
    private var receivedDeclined: [Row] { received.filter { $0.status == .passtNicht } }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Anbieter antworten auf veröffentlichte Bedarfe mit einer ihrer Lösungen. Die Kommune sieht die Antworten an ihrem Bedarf, nach Passung geordnet, und entscheidet, mit wem sie spricht."
                )),
            .if(
                !hasTowns && !hasProviders,
                .p(.text("Sie handeln noch für keine Kommune und keinen Anbieter. Antworten sehen Mitglieder der Kommune und des Anbieters."))),
            .if(
                hasTowns,
                .group(
                    .h2(.text("An Ihre Kommunen (\(receivedOpen.count) offen)")),
                    .if(received.isEmpty, .p(.text("Noch keine Antworten auf Bedarfe Ihrer Kommunen."))),
                    .ul(.class("results"), .forEach(receivedOpen + receivedDeclined) { row($0, received: true) }))),
            .if(
                hasProviders,
                .group(
                    .h2(.text("Von Ihren Anbietern (\(given.count))")),
                    .if(
                        given.isEmpty,
                        .p(
                            .text("Noch keine Antworten. Auf der Seite eines Bedarfs antworten Sie mit einer Ihrer Lösungen: "),
                            .a(.href("/eintraege?art=bedarf"), .text("Bedarfe durchsuchen")))),
                    .ul(.class("results"), .forEach(given) { row($0, received: false) })))
        )
    }

    private func row(_ row: Row, received: Bool) -> Node<HTML.ListContext> {
        .li(
            .div(
                .class("name"), .a(.safeHref(row.path), .text(received ? "\(row.solution) von \(row.organisation)" : row.solution)),
                .text(" – \(row.status.label)")),
            .div(
                .class("meta"),
                .text("Bedarf „\(row.itemTitle)“ von \(row.town)" + (row.at.map { " · \(GermanFormat.date($0))" } ?? "")))
        )
    }
}
