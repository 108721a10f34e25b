import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/buehne`: the pitch blocks of an event.
struct StageListPage: PageView {
    var eventPath: String
    var eventTitle: String
    struct Pitch {
        var id: String
        var presenter: String
        var title: String
        var userID: String?
        var link: String?
        /// The solution an Anbieter presents (from its application).
        var solutionLink: String?
        var abstract: String = ""
        /// Hidden by a moderation decision (only the team sees it, marked).
        var hidden = false
    }
    var blocks: [(title: String, path: String, pitches: [Pitch])]
    var isOrganiser: Bool
    var canRequestMeetings: Bool
    /// Pitch applications waiting for the team's decision (shown to the team).
    var openApplications = 0
    /// Anbieter can apply for a pitch (a block exists, the event is not over).
    var applicationsOpen = false
    var signedIn = false
    var csrf: String?
    var errors: [String] = []
    var title: String { "Pitch-Bühne – \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(eventPath), .text("Zurück zur Veranstaltung")),
                .if(
                    applicationsOpen,
                    .group(.text(" · "), .a(.safeHref(eventPath + "/pitch-bewerbung"), .text("Als Anbieter für einen Pitch bewerben")))),
                .if(
                    isOrganiser,
                    .group(
                        .text(" · "),
                        .a(
                            .safeHref(eventPath + "/pitch-bewerbungen"),
                            .text("Pitch-Bewerbungen" + (openApplications > 0 ? " (\(openApplications) neu)" : "")))))),
            .formErrors(errors),
            .if(blocks.isEmpty, .p(.text("Noch keine Pitch-Blöcke."))),
            .forEach(blocks) { block in
                .section(
                    .h2(.text(block.title)),
                    .p(
                        .a(.safeHref(block.path), .text("Bühnenansicht")),
                        .if(isOrganiser, .group(.text(" · "), .a(.safeHref(block.path + "/moderation"), .text("Moderation"))))),
                    .ol(
                        .forEach(block.pitches) { pitch in
                            .li(
                                .text("\(pitch.presenter) – "), pitch.link.map { .a(.safeHref($0), .text(pitch.title)) } ?? .text(pitch.title),
                                .if(pitch.hidden, .group(.text(" "), .span(.class("badge"), .text("von der Moderation verborgen")))),
                                .unwrap(pitch.solutionLink) {
                                    .group(
                                        .text(" · "),
                                        .a(.safeHref($0), .safeAttribute("aria-label", "Zur Lösung: \(pitch.title)"), .text("Zur Lösung")))
                                },
                                .if(!pitch.abstract.isEmpty, .p(.class("meta"), .text(pitch.abstract))),
                                .if(
                                    canRequestMeetings,
                                    .unwrap(pitch.userID) { user in
                                        .group(
                                            .text(" · "),
                                            .a(
                                                .safeHref(
                                                    "\(eventPath)/treffen?mit=\(user)&anlass="
                                                        + (("Pitch: " + pitch.presenter).addingPercentEncoding(withAllowedCharacters: .alphanumerics)
                                                            ?? "")),
                                                .text("1:1-Treffen mit \(pitch.presenter) anfragen")))
                                    }),
                                .if(
                                    signedIn && !pitch.hidden,
                                    .group(
                                        .text(" · "),
                                        .a(
                                            .safeHref("/meldungen/neu?art=pitch&id=\(pitch.id)"),
                                            .safeAttribute("aria-label", "Pitch „\(pitch.title)“ melden"), .text("Melden")))))
                        })
                )
            },
            .if(
                isOrganiser,
                .unwrap(csrf) { csrf in
                    .form(
                        .class("stacked"), .safeAction(eventPath + "/buehne"), .method(.post), .csrf(csrf),
                        .h2(.text("Pitch-Block anlegen")),
                        .field("titel", label: "Titel des Blocks", value: "Startups in 100 Sekunden", maxLength: 120),
                        .field("sekunden", label: "Sekunden je Pitch", type: .number, value: String(StageService.defaultSeconds)),
                        .button(.type(.submit), .text("Anlegen")))
                })
        )
    }
}

/// The countdown as text: "1:40", "-0:05".
enum CountdownText {
    static func format(milliseconds: Int) -> String {
        let seconds = Int((Double(milliseconds) / 1000).rounded(.up))
        let sign = seconds < 0 ? "-" : ""
        let value = abs(seconds)
        return "\(sign)\(value / 60):" + (value % 60 < 10 ? "0" : "") + "\(value % 60)"
    }
}

/// The projector view: large countdown, current and next pitcher, colour at 20 s and 0 s.
/// A page of its own (no site chrome); without JavaScript it refreshes every 5 seconds.
struct StageView {
    var eventTitle: String
    var blockTitle: String
    var state: StageService.State
    var livePath: String

    func html() -> HTML {
        HTML(
            .lang(.german),
            // Without JavaScript the projector refreshes itself every 5 seconds.
            Layout.head(
                title: "\(blockTitle) – Bühne",
                .element(named: "noscript", nodes: [.meta(.attribute(named: "http-equiv", value: "refresh"), .content("5"))])),
            .body(
                .safeClass("stage signal-\(state.signal)"),
                .main(
                    .id("buehne"), .safeAttribute("data-live", livePath), .safeAttribute("data-state", state.json),
                    .p(.class("stage-event"), .text("\(eventTitle) · \(blockTitle)")),
                    .h1(
                        .class("stage-current"), .id("aktuell"),
                        .text(state.current.map { "\($0.presenter): \($0.title)" } ?? StageView.idleText(state, onStage: true))),
                    .div(
                        .class("countdown"), .id("countdown"), .attribute(named: "role", value: "timer"),
                        .attribute(named: "aria-live", value: "off"),
                        .text(CountdownText.format(milliseconds: state.remainingMs))),
                    .p(
                        .class("stage-status"), .id("status"), .attribute(named: "aria-live", value: "polite"),
                        .text(StageView.statusText(state))),
                    .p(.class("stage-next"), .id("naechster"), .text(state.next.map { "Danach: \($0.presenter) – \($0.title)" } ?? ""))
                ),
                .script(.safeSrc(SiteAsset.stageScript.path))
            )
        )
    }

    /// What the stage shows when nobody is on it.
    static func idleText(_ state: StageService.State, onStage: Bool) -> String {
        if state.total == 0 { return "Noch keine Pitches in diesem Block" }
        if state.stage == "beendet" { return "Alle Pitches sind vorbei" }
        return onStage ? "Gleich geht es los" : "Kein Pitch auf der Bühne"
    }

    static func statusText(_ state: StageService.State) -> String {
        if state.total == 0 { return "" }
        let position = state.total == 0 ? "" : "Pitch \(state.position) von \(state.total)"
        switch state.stage {
        case "laeuft": return position + (state.signal == "vorbei" ? " · Zeit ist um" : state.signal == "bald" ? " · noch 20 Sekunden" : "")
        case "pausiert": return position + " · pausiert"
        case "beendet": return "Ende des Blocks"
        default: return position + " · bereit"
        }
    }
}

/// `/…/buehne/{block}/moderation`: start, pause, skip, next, extend; the order of pitches.
struct ModeratorPage: PageView {
    var eventPath: String
    var blockPath: String
    var blockTitle: String
    var state: StageService.State
    var pitches: [(id: String, title: String, presenter: String, done: Bool, current: Bool, skipped: Bool, hidden: Bool, removable: Bool)]
    var participants: [(value: String, label: String)]
    var providers: [(value: String, label: String)]
    var csrf: String
    /// What the person sent, when the pitch form comes back with errors.
    var values: [String: String] = [:]
    var errors: [String] = []
    var title: String { "Moderation – \(blockTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(blockPath), .text("Bühnenansicht (Beamer) öffnen")), .text(" · "),
                .a(.safeHref(eventPath + "/buehne"), .text("Alle Blöcke"))),
            .formErrors(errors),
            .div(
                .id("buehne"), .safeClass("moderator signal-\(state.signal)"), .safeAttribute("data-live", blockPath + "/live"),
                .safeAttribute("data-state", state.json),
                .p(.id("aktuell"), .text(state.current.map { "Jetzt: \($0.presenter) – \($0.title)" } ?? StageView.idleText(state, onStage: false))),
                .p(
                    .class("countdown small"), .id("countdown"), .attribute(named: "role", value: "timer"),
                    .text(CountdownText.format(milliseconds: state.remainingMs))),
                .p(.id("status"), .attribute(named: "aria-live", value: "polite"), .text(StageView.statusText(state))),
                .p(.id("naechster"), .text(state.next.map { "Danach: \($0.presenter) – \($0.title)" } ?? ""))),
            .form(
                .class("inline controls"), .safeAction(blockPath + "/befehl"), .method(.post), .csrf(csrf),
                .forEach(PitchClock.Command.allCases) { command in
                    .button(.type(.submit), .name("befehl"), .safeValue(command.rawValue), .text(command.label))
                }),
            .h2(.text("Reihenfolge")),
            .ol(
                .forEach(pitches) { pitch in
                    .li(
                        .text(
                            "\(pitch.presenter) – \(pitch.title)"
                                + (pitch.current ? " (auf der Bühne)" : pitch.skipped ? " (übersprungen)" : pitch.done ? " (war dran)" : "")),
                        .if(pitch.hidden, .group(.text(" "), .span(.class("badge"), .text("von der Moderation verborgen – nicht vorlesen")))),
                        .if(
                            !pitch.done && !pitch.current,
                            .form(
                                .class("inline"), .safeAction(blockPath + "/pitches/\(pitch.id)/verschieben"), .method(.post), .csrf(csrf),
                                .button(.type(.submit), .name("richtung"), .value("hoch"), .class("secondary"), .text("Früher: \(pitch.presenter)")),
                                .button(.type(.submit), .name("richtung"), .value("runter"), .class("secondary"), .text("Später: \(pitch.presenter)"))
                            )),
                        .if(
                            pitch.removable,
                            .form(
                                .class("inline"), .safeAction(blockPath + "/pitches/\(pitch.id)/entfernen"), .method(.post), .csrf(csrf),
                                .button(.type(.submit), .class("secondary"), .text("Aus dem Ablauf nehmen: \(pitch.presenter)")))))
                }),
            .form(
                .class("stacked"), .safeAction(blockPath + "/pitches"), .method(.post), .csrf(csrf),
                .h2(.text("Pitch hinzufügen")),
                .p(
                    .text(
                        "Eine Kommune stellt ein Vorhaben vor: seinen Link angeben. Ein Anbieter pitcht: ihn wählen. Dann dürfen „Wer präsentiert“ und „Thema“ leer bleiben."
                    )),
                .optionalField(
                    "eintrag", label: "Vorhaben (Link oder Nummer des Eintrags, optional)", value: values["eintrag"] ?? "", maxLength: 200),
                .if(
                    !providers.isEmpty,
                    .selectField(
                        "anbieter", label: "Anbieter (optional)", options: [("", "– keiner –")] + providers, selected: values["anbieter"] ?? "")),
                .optionalField("praesentiert", label: "Wer präsentiert (Startup, Kommune)", value: values["praesentiert"] ?? "", maxLength: 120),
                .optionalField("titel", label: "Thema oder Vorhaben", value: values["titel"] ?? "", maxLength: 150),
                .selectField(
                    "person", label: "Person auf der Bühne (für 1:1-Anfragen, optional)", options: [("", "– keine –")] + participants,
                    selected: values["person"] ?? ""),
                .button(.type(.submit), .text("Hinzufügen"))),
            .script(.safeSrc(SiteAsset.stageScript.path))
        )
    }
}
