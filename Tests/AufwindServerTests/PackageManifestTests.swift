import Foundation
import Testing

@Suite("Package.swift declares what the code imports")
struct PackageManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The modules a target's Swift files import (the toolchain's own left out).
    static func imports(of folder: String) throws -> Set<String> {
        let toolchain: Set<String> = [
            "Foundation", "FoundationXML", "FoundationNetworking", "Testing", "XCTest", "Dispatch", "PackageDescription",
        ]
        let files = try #require(FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
        var modules = Set<String>()
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                // Imports stand at the start of a line; an indented "import" is text (a script in a string).
                let words = line.split(separator: " ", omittingEmptySubsequences: false).drop { $0 == "@testable" }
                guard words.first == "import", let module = words.dropFirst().first else { continue }
                modules.insert(String(module))
            }
        }
        return modules.subtracting(toolchain)
    }

    /// The products and targets a target of the manifest depends on, read from its text.
    static func dependencies(of target: String, in manifest: String) throws -> Set<String> {
        let targets = try #require(manifest.range(of: "\n    targets: [\n"))
        let start = try #require(manifest.range(of: "name: \"\(target)\"", range: targets.upperBound..<manifest.endIndex))
        let rest = manifest[start.upperBound...]
        let end = rest.range(of: #"\.(target|testTarget|executableTarget)\("#, options: .regularExpression)?.lowerBound ?? rest.endIndex
        let block = String(rest[..<end])
        let names = block.matches(of: try Regex(#"(?:product\(name: |[\[,]\s*|^\s*)"(\w+)""#).anchorsMatchLineEndings())
        return Set(names.compactMap { $0.output[1].substring.map(String.init) })
    }

    @Test(
        "every module a target imports is one of its declared dependencies",
        arguments: [
            ("AufwindCore", "Sources/AufwindCore"), ("AufwindServer", "Sources/AufwindServer"), ("aufwind", "Sources/aufwind"),
            ("AufwindCoreTests", "Tests/AufwindCoreTests"), ("AufwindServerTests", "Tests/AufwindServerTests"),
        ])
    func importsAreDeclared(target: String, folder: String) throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let undeclared = try Self.imports(of: folder).subtracting(Self.dependencies(of: target, in: manifest))
        #expect(undeclared.isEmpty, "\(target) imports \(undeclared.sorted()) without declaring them in Package.swift")
    }
}
