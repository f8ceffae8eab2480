import CGDAL

/// The messages GDAL sent through its error handler during GDALKit calls: failures attached
/// to thrown ``GDALError``s, and warnings kept for the caller.
///
/// GDAL's error handler is per thread (`CPLPushErrorHandlerEx`): GDALKit pushes a handler
/// whose user data is one of these sinks before each call and pops it after, on the same
/// thread, so messages reach the object that made the call and never standard error, and two
/// threads using GDAL at once never see each other's messages.
final class GDALMessages {
    /// The most recent failure message (`CE_Failure` or `CE_Fatal`) of the current call.
    var lastFailure: String?
    /// GDAL's error class of ``lastFailure``.
    var lastFailureNumber: Int?
    /// Warnings (`CE_Warning`) in arrival order, at most ``maxWarnings`` of the most recent.
    var warnings: [String] = []
    /// Bound on the stored warnings, so a long read cannot grow memory without limit.
    static let maxWarnings = 100

    /// Runs `body` with this sink's handler installed on the current thread.
    ///
    /// `body` must not suspend (it is synchronous), so it runs on one thread from the push to
    /// the pop; GDAL's thread-local error state is reset first so an earlier call's error
    /// cannot be mistaken for this one's.
    func capturing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lastFailure = nil
        lastFailureNumber = nil
        let userData = Unmanaged.passUnretained(self).toOpaque()
        CPLPushErrorHandlerEx(gdalKitErrorHandler, userData)
        CPLErrorReset()
        defer { CPLPopErrorHandler() }
        return try body()
    }

    /// The error for a failed call: GDAL's message, or `fallback` if it sent none.
    func failure(_ operation: String, fallback: String = "GDAL reported a failure without a message") -> GDALError {
        GDALError(operation: operation, message: lastFailure ?? fallback, number: lastFailureNumber)
    }

    /// Stores one message from the handler.
    fileprivate func receive(_ level: CPLErr, _ number: CPLErrorNum, _ message: String) {
        switch level {
        case CE_Failure, CE_Fatal:
            lastFailure = message
            lastFailureNumber = Int(number)
        case CE_Warning:
            if warnings.count >= Self.maxWarnings { warnings.removeFirst() }
            warnings.append(message)
        default:
            break  // CE_Debug and CE_None carry nothing the caller needs.
        }
    }
}

/// GDAL's error callback: finds the sink installed by `GDALMessages.capturing` through the
/// handler's user data and stores the message there.
private func gdalKitErrorHandler(_ level: CPLErr, _ number: CPLErrorNum, _ message: UnsafePointer<CChar>?) {
    guard let userData = CPLGetErrorHandlerUserData() else { return }
    let sink = Unmanaged<GDALMessages>.fromOpaque(userData).takeUnretainedValue()
    var text = message.map { String(cString: $0) } ?? ""
    while let last = text.last, last.isNewline || last == " " { text.removeLast() }
    sink.receive(level, number, text)
}
