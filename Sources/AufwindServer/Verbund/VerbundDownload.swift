import AufwindCore
import Vapor

/// The Verbund's files: iCal feeds (never cached: they sit behind secret links) and CSV for Excel.
enum VerbundDownload {
    static func calendar(_ calendar: ICalendar) -> Response {
        FileDownload.response(calendar.ics(), format: .calendar, cacheControl: "no-store")
    }

    static func csv(_ text: String, fileName: String) -> Response {
        FileDownload.response(text, format: .csv, filename: fileName)
    }
}
