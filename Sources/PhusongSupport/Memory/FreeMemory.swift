import CPhusongSystem

/// Returning the memory a finished step freed to the operating system.
package enum FreeMemory {
    /// Hands the free pages of every malloc arena back to the system (glibc's `malloc_trim`;
    /// nothing elsewhere). Parsing millions of rows on several threads leaves freed but still
    /// mapped memory spread over the threads' arenas (the strings and chunk buffers of the
    /// parse); without this the process would carry it as resident memory to the end of the
    /// run. Costs a few milliseconds.
    package static func returnToSystem() {
        phusong_release_free_memory()
    }
}
