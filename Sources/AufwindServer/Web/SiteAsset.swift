import Crypto
import Foundation
import Vapor

/// The files of the site that are not pages: the stylesheet, the three scripts, the icon. They lie
/// in `Web/Assets/` as plain files (the bundle's resources), edited as CSS and JavaScript.
enum SiteAsset: String, CaseIterable, Sendable {
    case stylesheet = "aufwind.css"
    case planningScript = "planung.js"
    case stageScript = "buehne.js"
    case programmeScript = "programm.js"
    case favicon = "favicon.svg"

    var fileName: String { rawValue }

    var contentType: HTTPMediaType {
        switch self {
        case .stylesheet: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        case .planningScript, .stageScript, .programmeScript: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        case .favicon: HTTPMediaType(type: "image", subType: "svg+xml")
        }
    }

    /// The URL pages link to: it names the content's hash (`/assets/aufwind.3f2a9c1b.css`).
    var path: String { AssetCatalog.site[self].path }
}

/// The assets as served: read once from the bundle, each under a name with a hash of its
/// content, so that browsers keep them for a year and a changed file gets a new URL.
struct AssetCatalog: Sendable {
    struct Asset: Sendable {
        let kind: SiteAsset
        let content: ByteBuffer
        /// The first 8 hex digits of the content's SHA-256.
        let hash: String

        /// `aufwind.3f2a9c1b.css`.
        var hashedName: String {
            let name = kind.fileName
            guard let dot = name.lastIndex(of: ".") else { return "\(name).\(hash)" }
            return "\(name[..<dot]).\(hash)\(name[dot...])"
        }
        var path: String { "/assets/\(hashedName)" }
        /// Where the file was served before names carried hashes; still answered.
        var unhashedPath: String { "/static/\(kind.fileName)" }
    }

    struct Missing: Error, CustomStringConvertible {
        let file: String
        var description: String {
            "Die Datei \(file) fehlt im Ressourcenordner von AufwindServer (Aufwind_AufwindServer.resources neben dem Programm ausliefern)."
        }
    }

    let assets: [SiteAsset: Asset]

    /// Reads every `SiteAsset` from `directory`.
    init(directory: URL) throws {
        var assets: [SiteAsset: Asset] = [:]
        for kind in SiteAsset.allCases {
            let url = directory.appendingPathComponent(kind.fileName)
            guard let data = try? Data(contentsOf: url) else { throw Missing(file: kind.fileName) }
            let hash = SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
            assets[kind] = Asset(kind: kind, content: ByteBuffer(bytes: data), hash: hash)
        }
        self.assets = assets
    }

    subscript(kind: SiteAsset) -> Asset { assets[kind]! }

    /// The asset a name under `/assets/` stands for, with whether the hash is the current one
    /// (`aufwind.00000000.css` is the stylesheet, but not the current one).
    func lookUp(hashedName: String) -> (asset: Asset, isCurrent: Bool)? {
        for asset in assets.values {
            if asset.hashedName == hashedName { return (asset, true) }
            let name = asset.kind.fileName
            guard let dot = name.lastIndex(of: ".") else { continue }
            let stem = name[..<dot] + "."
            let suffix = name[dot...]
            if hashedName.hasPrefix(stem), hashedName.hasSuffix(suffix), hashedName.count > name.count + 1 { return (asset, false) }
        }
        return nil
    }

    /// The assets of this build: read at the first use; `configure` checks them at start.
    static let bundled: Result<AssetCatalog, any Error> = Result {
        guard let directory = Bundle.module.url(forResource: "Assets", withExtension: nil) else { throw Missing(file: "Assets") }
        return try AssetCatalog(directory: directory)
    }

    static var site: AssetCatalog {
        switch bundled {
        case .success(let catalog): catalog
        case .failure(let error): preconditionFailure("\(error)")
        }
    }
}
