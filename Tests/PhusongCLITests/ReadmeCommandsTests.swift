import Foundation
import Testing

/// The documentation's commands, run as written so that the docs never drift: every shell
/// command of the fenced ```sh blocks under README.md's usage headings and of docs/*.md.
///
/// Each file's commands run in order (later ones read what earlier ones wrote) in a fresh
/// temporary folder that looks like the repository root: `geodata` links to the repository's,
/// and `../shared` to the public data beside the checkout when it is there. `phusong …`
/// commands run the built binary through `CLI.run`; other shell commands (a heredoc writing a
/// configuration file, `cmp`) run with `/bin/sh` and that binary first on `PATH`. Commands
/// that run a script of the repository (`scripts/run.sh`, `notebooks/run-all.sh`, which build
/// in release mode) or the Benchmarks package are listed, not run (CI runs them:
/// `scripts/run-listed-commands.sh`, `notebooks/run-all.sh`); so are commands that need
/// `../shared` when it is absent. Every command that runs must exit with 0.
@Suite("Documentation commands", .serialized)
struct ReadmeCommandsTests {
    @Test("README usage sections and docs/*.md: every shell command runs", arguments: DocumentationCommands.files)
    func commandsRun(file: String) throws {
        let commands = try DocumentationCommands.extract(file: file)
        #expect(!commands.isEmpty, "\(file): no ```sh commands found under its usage headings")
        let sandbox = try DocumentationSandbox()
        defer { sandbox.remove() }
        var ran: [String] = []
        var listed: [String] = []
        for command in commands {
            if let reason = command.skipReason(sharedAvailable: sandbox.hasShared) {
                listed.append("  \(command.location): \(command.text)  [\(reason)]")
                if let script = command.script {
                    #expect(FileManager.default.fileExists(atPath: CLI.repository.appendingPathComponent(script).path),
                            "\(command.location): \(script) does not exist")
                }
                continue
            }
            let result = try sandbox.run(command)
            ran.append(command.text)
            #expect(result.exitCode == 0, """
                \(command.location): `\(command.text)` exited with \(result.exitCode)
                stdout: \(result.stdout.suffix(2000))
                stderr: \(result.stderr.suffix(2000))
                """)
        }
        print("\(file): ran \(ran.count) command(s), listed \(listed.count) without running them")
        for line in listed { print(line) }
    }

    @Test("README: the usage section has phusong commands, the two commands are listed")
    func readmeHasUsageCommands() throws {
        let commands = try DocumentationCommands.extract(file: "README.md")
        let phusong = commands.filter { $0.words.first == "phusong" }
        #expect(phusong.count >= 10, "the README's usage section should show the main commands")
        let subcommands = Set(phusong.compactMap { $0.words.dropFirst().first })
        for name in ["report", "deadzones", "unpowered", "plan", "validate", "config"] {
            #expect(subcommands.contains(name), "the README's usage section shows no `phusong \(name)`")
        }
        #expect(commands.contains { $0.script == "scripts/run.sh" } && commands.contains { $0.script == "scripts/test.sh" })
    }

    @Test("the command parser: continuations, comments, quotes, heredocs, redirections")
    func parser() throws {
        let markdown = """
            # Title
            ## Usage
            ```sh
            phusong report --out "out/a b"   # a comment
            phusong deadzones \\
              --province 'Lai Châu'
            cat > out/x.toml <<'EOF'
            [radio]
            # kept: inside the heredoc
            extra_loss_db = 1.0
            EOF
            phusong config --print-default > out/c.toml
            ```
            ## Layout
            ```sh
            phusong ignored
            ```
            """
        let commands = DocumentationCommands.extract(markdown: markdown, file: "X.md", sections: ["Usage"])
        #expect(commands.map(\.words) == [
            ["phusong", "report", "--out", "out/a b"],
            ["phusong", "deadzones", "--province", "Lai Châu"],
            ["cat", ">", "out/x.toml", "<<'EOF'"],
            ["phusong", "config", "--print-default", ">", "out/c.toml"],
        ])
        #expect(commands[2].text.hasSuffix("extra_loss_db = 1.0\nEOF"))
        #expect(commands[2].text.contains("# kept: inside the heredoc"))
        #expect(commands[3].direct?.arguments == ["config", "--print-default"])
        #expect(commands[3].direct?.stdoutFile == "out/c.toml")
        #expect(commands[0].direct?.arguments == ["report", "--out", "out/a b"])
        #expect(commands[2].direct == nil)
        #expect(commands.allSatisfy { $0.location.hasPrefix("X.md:") })
    }

    @Test("committed notebooks hold no outputs")
    func notebooksAreClean() throws {
        let folder = CLI.repository.appendingPathComponent("notebooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".ipynb") } ?? []
        #expect(names.count >= 3, "notebooks/ should hold the three notebooks")
        for name in names.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let cells = notebook["cells"] as? [[String: Any]] ?? []
            for (index, cell) in cells.enumerated() where cell["cell_type"] as? String == "code" {
                let outputs = cell["outputs"] as? [Any] ?? []
                #expect(outputs.isEmpty && cell["execution_count"] is NSNull,
                        "notebooks/\(name): cell \(index) has outputs; clear them (jupyter nbconvert --clear-output --inplace)")
            }
        }
    }
}

/// A shell command shown in the documentation.
struct DocumentationCommand: Sendable {
    var file: String
    var line: Int
    /// The command as shown: continuation lines joined, the trailing comment removed, a
    /// heredoc's body and terminator included.
    var text: String
    /// Its first line split into shell words (quotes removed).
    var words: [String]

    var location: String { "\(file):\(line)" }

    /// A repository script the command runs (`scripts/run.sh …`, `bash notebooks/run-all.sh`,
    /// `python3 scripts/fuzz.py …`).
    /// Leading environment assignments (`PHUSONG_BIN=… bash scripts/…`) are skipped.
    var script: String? {
        let interpreters: Set<String> = ["bash", "sh", "python3"]
        let command = words.drop { word in
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
            return word[..<equals].allSatisfy { $0 == "_" || $0.isASCII && ($0.isUppercase || $0.isNumber) }
        }
        let program = command.first.map(interpreters.contains) == true ? command.dropFirst().first : command.first
        guard let program, program.hasSuffix(".sh") || program.hasSuffix(".py"), program.contains("/") else { return nil }
        return program.hasPrefix("./") ? String(program.dropFirst(2)) : program
    }

    /// Why the command is listed rather than run, or nil to run it.
    func skipReason(sharedAvailable: Bool) -> String? {
        if let script { return "runs the repository script \(script): listed, not run here" }
        if text.hasPrefix("cd Benchmarks && swift package") {
            return "builds and runs the Benchmarks package: listed here, run by CI (scripts/run-listed-commands.sh)"
        }
        if text.contains("../shared/"), !sharedAvailable { return "needs ../shared/geodata, which is not beside the checkout" }
        return nil
    }

    /// `phusong ARGS [> FILE]` without other shell syntax: run directly with `CLI.run`.
    var direct: (arguments: [String], stdoutFile: String?)? {
        guard words.first == "phusong", !text.contains("\n") else { return nil }
        var arguments = Array(words.dropFirst())
        var file: String?
        if arguments.count >= 2, arguments[arguments.count - 2] == ">" {
            file = arguments.removeLast()
            arguments.removeLast()
        }
        let shellSyntax: Set<String> = ["|", "||", "&&", ";", "&", "<", ">", ">>", "2>", "2>&1"]
        if arguments.contains(where: { shellSyntax.contains($0) || $0.hasPrefix("$") || $0.hasPrefix(">") }) { return nil }
        return (arguments, file)
    }
}

enum DocumentationCommands {
    /// README.md and every Markdown file in docs/, relative to the repository.
    static var files: [String] {
        let docs = CLI.repository.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return ["README.md"] + pages
    }

    /// The README's sections (level-2 headings) whose commands are shown to users; in docs/,
    /// every section.
    static let readmeUsageSections: Set<String> = ["The two commands", "Usage"]

    static func extract(file: String) throws -> [DocumentationCommand] {
        let text = try String(contentsOf: CLI.repository.appendingPathComponent(file), encoding: .utf8)
        return extract(markdown: text, file: file, sections: file == "README.md" ? readmeUsageSections : nil)
    }

    /// The commands of the ```sh blocks under the level-2 headings named in `sections`
    /// (every block when nil).
    static func extract(markdown: String, file: String, sections: Set<String>?) -> [DocumentationCommand] {
        let lines = markdown.components(separatedBy: "\n")
        var commands: [DocumentationCommand] = []
        var section = ""
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
            let fence = line.trimmingCharacters(in: .whitespaces)
            guard fence.hasPrefix("```") else {
                index += 1
                continue
            }
            let language = fence.dropFirst(3).trimmingCharacters(in: .whitespaces)
            var body: [(Int, String)] = []
            index += 1
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append((index + 1, lines[index]))
                index += 1
            }
            index += 1
            if ["sh", "bash", "shell", "console"].contains(language), sections?.contains(section) ?? true {
                commands += commandsOfBlock(body, file: file)
            }
        }
        return commands
    }

    private static func commandsOfBlock(_ body: [(Int, String)], file: String) -> [DocumentationCommand] {
        var commands: [DocumentationCommand] = []
        var position = 0
        while position < body.count {
            let (lineNumber, raw) = body[position]
            position += 1
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("$ ") { line.removeFirst(2) }
            var logical = stripComment(line)
            while logical.hasSuffix("\\"), position < body.count {
                logical.removeLast()
                logical = logical.trimmingCharacters(in: .whitespaces) + " "
                    + stripComment(body[position].1.trimmingCharacters(in: .whitespaces))
                position += 1
            }
            let words = shellWords(logical)
            var text = logical
            if let marker = words.first(where: { $0.hasPrefix("<<") }) {
                let terminator = marker.dropFirst(2).trimmingCharacters(in: CharacterSet(charactersIn: "-'\""))
                var heredoc: [String] = []
                while position < body.count {
                    let next = body[position].1
                    position += 1
                    heredoc.append(next)
                    if next.trimmingCharacters(in: .whitespaces) == terminator { break }
                }
                text += "\n" + heredoc.joined(separator: "\n")
            }
            commands.append(DocumentationCommand(file: file, line: lineNumber, text: text, words: words))
        }
        return commands
    }

    /// The line without a trailing `# comment` (a `#` outside quotes, after a blank).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Splits a line into words as a POSIX shell would: blanks separate, quotes group (and are
    /// removed), a backslash escapes the next character. `<<'EOF'` keeps its quotes so that
    /// the heredoc terminator can be read.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                    if current.hasPrefix("<<") { current.append(character) }
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = character
                inWord = true
                if current.hasPrefix("<<") { current.append(character) }
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// A temporary folder laid out like the repository root for the documentation's commands.
final class DocumentationSandbox {
    let root: URL
    let work: URL
    let hasShared: Bool
    private let bin: URL

    init() throws {
        let manager = FileManager.default
        root = try CLI.temporaryFolder()
        work = root.appendingPathComponent("repo")
        bin = root.appendingPathComponent("bin")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: work.appendingPathComponent("geodata"),
                                       withDestinationURL: CLI.repository.appendingPathComponent("geodata"))
        try manager.createSymbolicLink(at: bin.appendingPathComponent("phusong"), withDestinationURL: URL(fileURLWithPath: CLI.binary))
        let shared = ProcessInfo.processInfo.environment["PHUSONG_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? CLI.repository.deletingLastPathComponent().appendingPathComponent("shared")
        hasShared = manager.fileExists(atPath: shared.appendingPathComponent("geodata").path)
        if hasShared {
            try manager.createSymbolicLink(at: root.appendingPathComponent("shared"), withDestinationURL: shared)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func run(_ command: DocumentationCommand) throws -> CLIResult {
        if let direct = command.direct {
            let result = try CLI.run(direct.arguments, in: work.path)
            if let file = direct.stdoutFile {
                try result.stdout.write(to: work.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            return result
        }
        return try shell(command.text)
    }

    /// Runs `text` with /bin/sh in the work folder, `phusong` first on PATH.
    private func shell(_ text: String) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", text]
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = root.appendingPathComponent("sh.stdout")
        let err = root.appendingPathComponent("sh.stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CLIResult(exitCode: process.terminationStatus,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
