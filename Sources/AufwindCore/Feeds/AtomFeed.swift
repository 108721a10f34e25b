import Foundation

/// An Atom 1.0 feed (RFC 4287): written as XML with every text escaped.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        /// An absolute IRI that never changes (`urn:uuid:…`).
        public var id: String
        public var title: String
        public var link: String
        public var updated: Date
        public var published: Date?
        public var author: String
        public var summary: String
        public var categories: [String]

        public init(id: String, title: String, link: String, updated: Date, published: Date?, author: String, summary: String, categories: [String]) {
            self.id = id
            self.title = title
            self.link = link
            self.updated = updated
            self.published = published
            self.author = author
            self.summary = summary
            self.categories = categories
        }
    }

    public var id: String
    public var title: String
    /// The feed's own address (rel="self") and the page it belongs to (rel="alternate").
    public var selfLink: String
    public var pageLink: String
    public var author: String
    public var entries: [Entry]
    /// Used when there are no entries.
    public var fallbackUpdated: Date

    public init(id: String, title: String, selfLink: String, pageLink: String, author: String, entries: [Entry], fallbackUpdated: Date) {
        self.id = id
        self.title = title
        self.selfLink = selfLink
        self.pageLink = pageLink
        self.author = author
        self.entries = entries
        self.fallbackUpdated = fallbackUpdated
    }

    /// RFC 3339 in UTC, as Atom dates require.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ n: Int?, _ width: Int = 2) -> String {
            let text = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    public func xml() -> String {
        let updated = entries.map(\.updated).max() ?? fallbackUpdated
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n"
        out += "  <id>\(XMLText.escape(id))</id>\n"
        out += "  <title>\(XMLText.escape(title))</title>\n"
        out += "  <updated>\(Self.timestamp(updated))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(selfLink))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(pageLink))\"/>\n"
        out += "  <author><name>\(XMLText.escape(author))</name></author>\n"
        out += "  <generator>Aufwind</generator>\n"
        for entry in entries {
            out += "  <entry>\n"
            out += "    <id>\(XMLText.escape(entry.id))</id>\n"
            out += "    <title>\(XMLText.escape(entry.title))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.link))\"/>\n"
            out += "    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            if let published = entry.published { out += "    <published>\(Self.timestamp(published))</published>\n" }
            out += "    <author><name>\(XMLText.escape(entry.author))</name></author>\n"
            for category in entry.categories { out += "    <category term=\"\(XMLText.escape(category))\"/>\n" }
            out += "    <summary type=\"text\">\(XMLText.escape(entry.summary))</summary>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }
}
