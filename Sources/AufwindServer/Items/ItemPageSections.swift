import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The rendered partner and funding sections of item pages (`ItemPartnerSections`), kept per item,
/// version and audience while the matching, the register (town names, Länder), the funding catalogue
/// and the day stay as they were — any change to one of them and a section is computed anew on its
/// next view. Computing and rendering them was most of an item page's time (issue 18).
final class ItemPageSections: Sendable {
    struct Key: Hashable, Sendable {
        var item: UUID
        var version: Int
        /// Partners among public items only (visitors) or all published ones.
        var publicOnly: Bool
    }

    /// What the sections were computed from.
    struct Stamp: Hashable, Sendable {
        var matching: Int
        var register: Int
        var funding: Int
        var day: String
    }

    private struct Entry {
        var stamp: Stamp
        var html: RenderedHTML
    }

    /// About 10–20 KB each: at most this many are kept; when full, the outdated ones go first, then all.
    static let maximumEntries = 1_000

    private let entries = NIOLockedValueBox<[Key: Entry]>([:])

    /// The sections for `key` as computed from `stamp`'s state, rendered by `render` when none is kept.
    func html(for key: Key, stamp: Stamp, render: () -> RenderedHTML) -> RenderedHTML {
        if let entry = entries.withLockedValue({ $0[key] }), entry.stamp == stamp { return entry.html }
        let html = render()
        entries.withLockedValue { entries in
            if entries[key] == nil, entries.count >= Self.maximumEntries {
                entries = entries.filter { $0.value.stamp == stamp }
                if entries.count >= Self.maximumEntries { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(stamp: stamp, html: html)
        }
        return html
    }

    var count: Int { entries.withLockedValue { $0.count } }
}

extension Application {
    private struct ItemPageSectionsKey: StorageKey { typealias Value = ItemPageSections }

    var itemPageSections: ItemPageSections {
        get {
            guard let sections = storage[ItemPageSectionsKey.self] else { fatalError("configure(_:) sets the item page sections") }
            return sections
        }
        set { storage[ItemPageSectionsKey.self] = newValue }
    }
}
