import AufwindCore
import Foundation
import Plot

/// `/kooperationen`: every cooperation of the person's towns, most recent activity first.
struct MyCooperationsPage: PageView {
    var cooperations: [CooperationSummary]
    var hasTowns: Bool
    var title: String { "Meine Kooperationen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            cooperations.isEmpty
                ? .p(
                    .text(
                        hasTowns
                            ? "Ihre Kommunen kooperieren noch mit niemandem. Eine Kooperation entsteht, wenn eine Kommune eine Interessenbekundung annimmt."
                            : "Sie sind noch bei keiner Kommune Mitglied."),
                    .text(" "),
                    .a(
                        .safeHref(hasTowns ? "/eintraege" : "/konto/organisationen"),
                        .text(hasTowns ? "Einträge ansehen" : "Mitgliedschaft beantragen")))
                : Self.list(cooperations)
        )
    }

    /// The list, also on the home base.
    static func list(_ cooperations: [CooperationSummary]) -> Node<HTML.BodyContext> {
        .ul(
            .class("results"),
            .forEach(cooperations) { cooperation in
                .li(
                    .div(
                        .class("name"), .a(.safeHref(cooperation.path), .text("\(cooperation.ownTown) mit \(cooperation.partnerTown)"))),
                    .div(.class("meta"), .text("zu "), .a(.safeHref(cooperation.itemPath), .text(cooperation.itemTitle))),
                    .unwrap(cooperation.lastMessage) { message in
                        .p(
                            .class("meta"),
                            .text(
                                "Letzte Nachricht\(cooperation.lastAuthor.map { " von \($0)" } ?? "")\(cooperation.lastAt.map { ", \(GermanFormat.dateTime($0))" } ?? ""): "
                                    + Self.excerpt(message)))
                    }
                )
            })
    }

    /// The start of a message, on one line.
    static func excerpt(_ text: String, limit: Int = 160) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}
