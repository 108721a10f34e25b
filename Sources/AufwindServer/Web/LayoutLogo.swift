import Plot

/// Aufwind's mark: three lines of wind rising like a wing (the same drawing as `favicon.svg`),
/// drawn inline so the header needs no extra request. The wordmark next to it is text.
extension Layout {
    /// Decorative (`aria-hidden`): the link around it is named by the wordmark.
    static func logoMark<Context>() -> Node<Context> {
        .raw(
            """
            <svg class="logo-mark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="36" height="36" aria-hidden="true">\
            <rect width="40" height="40" rx="9" fill="#0a3d52" stroke="#ffffff" stroke-opacity=".35"/>\
            <g fill="none" stroke-linecap="round" stroke-width="3.2">\
            <path d="M7 31.5C17 31 26 26 32.5 9" stroke="#ffd166"/>\
            <path d="M7 24.5C14 24 19.5 21 23.5 13.5" stroke="#ffffff"/>\
            <path d="M7 17.5C10.5 17.3 13.5 16 15.5 13" stroke="#9fd3e6"/>\
            </g></svg>
            """)
    }

    /// The brand link: mark and wordmark, to the start page (to Mein Aufwind when signed in).
    static func brand(home: String) -> Node<HTML.BodyContext> {
        .a(.class("brand"), .safeHref(home), logoMark(), .span(.class("wordmark"), .text("Aufwind")))
    }
}
