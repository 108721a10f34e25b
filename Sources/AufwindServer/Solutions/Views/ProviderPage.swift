import AufwindCore
import Plot

/// `/anbieter/{id}`: who the Anbieter is, its solutions, and the towns that confirmed using them.
struct ProviderPage: PageView {
    struct Pitch {
        var title: String
        var eventTitle: String
        var eventPath: String
        var when: String
        var day: String
        var solutionPath: String?
    }

    var pitches: [Pitch]
    var id: String
    var name: String
    var website: String
    var description: String
    var solutions: [SolutionListEntry]
    var references: [(town: String, townPath: String, solution: String, status: String)]
    var referenceCount: Int
    var canPublish: Bool
    var title: String { name }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(name)),
            .p(.class("meta"), .text("Anbieter")),
            .if(!description.isEmpty, .linkedText(description)),
            .if(
                !website.isEmpty,
                .p(.a(.safeExternalHref(website), .attribute(named: "rel", value: "nofollow noopener"), .text(website)))),
            .p(.a(.safeHref("/organisationen/\(id)"), .text("Organisation und Mitglieder"))),
            .h2(.text("Lösungen (\(solutions.count))")),
            .if(solutions.isEmpty, .p(.text("Noch keine Lösungen veröffentlicht."))),
            .ul(.class("results"), .forEach(solutions) { .li($0.node()) }),
            .if(canPublish, .p(.a(.href("/loesungen/neu"), .text("Lösung veröffentlichen")))),
            .h2(.text("Bestätigte Referenzen (\(GermanFormat.integer(referenceCount)))")),
            .p(.text("Kommunen, die selbst bestätigt haben, dass sie eine Lösung dieses Anbieters nutzen.")),
            .if(references.isEmpty, .p(.text("Noch keine bestätigten Referenzen."))),
            .ul(
                .forEach(references) { reference in
                    .li(.a(.safeHref(reference.townPath), .text(reference.town)), .text(": \(reference.solution) (\(reference.status))"))
                }),
            .if(referenceCount > references.count, .p(.text("Die ersten \(references.count) sind angezeigt."))),
            .if(
                !pitches.isEmpty,
                .group(
                    .h2(.text("Pitches (\(pitches.count))")),
                    .ul(
                        .forEach(pitches) { pitch in
                            .li(
                                pitch.solutionPath.map { .a(.safeHref($0), .text(pitch.title)) } ?? .text(pitch.title), .text(" – "),
                                .a(.safeHref(pitch.eventPath), .text(pitch.eventTitle)), .text(" (\(pitch.when))"))
                        })))
        )
    }
}
