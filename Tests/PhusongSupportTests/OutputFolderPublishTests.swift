import Foundation
import Testing
@testable import PhusongSupport

@Suite("OutputFolder: a set made in parallel and streamed")
struct OutputFolderPublishTests {
    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-publish-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func files(_ tag: String, failing: String? = nil) -> [OutputSetFile] {
        ["a.csv", "b.json", "c.html"].map { name in
            OutputSetFile(name: name, sizeHint: name.count) { file in
                try file.write(Array("\(tag) \(name) part 1\n".utf8))
                if name == failing { throw CocoaError(.featureUnsupported) }
                try file.write(Array("\(tag) \(name) part 2\n".utf8))
            }
        }
    }

    private func contents(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return result
    }

    @Test("every file is written whole, in parallel, and replaces the previous set")
    func publishes() async throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        for (tag, threads) in [("old", 1), ("new", 3)] {
            let folder = try OutputFolder(path: out, fileNames: ["a.csv", "b.json", "c.html"], setName: "report")
            let paths = try await folder.publish(files(tag), threads: threads)
            #expect(paths == ["a.csv", "b.json", "c.html"].map { out + "/" + $0 })
        }
        #expect(try contents(out) == ["a.csv": "new a.csv part 1\nnew a.csv part 2\n", "b.json": "new b.json part 1\nnew b.json part 2\n",
                                      "c.html": "new c.html part 1\nnew c.html part 2\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test("a file that cannot be made: the previous set stays whole, nothing staged is left, the lock is let go")
    func failure() async throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let names = ["a.csv", "b.json", "c.html"]
        _ = try await OutputFolder(path: out, fileNames: names, setName: "report").publish(files("old"), threads: 2)
        let before = try contents(out)
        let folder = try OutputFolder(path: out, fileNames: names, setName: "report")
        do {
            _ = try await folder.publish(files("new", failing: "b.json"), threads: 2)
            Issue.record("publishing should fail")
        } catch {
            #expect(error.kind == .cannotWrite)
            #expect(error.description.hasPrefix("\(out): cannot make the report's files: "))
        }
        #expect(try contents(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
        // The lock was let go: the folder can be written again at once.
        _ = try await OutputFolder(path: out, fileNames: names, setName: "report").publish(files("again"), threads: 2)
        #expect(try contents(out)["a.csv"] == "again a.csv part 1\nagain a.csv part 2\n")
    }
}
