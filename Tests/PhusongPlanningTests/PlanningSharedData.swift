import Foundation

/// The read-only published instances beside the checkout (`../shared/geodata`), or under
/// `$PHUSONG_SHARED/geodata`. Tests that need them are skipped when they are absent.
enum PlanningSharedData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var geodata: String {
        if let path = ProcessInfo.processInfo.environment["PHUSONG_SHARED"] { return path + "/geodata" }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/geodata").path
    }

    /// The maximal covering instances and their proven optima.
    static var instances: String { geodata + "/mclp-instances" }

    static var optimaFile: String { instances + "/OPTIMA.csv" }
}
