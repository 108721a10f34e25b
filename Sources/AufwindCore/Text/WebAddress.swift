/// Which user-entered addresses may become links.
public enum WebAddress {
    /// `true` for an `http://` or `https://` address (in any case): the only schemes a website
    /// field accepts, so a `javascript:` or `data:` value never becomes a link.
    public static func isHTTP(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }
}
