import NIOConcurrencyHelpers
import Plot
import Vapor

/// The layout around every page, rendered once per state of the navigation and kept: a view
/// renders only its title, its notices and its content and puts them between the kept parts
/// (issue 18: Plot rendered the whole layout on every view, 13–19 % of a signed-in page's time).
/// The navigation depends on which of its links are current, on whether someone is signed in,
/// whether they are a platform admin and on their unread count — a few hundred states at most.
final class LayoutShells: Sendable {
    /// What the kept parts depend on.
    struct Key: Hashable, Sendable {
        /// The paths of the navigation's links that are current on the page.
        var currentLinks: [String]
        var signedIn: Bool
        var isPlatformAdmin: Bool
        var unreadNotifications: Int
    }

    /// The layout's document cut where the title's text and the main content go.
    struct Shell: Sendable {
        /// Up to the title's text.
        var beforeTitle: String
        /// From after the title's text to the first thing inside `<main>`.
        var beforeMain: String
        /// From the end of the main content to the end of the document.
        var afterMain: String
    }

    /// More states than this (unusual unread counts): all are dropped and rendered anew on use.
    static let maximumShells = 512

    private let shells = NIOLockedValueBox<[Key: Shell]>([:])

    /// The kept parts for `layout`'s navigation, rendered on first use.
    func shell(for layout: Layout) -> Shell {
        let key = layout.shellKey
        if let shell = shells.withLockedValue({ $0[key] }) { return shell }
        let shell = layout.renderShell()
        shells.withLockedValue { shells in
            if shells.count >= Self.maximumShells { shells.removeAll(keepingCapacity: true) }
            shells[key] = shell
        }
        return shell
    }

    var count: Int { shells.withLockedValue { $0.count } }
}

extension Layout {
    /// Where the title's text and the main content go in a rendered shell: control characters no
    /// view writes, in a layout whose other parts hold no text of anybody's.
    private static let titleMark = "\u{1}", mainMark = "\u{2}"

    var shellKey: LayoutShells.Key {
        LayoutShells.Key(
            currentLinks: navigation.currentLinks.map(\.path), signedIn: signedIn, isPlatformAdmin: isPlatformAdmin,
            unreadNotifications: unreadNotifications)
    }

    fileprivate func renderShell() -> LayoutShells.Shell {
        var bare = self
        bare.page = RenderedPage(title: Self.titleMark, html: Self.mainMark)
        bare.notice = nil
        bare.success = nil
        bare.operatorWarning = nil
        let document = bare.html().render()
        guard let title = document.range(of: Self.titleMark),
            let main = document.range(of: Self.mainMark, range: title.upperBound..<document.endIndex)
        else { preconditionFailure("The layout renders the page's title before its content, each once.") }
        return LayoutShells.Shell(
            beforeTitle: String(document[..<title.lowerBound]), beforeMain: String(document[title.upperBound..<main.lowerBound]),
            afterMain: String(document[main.upperBound...]))
    }

    /// The page as the browser gets it: the kept shell with this page's title, notices and content.
    func render(with shells: LayoutShells) -> ByteBuffer {
        let content = page.content().render()
        return render(with: shells, contentLength: content.utf8.count) { $0.writeString(content) }
    }

    /// The same with content rendered before, as bytes (a cached page body): copied as it is.
    func render(with shells: LayoutShells, content: ByteBuffer) -> ByteBuffer {
        render(with: shells, contentLength: content.readableBytes) { $0.writeImmutableBuffer(content) }
    }

    private func render(with shells: LayoutShells, contentLength: Int, writeContent: (inout ByteBuffer) -> Void) -> ByteBuffer {
        let shell = shells.shell(for: self)
        let title = HTMLEscaping.text(page.title)
        let notices = Node<HTML.BodyContext>.group(notices()).render()
        var buffer = ByteBufferAllocator().buffer(
            capacity: shell.beforeTitle.utf8.count + title.utf8.count + shell.beforeMain.utf8.count + notices.utf8.count + contentLength
                + shell.afterMain.utf8.count)
        for part in [shell.beforeTitle, title, shell.beforeMain, notices] { buffer.writeString(part) }
        writeContent(&buffer)
        buffer.writeString(shell.afterMain)
        return buffer
    }
}

extension Application {
    private struct LayoutShellsKey: StorageKey { typealias Value = LayoutShells }

    var layoutShells: LayoutShells {
        get {
            guard let shells = storage[LayoutShellsKey.self] else { fatalError("configure(_:) sets the layout shells") }
            return shells
        }
        set { storage[LayoutShellsKey.self] = newValue }
    }
}
