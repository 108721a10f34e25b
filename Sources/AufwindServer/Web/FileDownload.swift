import Foundation
import Vapor

/// A file for download or subscription (CSV, iCalendar, XML, JSON): its content type with
/// charset, a Content-Disposition whose file name is safe, and its caching, in one place.
enum FileDownload {
    enum Format {
        case csv, calendar, xml, json, geoJSON

        var mediaType: HTTPMediaType {
            let charset = ["charset": "utf-8"]
            return switch self {
            case .csv: HTTPMediaType(type: "text", subType: "csv", parameters: charset)
            case .calendar: HTTPMediaType(type: "text", subType: "calendar", parameters: charset)
            case .xml: HTTPMediaType(type: "application", subType: "xml", parameters: charset)
            case .json: HTTPMediaType(type: "application", subType: "json", parameters: charset)
            case .geoJSON: HTTPMediaType(type: "application", subType: "geo+json", parameters: charset)
            }
        }
    }

    /// `filename` makes it an attachment (saved, not shown); without it, a feed to subscribe to.
    static func response(_ body: Response.Body, format: Format, filename: String? = nil, cacheControl: String? = nil) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = format.mediaType
        if let filename { headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition(filename: filename)) }
        if let cacheControl { headers.replaceOrAdd(name: .cacheControl, value: cacheControl) }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func response(_ text: String, format: Format, filename: String? = nil, cacheControl: String? = nil) -> Response {
        response(.init(string: text), format: format, filename: filename, cacheControl: cacheControl)
    }

    static func response(_ data: Data, format: Format, filename: String? = nil, cacheControl: String? = nil) -> Response {
        response(.init(data: data), format: format, filename: filename, cacheControl: cacheControl)
    }

    /// `attachment; filename="…"` with letters, digits, `-`, `_`, `.` and spaces only (no quotes,
    /// slashes or line breaks from a title); a name that needed changing keeps its real
    /// spelling in `filename*` (RFC 6266, RFC 8187).
    static func contentDisposition(filename: String) -> String {
        let safe = safeName(filename)
        guard safe != filename else { return "attachment; filename=\"\(safe)\"" }
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? safe
        return "attachment; filename=\"\(safe)\"; filename*=UTF-8''\(encoded)"
    }

    static func safeName(_ filename: String) -> String {
        let replaced = String(
            String.UnicodeScalarView(
                filename.unicodeScalars.map { scalar -> Unicode.Scalar in
                    scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_. ".unicodeScalars.contains(scalar)) ? scalar : "_"
                }))
        let trimmed = String(replaced.drop { $0 == "." || $0 == " " })
        return trimmed.isEmpty ? "download" : trimmed
    }

    /// RFC 8187 `attr-char`: what stands unencoded in `filename*`.
    private static let attributeCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
}
