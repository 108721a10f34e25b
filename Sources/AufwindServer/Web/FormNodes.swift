import Plot

/// Form building blocks: labelled fields that keep what was typed, errors, the CSRF field.
extension Node where Context == HTML.FormContext {
    static func csrf(_ token: String) -> Node {
        .input(.type(.hidden), .safeName(CSRF.fieldName), .safeValue(token))
    }

    static func field(
        _ name: String, id: String? = nil, label: String, type: HTMLInputType = .text, value: String = "", autocomplete: String? = nil,
        error: String? = nil, maxLength: Int = 254, required: Bool = true
    ) -> Node {
        let id = id ?? name
        return .div(
            .class("field"),
            .label(.safeFor(id), .text(label)),
            .unwrap(error) { .p(.class("field-error"), .safeID("\(id)-fehler"), .text($0)) },
            .input(
                .type(type), .safeID(id), .safeName(name), .safeValue(value), .required(required),
                // maxlength belongs to text-like inputs only (the Nu checker refuses it on dates).
                .safeAttribute("maxlength", FormLimits.allowsMaxLength(type) ? String(maxLength) : nil),
                .safeAttribute("autocomplete", autocomplete),
                .safeAttribute("aria-describedby", error == nil ? nil : "\(id)-fehler"),
                .safeAttribute("aria-invalid", error == nil ? nil : "true")
            )
        )
    }
}

enum FormLimits {
    /// `maxlength` belongs to text-like inputs only (the Nu checker refuses it on dates and times).
    static func allowsMaxLength(_ type: HTMLInputType) -> Bool {
        ["text", "email", "password", "search", "tel", "url"].contains(type.rawValue)
    }
}

extension Node where Context == HTML.BodyContext {
    static func formErrors(_ errors: [String]) -> Node {
        guard !errors.isEmpty else { return .empty }
        return .div(.class("error-list"), .attribute(named: "role", value: "alert"), .ul(.forEach(errors) { .li(.text($0)) }))
    }
}

extension Node where Context == HTML.FormContext {
    /// A labelled `<select>` of `(value, label)` options.
    static func selectField(_ name: String, id: String? = nil, label: String, options: [(value: String, label: String)], selected: String) -> Node {
        let id = id ?? name
        return .div(
            .class("field"),
            .label(.safeFor(id), .text(label)),
            .select(
                .safeID(id), .safeAttribute("name", name),
                .forEach(options) { .choice(value: $0.value, label: $0.label, selected: $0.value == selected) })
        )
    }

    /// A labelled `<textarea>`, with its error above it.
    static func textArea(
        _ name: String, id: String? = nil, label: String, value: String, maxLength: Int, rows: Int = 4, required: Bool = false,
        error: String? = nil
    ) -> Node {
        let id = id ?? name
        return .div(
            .class("field"),
            .label(.safeFor(id), .text(label)),
            .unwrap(error) { .p(.class("field-error"), .safeID("\(id)-fehler"), .text($0)) },
            .textarea(
                .safeID(id), .safeName(name), .rows(rows), .safeAttribute("maxlength", String(maxLength)), .if(required, .required(true)),
                .safeAttribute("aria-describedby", error == nil ? nil : "\(id)-fehler"),
                .safeAttribute("aria-invalid", error == nil ? nil : "true"),
                .text(value))
        )
    }
}
