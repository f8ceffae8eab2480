import Foundation

/// Finds the embedded default data set (`geodata/default` in the repository): where
/// `PHUSONG_DEFAULT_DATA` points, else below the current folder, else above the executable
/// (a build lives in `<repo>/.build/<triple>/<config>/phusong`).
enum DefaultData {
    static func folder() -> String? {
        let manager = FileManager.default
        func holdsData(_ folder: String) -> Bool {
            manager.fileExists(atPath: folder + "/villages.csv") && manager.fileExists(atPath: folder + "/cells.csv")
        }
        if let folder = ProcessInfo.processInfo.environment["PHUSONG_DEFAULT_DATA"], holdsData(folder) {
            return folder
        }
        let here = manager.currentDirectoryPath + "/geodata/default"
        if holdsData(here) { return "geodata/default" }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("geodata/default").path
            if holdsData(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
