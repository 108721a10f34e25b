import AufwindCore
import Plot

// The attribute layer: the only way a view writes an attribute whose value is not a string
// literal. Plot escapes text but writes attribute values as given, so a computed value passed
// to Plot's `.href(_:)`, `.value(_:)` or `.attribute(named:value:)` could break out of its
// quotes. These escape every value. `AttributeLayerTests` fails when a view passes anything but a
// literal to one of Plot's attribute functions (see docs/architecture.md, "Views and escaping").
//
// Like Plot's, the named attributes are left out when their value is empty; `safeValue` and
// `safeAttribute` keep an empty value (an `<option>` without `value` submits its label).

extension Attribute {
    /// `name="value"` with the value escaped; `nil` leaves the attribute out.
    static func safeAttribute(_ name: String, _ value: String?) -> Attribute {
        guard let value else { return .empty }
        return Attribute(name: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false)
    }

    fileprivate static func escaped(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: HTMLEscaping.attribute(value))
    }
}

extension Node {
    /// `name="value"` with the value escaped; `nil` leaves the attribute out. For `data-*`,
    /// `aria-*` and every attribute without a helper of its own.
    static func safeAttribute(_ name: String, _ value: String?) -> Node {
        .attribute(Attribute.safeAttribute(name, value))
    }

    fileprivate static func escaped(_ name: String, _ value: String) -> Node {
        .attribute(Attribute.escaped(name, value))
    }
}

// MARK: - Global attributes

extension Attribute where Context: HTMLContext {
    static func safeID(_ id: String) -> Attribute { .escaped("id", id) }
    static func safeClass(_ className: String) -> Attribute { .escaped("class", className) }
    static func safeTitle(_ title: String) -> Attribute { .escaped("title", title) }
}

extension Node where Context: HTMLContext {
    static func safeID(_ id: String) -> Node { .escaped("id", id) }
    static func safeClass(_ className: String) -> Node { .escaped("class", className) }
    static func safeTitle(_ title: String) -> Node { .escaped("title", title) }
}

// MARK: - Links and sources

extension Attribute where Context: HTMLLinkableContext {
    static func safeHref(_ url: String) -> Attribute { .escaped("href", url) }
}

extension Node where Context: HTMLLinkableContext {
    /// A link target built by the application (paths with ids, keys, query values).
    static func safeHref(_ url: String) -> Node { .escaped("href", url) }

    /// A link target a user entered (a website): written only when it is an `http(s)` address,
    /// so that a `javascript:` or `data:` value stored by any path never becomes a link.
    static func safeExternalHref(_ url: String) -> Node {
        WebAddress.isHTTP(url) ? .escaped("href", url) : .empty
    }
}

extension Attribute where Context: HTMLSourceContext {
    static func safeSrc(_ url: String) -> Attribute { .escaped("src", url) }
}

extension Node where Context: HTMLSourceContext {
    static func safeSrc(_ url: String) -> Node { .escaped("src", url) }
}

// MARK: - Forms

extension Node where Context == HTML.FormContext {
    static func safeAction(_ url: String) -> Node { .escaped("action", url) }
}

extension Node where Context == HTML.LabelContext {
    static func safeFor(_ id: String) -> Node { .escaped("for", id) }
}

extension Attribute where Context: HTMLNamableContext {
    static func safeName(_ name: String) -> Attribute { .escaped("name", name) }
}

extension Node where Context: HTMLNamableContext {
    static func safeName(_ name: String) -> Node { .escaped("name", name) }
}

extension Attribute where Context: HTMLValueContext {
    /// The value, kept even when empty.
    static func safeValue(_ value: String) -> Attribute { .safeAttribute("value", value) }
}

extension Node where Context: HTMLValueContext {
    /// The value, kept even when empty.
    static func safeValue(_ value: String) -> Node { .safeAttribute("value", value) }
}
