#if canImport(Glibc)
import Glibc
#endif

/// Returning the memory a finished step freed to the operating system.
package enum FreeMemory {
    /// Hands the free pages of every malloc arena back to the system (glibc's `malloc_trim`;
    /// nothing elsewhere). Parsing two million rows on several threads leaves about a
    /// gigabyte of freed but still mapped memory spread over the threads' arenas (the
    /// strings and chunk buffers of the parse); without this the process would carry it as
    /// resident memory to the end of the run. Costs a few milliseconds.
    package static func returnToSystem() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
