import Plot
import Vapor

/// A page of the site: a title and body content, rendered inside the common layout.
protocol PageView {
    var title: String { get }
    /// The main content.
    func content() -> Node<HTML.BodyContext>
}

enum HTMLResponse {
    static func render(_ page: some PageView, status: HTTPResponseStatus = .ok, request: Request) -> Response {
        respond(layout(page, request: request).render(with: request.application.layoutShells), status: status)
    }

    /// A page whose content was rendered before, as bytes (a cached page body).
    static func render(title: String, content: ByteBuffer, status: HTTPResponseStatus = .ok, request: Request) -> Response {
        respond(
            layout(RenderedPage(title: title, html: ""), request: request).render(with: request.application.layoutShells, content: content),
            status: status)
    }

    private static func layout(_ page: some PageView, request: Request) -> Layout {
        Layout(
            page: page, currentPath: request.url.path, notice: request.registerNotice, success: request.successText,
            signedIn: request.currentUser != nil, isPlatformAdmin: request.currentUser?.isAdmin == true,
            unreadNotifications: request.unreadNotifications ?? 0, operatorWarning: request.operatorWarning)
    }

    private static func respond(_ body: ByteBuffer, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }
}

extension Request {
    /// Shown on every page while the register is empty (no reference data imported).
    var registerNotice: String? {
        guard register.isEmpty else { return nil }
        return ReferenceDataLocator.missingFilesMessage(candidates: application.aufwindConfig.dataDirectoryCandidates)
    }
}

extension Request {
    /// Shown to platform admins on every page while the operator's details are incomplete.
    var operatorWarning: String? {
        guard currentUser?.isAdmin == true, let notice = application.aufwindConfig.operatorDetails.testOperationNotice else { return nil }
        return notice + " Bitte tragen Sie sie in der Konfiguration ein (AUFWIND_OPERATOR_…, siehe README)."
    }
}

/// HTML one of our own views rendered (a part kept for later views): made only from a Plot node, so
/// only what the views' escaping produced goes in again.
struct RenderedHTML: Sendable {
    let html: String

    init(_ node: Node<HTML.BodyContext>) { html = node.render() }
}

extension Node where Context == HTML.BodyContext {
    /// A part rendered before, as it was rendered.
    static func rendered(_ part: RenderedHTML) -> Node { .raw(part.html) }
}

/// A page whose content was rendered before (e.g. cached); it goes into the layout unchanged.
struct RenderedPage: PageView {
    var title: String
    var html: String

    func content() -> Node<HTML.BodyContext> { .raw(html) }
}
