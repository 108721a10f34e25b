import AufwindCore
import Plot

/// How the legal pages show the operator: the "Testbetrieb" notice while details are missing,
/// and a value or the word that it is missing.
extension Node where Context == HTML.BodyContext {
    /// "Testbetrieb – Betreiberangaben fehlen", naming what is missing; nothing when complete.
    static func testOperationNotice(_ details: OperatorDetails) -> Node {
        guard !details.isComplete else { return .empty }
        return .div(
            .class("notice"), .attribute(named: "role", value: "note"),
            .p(.strong(.text("Testbetrieb – Betreiberangaben fehlen"))),
            .p(
                .text(
                    "Diese Aufwind-Installation ist noch nicht für den echten Betrieb eingerichtet. Es fehlen: "
                        + details.missing.map(\.label).joined(separator: ", ") + ". "
                        + "Bitte geben Sie hier keine echten personenbezogenen Daten ein.")))
    }

    /// One line of the operator's details: the label and the value, or "nicht angegeben".
    static func operatorLine(_ details: OperatorDetails, _ field: OperatorDetails.Field) -> Node {
        .p(.strong(.text(field.label + ": ")), .text(details[field] ?? "nicht angegeben"))
    }

    /// The operator's e-mail address as a mail link, or "nicht angegeben".
    static func operatorEmail(_ details: OperatorDetails) -> Node {
        guard let email = details[.email] else { return .operatorLine(details, .email) }
        return .p(.strong(.text(OperatorDetails.Field.email.label + ": ")), .a(.safeHref("mailto:" + email), .text(email)))
    }
}
