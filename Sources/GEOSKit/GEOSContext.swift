import CGEOS
import Foundation

/// Serialises `GEOS_init_r`: it writes a process-wide flag (the interrupt state) without
/// synchronisation, so contexts created concurrently from several tasks would race.
private let contextCreationLock = NSLock()

/// Receives GEOS's error and notice messages for one context (the handlers' userdata).
///
/// Only the thread currently using the owning context touches it (GEOS calls the handlers
/// synchronously from inside the failing call).
final class GEOSMessageSink {
    /// The most recent error message, cleared before each checked call.
    var lastError: String?
    /// Notices (warnings) in arrival order, at most ``maxNotices`` of the most recent.
    var notices: [String] = []
    /// Bound on the stored notices, so a long run cannot grow memory without limit.
    static let maxNotices = 100

    static func text(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        var text = String(cString: message)
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return text
    }
}

/// A GEOS context handle: the per-task entry point to GEOS.
///
/// Create one context per task (or thread) and keep every ``Geometry``, ``PreparedGeometry``
/// and ``STRtree`` made from it in that task. `GEOSContext` is deliberately not `Sendable`,
/// so Swift's strict concurrency checking keeps it (and everything holding it) in one
/// isolation domain. Data crosses between tasks as values (WKB `[UInt8]`, coordinates,
/// ``Envelope``s) and is turned into geometries by the receiving task's own context.
///
/// Contexts may be created from several tasks at once (creation is serialised by a
/// process-wide lock). The context is released (`GEOS_finish_r`) when the last object that
/// refers to it goes away; geometries keep their context alive.
///
/// All coordinates are planar; GEOS works in the units of the coordinates (degrees for
/// lon/lat data), so areas are in squared coordinate units and distances in coordinate units.
public final class GEOSContext {
    /// The GEOS handle, valid for the lifetime of this object.
    let handle: OpaquePointer
    /// Message storage passed to GEOS as the handlers' userdata; outlives `handle`.
    let sink: GEOSMessageSink

    // Readers and writers are created on first use and reused; they are bound to this
    // context and destroyed in `deinit`, before the context itself.
    var wktReader: OpaquePointer?
    var wktWriter: OpaquePointer?
    var wkbReader: OpaquePointer?
    var wkbWriter: OpaquePointer?
    var geoJSONReader: OpaquePointer?
    var geoJSONWriter: OpaquePointer?

    /// Creates a context with its error and notice handlers installed.
    /// - Throws: ``GEOSError`` if GEOS cannot allocate a context.
    public init() throws(GEOSError) {
        let created = contextCreationLock.withLock { GEOS_init_r() }
        guard let created else {
            throw GEOSError(operation: "GEOS_init_r", message: "GEOS could not create a context")
        }
        handle = created
        sink = GEOSMessageSink()
        let userdata = Unmanaged.passUnretained(sink).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue()
            sink.lastError = GEOSMessageSink.text(message)
        }, userdata)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue()
            if sink.notices.count >= GEOSMessageSink.maxNotices { sink.notices.removeFirst() }
            sink.notices.append(GEOSMessageSink.text(message))
        }, userdata)
    }

    deinit {
        destroyIOObjects()
        GEOS_finish_r(handle)
    }

    /// Notices (warnings) GEOS emitted on this context, oldest first; only the most recent 100
    /// are kept. For example `isValid` on an invalid polygon adds
    /// `"Self-intersection at or near point 1 1"`.
    public var notices: [String] { sink.notices }

    /// Forgets the collected ``notices``.
    public func clearNotices() { sink.notices.removeAll() }

    /// The version string of the GEOS library in use, e.g. `"3.11.1-CAPI-1.17.1"`.
    public static var geosVersion: String {
        guard let version = GEOSversion() else { return "unknown" }
        return String(cString: version)
    }
}

// MARK: - Checked calls (internal)

extension GEOSContext {
    /// The error for a failed call: GEOS's last message, or a generic text if it sent none.
    func failure(_ operation: String) -> GEOSError {
        GEOSError(operation: operation,
                  message: sink.lastError ?? "GEOS reported a failure without a message")
    }

    /// Runs a call returning a new, owned geometry; NULL becomes a thrown error.
    func makeGeometry(
        _ operation: String, _ body: (OpaquePointer) -> OpaquePointer?
    ) throws(GEOSError) -> Geometry {
        sink.lastError = nil
        guard let result = body(handle) else { throw failure(operation) }
        return Geometry(owning: result, context: self)
    }

    /// Runs a predicate returning GEOS's `char`: 0 false, 1 true, anything else an exception.
    func checkedPredicate(_ operation: String, _ body: (OpaquePointer) -> CChar) throws(GEOSError) -> Bool {
        sink.lastError = nil
        switch body(handle) {
        case 0: return false
        case 1: return true
        default: throw failure(operation)
        }
    }

    /// Runs a call that returns 0 on exception and stores a `Double` result through a pointer.
    func checkedDouble(
        _ operation: String, _ body: (OpaquePointer, UnsafeMutablePointer<Double>) -> Int32
    ) throws(GEOSError) -> Double {
        sink.lastError = nil
        var value = 0.0
        guard body(handle, &value) != 0 else { throw failure(operation) }
        return value
    }

    /// Runs a call that returns a GEOS-allocated C string; copies it and frees it with
    /// `GEOSFree_r`.
    func checkedString(
        _ operation: String, _ body: (OpaquePointer) -> UnsafeMutablePointer<CChar>?
    ) throws(GEOSError) -> String {
        sink.lastError = nil
        guard let cString = body(handle) else { throw failure(operation) }
        defer { GEOSFree_r(handle, cString) }
        return String(cString: cString)
    }

    /// Runs a call returning an `Int32` count where a negative value means an exception.
    func checkedCount(_ operation: String, _ body: (OpaquePointer) -> Int32) throws(GEOSError) -> Int {
        sink.lastError = nil
        let count = body(handle)
        guard count >= 0 else { throw failure(operation) }
        return Int(count)
    }
}
