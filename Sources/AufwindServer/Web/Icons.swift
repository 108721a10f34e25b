import Plot

/// Small line icons, drawn inline (no icon font, no external file): 24 × 24, in the text's colour,
/// decorative (`aria-hidden`) — every icon stands next to words that say the same.
enum Icon {
    case partner, share, funding, event, town, item, verbund, cooperation, search

    /// The icon in any context (a heading, a list item, a button).
    func node<Context>() -> Node<Context> {
        switch self {
        case .partner:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="8" cy="8" r="3.2"/>\
                <circle cx="16.5" cy="9" r="2.7"/>\
                <path d="M2.5 19.5c.6-3.4 2.8-5.3 5.5-5.3s4.9 1.9 5.5 5.3M13.8 14.6c.8-.5 1.7-.8 2.7-.8 2.4 0 4.3 1.7 4.9 4.7"/></svg>
                """)
        case .share:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 8h13M13.5 4.5 17 8l-3.5 3.5"/>\
                <path d="M20 16H7M10.5 12.5 7 16l3.5 3.5"/></svg>
                """)
        case .funding:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 3h9l4 4v14H6z"/><path d="M15 3v4h4"/>\
                <path d="M14.5 11.2a3 3 0 1 0 0 4.6M9 12.6h4.5M9 14.4h4.5"/></svg>
                """)
        case .event:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><rect x="3.5" y="5" width="17" height="15" rx="2"/>\
                <path d="M3.5 10h17M8 3v4M16 3v4M8 14h3"/></svg>
                """)
        case .town:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 20.5h18M5 20.5V10l7-5 7 5v10.5"/>\
                <path d="M10 20.5v-5h4v5"/></svg>
                """)
        case .item:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M9 18h6M10 21h4"/>\
                <path d="M12 3a6 6 0 0 0-3.5 10.9c.3.3.5.7.5 1.1v.5h6V15c0-.4.2-.8.5-1.1A6 6 0 0 0 12 3z"/></svg>
                """)
        case .verbund:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="5.5" r="2.5"/>\
                <circle cx="5.5" cy="17.5" r="2.5"/><circle cx="18.5" cy="17.5" r="2.5"/><path d="M10.8 7.7 6.7 15.3M13.2 7.7l4.1 7.6M8 17.5h8"/>\
                </svg>
                """)
        case .cooperation:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="9" cy="12" r="5.5"/>\
                <circle cx="15" cy="12" r="5.5"/></svg>
                """)
        case .search:
            .raw(
                """
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6"/>\
                <path d="m15 15 5.5 5.5"/></svg>
                """)
        }
    }
}
