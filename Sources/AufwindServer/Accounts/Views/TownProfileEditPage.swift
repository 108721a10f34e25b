import AufwindCore
import Plot

/// `/kommunen/{key}/profil`: contact, website, self-description, Handlungsfelder.
struct TownProfileEditPage: PageView {
    var townName: String
    var key: String
    var input: TownProfileInput
    var version: Int
    var csrf: String
    var errors: [String] = []
    /// From this score (0…100) members hear of a newly published item that matches one of theirs.
    var matchThreshold = TownSettingsModel.defaultMatchThreshold
    var settingsErrors: [String] = []
    var title: String { "Profil bearbeiten – \(townName)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction("/kommunen/\(key)/profil"), .method(.post),
                .csrf(csrf),
                .input(.type(.hidden), .name("version"), .safeValue(String(version))),
                .optionalField("ansprechperson", label: "Ansprechperson", value: input.contactPerson, maxLength: 100),
                .optionalField("email", label: "E-Mail für Kooperationsanfragen", type: .email, value: input.contactEmail),
                .optionalField("website", label: "Website", type: .url, value: input.website, maxLength: 200),
                .div(
                    .class("field"),
                    .label(.for("beschreibung"), .text("Kurze Selbstbeschreibung")),
                    .textarea(
                        .id("beschreibung"), .name("beschreibung"), .rows(6), .attribute(named: "maxlength", value: "2000"), .text(input.description))
                ),
                .fieldset(
                    .element(named: "legend", text: "Handlungsfelder, die uns interessieren"),
                    .forEach(Handlungsfeld.allCases) { field in
                        .div(
                            .input(
                                .type(.checkbox), .safeID("hf-\(field.rawValue)"), .name("handlungsfelder[]"), .safeValue(field.rawValue),
                                .checked(input.handlungsfelder.contains(field))),
                            .label(.safeFor("hf-\(field.rawValue)"), .text(" " + field.label))
                        )
                    }
                ),
                .button(.type(.submit), .text("Speichern"))
            ),
            .h2(.id("einstellungen"), .text("Passende Einträge")),
            .p(
                .text(
                    "Veröffentlicht eine andere Kommune einen Eintrag, der zu einem veröffentlichten Eintrag von \(townName) passt, "
                        + "erfahren die Mitglieder es ab dieser Punktzahl (von 100; je höher, desto seltener und treffender).")),
            .formErrors(settingsErrors),
            .form(
                .class("stacked"), .safeAction("/kommunen/\(key)/einstellungen"), .method(.post),
                .csrf(csrf),
                .div(
                    .class("field"),
                    .label(.for("schwelle"), .text("Benachrichtigen ab (Punkte)")),
                    .input(
                        .type(.number), .id("schwelle"), .name("schwelle"), .safeValue(String(matchThreshold)),
                        .safeAttribute("min", String(TownSettingsModel.matchThresholds.lowerBound)),
                        .safeAttribute("max", String(TownSettingsModel.matchThresholds.upperBound)))
                ),
                .button(.type(.submit), .text("Schwelle speichern"))
            )
        )
    }
}

extension Node where Context == HTML.FormContext {
    /// A text field that may stay empty.
    static func optionalField(
        _ name: String, id: String? = nil, label: String, type: HTMLInputType = .text, value: String, maxLength: Int = 254
    ) -> Node {
        .div(
            .class("field"),
            .label(.safeFor(id ?? name), .text(label)),
            .input(
                .type(type), .safeID(id ?? name), .safeName(name), .safeValue(value),
                type == .number
                    ? .safeAttribute("max", String(repeating: "9", count: maxLength))
                    : .safeAttribute("maxlength", FormLimits.allowsMaxLength(type) ? String(maxLength) : nil))
        )
    }
}
