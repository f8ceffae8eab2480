import Foundation
import Testing

/// Issue 13, class 7: an input that cannot be read — a folder given as a file, a path through
/// a file, a file without read permission, a missing file — exits 66 with a message naming it,
/// for every input option; bad settings that used to exit 1 exit 65.
@Suite("Class 7: exit codes")
struct Class7UnreadableInputTests {
    private static let villages = CLI.fixture("good/villages.csv")
    private static let cells = CLI.fixture("good/cells.csv")

    /// Every input option, as the arguments of a command with `path` in that option's place.
    /// The mclp inputs are written into `folder` first.
    private static func commands(_ path: String, folder: URL) throws -> [(option: String, arguments: [String])] {
        let demand = folder.appendingPathComponent("demand.csv").path
        let candidates = folder.appendingPathComponent("candidates.csv").path
        try "id,x,y,weight\nd1,0,0,1\nd2,1,0,2\n".write(toFile: demand, atomically: true, encoding: .utf8)
        try "id,x,y\nc1,0,0\nc2,1,0\n".write(toFile: candidates, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let mclp = ["mclp", "--radius", "1", "--p", "1"]
        return [
            ("--villages", ["validate", "--villages", path, "--cells", cells]),
            ("--cells", ["validate", "--villages", villages, "--cells", path]),
            ("--admin", ["validate", "--villages", villages, "--cells", cells, "--admin", path]),
            ("--config", ["report", "--villages", villages, "--cells", cells, "--config", path, "--out", out]),
            ("--candidates (plan)", ["plan", "--villages", villages, "--cells", cells, "--candidates", path, "--out", out]),
            ("--demand (mclp)", mclp + ["--demand", path, "--candidates", candidates]),
            ("--candidates (mclp)", mclp + ["--demand", demand, "--candidates", path]),
            ("--fixed (mclp)", mclp + ["--demand", demand, "--candidates", candidates, "--fixed", path]),
            ("--cost-matrix (mclp)", mclp + ["--demand", demand, "--candidates", candidates, "--cost-matrix", path]),
        ]
    }

    /// Runs every input option with `given` in its place and expects exit 66 and
    /// `<given>: <reason>` on standard error.
    private static func expectUnavailable(_ given: String, _ reason: String, folder: URL,
                                          run: ([String]) throws -> CLIResult = { try CLI.run($0) }) throws {
        for (option, arguments) in try commands(given, folder: folder) {
            let result = try run(arguments)
            #expect(result.exitCode == 66, "\(option): \(result.stderr)")
            #expect(result.stderr.contains("\(given): \(reason)"), "\(option): \(result.stderr)")
        }
    }

    @Test("a folder given where a file is expected exits 66: '<path>: is a folder, not a file', for every input option")
    func folderAsFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let given = folder.appendingPathComponent("a-folder").path
        try FileManager.default.createDirectory(atPath: given, withIntermediateDirectories: true)
        try Self.expectUnavailable(given, "is a folder, not a file", folder: folder)
    }

    @Test("a path through a regular file exits 66 with the system's reason, for every input option")
    func pathThroughAFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectUnavailable(Self.villages + "/inside.csv", "cannot be read: Not a directory", folder: folder)
    }

    @Test("a missing file exits 66: '<path>: file not found', for every input option")
    func missingFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectUnavailable(folder.appendingPathComponent("missing.csv").path, "file not found", folder: folder)
    }

    /// Whether a file without read permission can be tested: as root (who may read any file)
    /// phusong is run as `nobody` through setpriv.
    private static let canDropPermissions = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs phusong as this user, or as `nobody` when this user is root.
    private static func runUnprivileged(_ arguments: [String]) throws -> CLIResult {
        guard getuid() == 0 else { return try CLI.run(arguments) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary] + arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLIResult(exitCode: process.terminationStatus, stdout: "", stderr: stderr)
    }

    @Test("a file without read permission exits 66: 'cannot be read: permission denied', for every input option",
          .enabled(if: canDropPermissions, "skipped: running as root without setpriv to drop the privilege"))
    func noPermission() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Open to all: phusong may run as another user here.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let given = folder.appendingPathComponent("secret.csv").path
        try "x\n".write(toFile: given, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: given)
        try Self.expectUnavailable(given, "cannot be read: permission denied", folder: folder, run: Self.runUnprivileged)
    }

    @Test("compare: a report folder that is a file, or holds no summary.json, exits 66")
    func compareFolders() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAFolder = try CLI.run(["compare", "--before", Self.villages, "--after", folder.path])
        #expect(notAFolder.exitCode == 66)
        #expect(notAFolder.stderr.contains("\(Self.villages)/summary.json: cannot be read: Not a directory"))
        let empty = try CLI.run(["compare", "--before", folder.path, "--after", folder.path])
        #expect(empty.exitCode == 66)
        #expect(empty.stderr.contains("\(folder.path)/summary.json: file not found (is \(folder.path) the --out folder of `phusong report`?)"))
    }

    @Test("a negative cost or an infinite tolerance exits 65 (it exited 1), naming the key",
          arguments: [("[planning]\nnew_site_cost = -3.0", "planning.new_site_cost: -3: must be within 0.001..1000 billion VND"),
                      ("[area]\ntolerance_m = inf", "area.tolerance_m: inf: must be within 1..1000 m")])
    func badSettingsExit65(toml: String, message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("c.toml").path
        try (toml + "\n").write(toFile: config, atomically: true, encoding: .utf8)
        for command in ["plan", "report"] {
            let result = try CLI.run([command, "--villages", Self.villages, "--cells", Self.cells, "--config", config,
                                      "--out", folder.appendingPathComponent(command).path])
            #expect(result.exitCode == 65, "\(command)")
            #expect(result.stderr.contains("\(config): \(message)"), "\(command): \(result.stderr)")
        }
    }

    @Test("more operators than the engine supports exits 65, not 1")
    func tooManyOperators() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cells = folder.appendingPathComponent("cells.csv").path
        var text = "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\n"
        for index in 0..<33 { text += "c\(index),s\(index),Operator \(index),4G,900,103.02,21.28,30\n" }
        try text.write(toFile: cells, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "--no-area", "--villages", Self.villages, "--cells", cells, "--out", folder.appendingPathComponent("out").path])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("33 operators: at most 32 are supported"))
    }
}
