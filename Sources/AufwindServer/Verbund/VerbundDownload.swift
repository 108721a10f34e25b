import AufwindCore
import Vapor

/// The Verbund's files: iCal feeds (never cached: they sit behind secret links) and CSV for Excel.
enum VerbundDownload {
    static func calendar(_ calendar: ICalendar) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.ics()))
    }

    static func csv(_ text: String, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
