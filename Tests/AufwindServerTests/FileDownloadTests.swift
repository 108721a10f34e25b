import Testing
import Vapor

@testable import AufwindServer

@Suite("Downloads: one place for content type, charset and a safe file name")
struct FileDownloadTests {
    @Test("CSV and calendar files carry their type with charset and an attachment name")
    func headers() {
        let csv = FileDownload.response("a;b\r\n", format: .csv, filename: "teilnehmende.csv")
        #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
        #expect(csv.headers.first(name: .contentDisposition) == "attachment; filename=\"teilnehmende.csv\"")
        #expect(csv.headers.first(name: .cacheControl) == nil)
        let feed = FileDownload.response("BEGIN:VCALENDAR", format: .calendar, cacheControl: "no-store")
        #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
        #expect(feed.headers.first(name: .contentDisposition) == nil, "a subscribed calendar is not an attachment")
        #expect(feed.headers.first(name: .cacheControl) == "no-store")
    }

    @Test("a file name with quotes, slashes, line breaks or umlauts cannot break the header, and keeps its spelling in filename*")
    func safeFileName() {
        #expect(FileDownload.contentDisposition(filename: "agenda.ics") == "attachment; filename=\"agenda.ics\"")
        #expect(
            FileDownload.contentDisposition(filename: "Kosten \"Münster\"/2026\r\n.csv")
                == "attachment; filename=\"Kosten _M_nster__2026__.csv\"; filename*=UTF-8''Kosten%20%22M%C3%BCnster%22%2F2026%0D%0A.csv")
        #expect(FileDownload.safeName("../../etc/passwd") == "_.._etc_passwd")
        #expect(FileDownload.safeName("…") == "_")
        #expect(FileDownload.safeName("") == "download")
    }
}
