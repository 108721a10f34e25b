import Plot
import Vapor

/// A button that switches one thing on or off for the person — an interest vote, a session in
/// "Mein Programm" — with its state visible (★/☆ and a text) and in `aria-pressed`. Without
/// JavaScript it is a plain form whose answer leads back to the same place (`#session-<id>`);
/// `programm.js` sends it with `fetch` instead and switches the state in place from the answer
/// (`ToggleAnswer`), with a message in the page's live region.
struct ToggleForm {
    var action: String
    var csrf: String
    /// The form field that carries the wish: "ja" switches on, "nein" off.
    var field: String
    var isOn: Bool
    /// What the button says in both states ("Interessiert mich", "Merken").
    var label: String
    /// What the state says when on ("✓ vorgemerkt").
    var onText: String
    /// What the live region says when switched off ("Interesse zurückgenommen").
    var offText: String
    /// What the button is about, for screen readers (the session's title).
    var subject: String
    /// The thing switched: every form with this key on the page shows the same state.
    var key: String
    var hidden: [(name: String, value: String)] = []

    var node: Node<HTML.BodyContext> {
        .form(
            .class("toggle"), .safeAction(action), .method(.post), .safeAttribute("data-toggle", key), .csrf(csrf),
            .forEach(hidden) { .input(.type(.hidden), .safeName($0.name), .safeValue($0.value)) },
            .input(.type(.hidden), .class("toggle-value"), .safeName(field), .safeValue(isOn ? "nein" : "ja")),
            .button(
                .type(.submit), .safeClass(isOn ? "toggle-button secondary" : "toggle-button"),
                .safeAttribute("aria-pressed", isOn ? "true" : "false"),
                .span(.class("toggle-mark"), .attribute(named: "aria-hidden", value: "true"), .text(isOn ? "★" : "☆")),
                .text(" " + label), .span(.class("visually-hidden"), .text(": " + subject))),
            .span(.class("toggle-state"), .safeAttribute("data-an", onText), .safeAttribute("data-aus", offText), .text(isOn ? onText : "")))
    }
}

/// The answer to a toggle sent by `programm.js` (`Accept: application/json`): the state now.
struct ToggleAnswer: Content {
    var an: Bool
}

extension Request {
    /// The toggle came from the page's script, which wants the new state instead of a page.
    var wantsToggleAnswer: Bool {
        headers[.accept].contains { $0.contains("application/json") }
    }
}

extension Node where Context == HTML.BodyContext {
    /// The page's live region: the script says there what a toggle did.
    static var toggleLiveRegion: Node {
        .div(.id("umschalt-status"), .class("visually-hidden"), .attribute(named: "role", value: "status"))
    }
}
