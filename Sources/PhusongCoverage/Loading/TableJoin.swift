import PhusongSupport

/// Joins the chunks of each block into one ``LoadedTable``, so that the outcome is that of a
/// front-to-back reading, for any number of threads:
///
/// 1. in file order: checks each chunk's guessed start (``TableChunk``), gives it the line it
///    starts on, counts the records and throws the first fatal problem;
/// 2. in parallel, one task per partition of ``RowChecks``: finds the duplicate ids;
/// 3. in parallel, likewise: runs the loader's ``TableRowCheck`` on the rows still good;
/// 4. in file order: appends the rows, the rejected rows and the warnings; runs of rows with
///    nothing to report are appended whole.
struct TableJoin<Row: Sendable, Check: TableRowCheck<Row>> {
    private(set) var table: LoadedTable<Row>
    private let state: RowChecks<Check>
    /// Records so far, the header included (``InputLimits/maxRecords``).
    private var records: Int
    private(set) var sawRow = false
    private let header: TableHeader
    /// The id column (`village_id`), for the duplicate-id message.
    private let idColumn: TableColumn
    private let path: String
    private let threads: Int
    /// The table's size in bytes when known (``InputFile/sizeHint``), and how many of them
    /// the rows joined so far took (the header's included): the room for the rows is
    /// reserved once for the whole table, from the bytes per row of the first block.
    private let sizeHint: Int?
    private var bytesJoined: Int

    init(table: LoadedTable<Row>, state: RowChecks<Check>, records: Int, header: TableHeader, idColumn: TableColumn,
         path: String, threads: Int, sizeHint: Int? = nil, headerBytes: Int = 0) {
        self.table = table
        self.state = state
        self.records = records
        self.header = header
        self.idColumn = idColumn
        self.path = path
        self.threads = threads
        self.sizeHint = sizeHint
        bytesJoined = headerBytes
    }

    /// What steps 2 and 3 found in one record.
    private struct Finding: Sendable {
        var chunk: Int
        var record: Int
        /// The line of the id's first occurrence, for a duplicate.
        var duplicateOf: Int?
        var outcome = RowCheckOutcome()
    }

    /// Adds the rows of `guessed`, the chunks of `block` scanned from `start`, and returns where
    /// the block's whole records end (the start of an unfinished record, or the end).
    /// - Throws: the first fatal problem in file order.
    mutating func add(
        _ guessed: [TableChunk<Row>], of block: some TableRecords, from start: CSVCursor,
        parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) async throws(LoadError) -> CSVCursor {
        var chunks: [TableChunk<Row>] = []
        var firstLines: [Int] = []
        var line = start.line
        var end = CSVCursor(offset: start.offset, line: 0, afterCR: start.afterCR)
        for (index, guess) in guessed.enumerated() {
            var chunk = guess
            if index > 0, chunk.start.offset != end.offset || chunk.start.afterCR != end.afterCR {
                // The guess was wrong (a quoted line break straddles the chunk's first byte):
                // parse the chunk again from where the one before it ended.
                let from = CSVCursor(offset: end.offset, line: 0, afterCR: end.afterCR)
                chunk = block.chunk(from: from, limit: guess.limit, header: header, path: path, prepare: Check.prepare, parse: parse)
            }
            if records + chunk.records.count > InputLimits.maxRecords {
                let first = chunk.records[InputLimits.maxRecords - records]
                throw LoadError(Problem(file: path, line: line + first.cursor.line,
                                        reason: .table(.tooManyRecords(limit: InputLimits.maxRecords))))
            }
            records += chunk.records.count
            sawRow = sawRow || !chunk.records.isEmpty
            if var failure = chunk.failure {
                failure.problems = Self.shifted(failure.problems, by: line)
                throw failure
            }
            chunks.append(chunk)
            firstLines.append(line)
            line += chunk.end.line
            end = chunk.end
        }
        var findings = try await duplicates(in: chunks, firstLines: firstLines)
        if Check.checksRows {
            findings += try await checkRows(chunks, firstLines: firstLines, duplicates: findings, block: block)
        }
        var byChunk = [[Int: Finding]](repeating: [:], count: chunks.count)
        for finding in findings {
            if var known = byChunk[finding.chunk][finding.record] {
                known.outcome = finding.outcome
                byChunk[finding.chunk][finding.record] = known
            } else {
                byChunk[finding.chunk][finding.record] = finding
            }
        }
        // Room for the block's rows: for the whole table when its size is known (the rows
        // of the rest estimated from the bytes per row so far, 5% over, at most the records
        // a table may have), otherwise grown geometrically; reserving exactly what each
        // block needs would copy the whole table once per block. Room reserved and never
        // used costs address space, not memory.
        bytesJoined += end.offset - start.offset
        let needed = table.rows.count + chunks.reduce(0) { $0 + $1.rows.count }
        if table.rows.capacity < needed {
            var room = max(needed, 2 * table.rows.capacity)
            if let sizeHint, sizeHint > bytesJoined {
                let rest = Double(needed) * Double(sizeHint - bytesJoined) / Double(max(1, bytesJoined))
                room = max(needed, min(needed + Int(rest * 1.05) + 16, InputLimits.maxRecords))
            }
            table.rows.reserveCapacity(room)
            table.lines.reserveCapacity(room)
        }
        for index in chunks.indices {
            append(chunks[index], firstLine: firstLines[index], findings: byChunk[index], block: block)
        }
        return CSVCursor(offset: end.offset, line: line, afterCR: end.afterCR)
    }

    /// Step 2: the records whose id occurred before (in this block or an earlier one).
    private func duplicates(in chunks: [TableChunk<Row>], firstLines: [Int]) async throws(LoadError) -> [Finding] {
        let state = state
        return try await inPartitions { partition in
            state.ids[partition].update { ids in
                var found: [Finding] = []
                for (chunkIndex, chunk) in chunks.enumerated() {
                    for (index, record) in chunk.records.enumerated() {
                        guard let id = record.id, state.partition(of: record.idHash) == partition else { continue }
                        let line = firstLines[chunkIndex] + record.cursor.line
                        if let earlier = ids.firstOrInsert(id, hash: record.idHash, value: line) {
                            found.append(Finding(chunk: chunkIndex, record: index, duplicateOf: earlier))
                        }
                    }
                }
                return found
            }
        }
    }

    /// Step 3: the loader's check on every row still good.
    private func checkRows(
        _ chunks: [TableChunk<Row>], firstLines: [Int], duplicates: [Finding], block: some TableRecords
    ) async throws(LoadError) -> [Finding] {
        let state = state
        let header = header
        let path = path
        var duplicated = [Set<Int>](repeating: [], count: chunks.count)
        for finding in duplicates { duplicated[finding.chunk].insert(finding.record) }
        let skipped = duplicated
        return try await inPartitions { partition in
            state.states[partition].update { checkState in
                var found: [Finding] = []
                for (chunkIndex, chunk) in chunks.enumerated() {
                    for (index, record) in chunk.records.enumerated() {
                        guard record.row >= 0, record.problems.isEmpty, state.partition(of: record.prepared) == partition,
                              !skipped[chunkIndex].contains(index) else { continue }
                        let line = firstLines[chunkIndex] + record.cursor.line
                        let outcome = Check.check(
                            chunk.rows[Int(record.row)], prepared: record.prepared, line: line, file: path, state: &checkState,
                            record: { Self.reader(record, firstLine: firstLines[chunkIndex], block: block, header: header, path: path) })
                        if outcome.problem != nil || outcome.warning != nil {
                            found.append(Finding(chunk: chunkIndex, record: index, outcome: outcome))
                        }
                    }
                }
                return found
            }
        }
    }

    /// `job` for every partition, on up to `threads` tasks; the findings in file order.
    private func inPartitions(_ job: @escaping @Sendable (Int) -> [Finding]) async throws(LoadError) -> [Finding] {
        do {
            let found = try await TaskPool.run(count: state.ids.count, threads: threads, job)
            return found.joined().sorted { ($0.chunk, $0.record) < ($1.chunk, $1.record) }
        } catch {
            // The jobs throw nothing; a task group ends early only when the task is cancelled.
            throw LoadError(Problem(file: path, reason: .file(.unreadable(systemReason: "cancelled"))))
        }
    }

    /// Step 4 for one chunk: visits the unclean records and those with findings, in order,
    /// and appends the runs of clean rows between them whole.
    private mutating func append(_ chunk: TableChunk<Row>, firstLine: Int, findings: [Int: Finding], block: some TableRecords) {
        let visited = findings.isEmpty ? chunk.unclean : Array(Set(chunk.unclean).union(findings.keys)).sorted()
        var cleanFrom = 0
        for index in visited {
            let record = chunk.records[index]
            let finding = findings[index]
            // The clean rows before this record.
            let rowsBefore = Int(record.rowsBefore)
            appendClean(chunk, rows: cleanFrom..<rowsBefore, firstLine: firstLine)
            cleanFrom = rowsBefore + (record.row >= 0 ? 1 : 0)
            let line = firstLine + record.cursor.line
            var problems = Self.shifted(record.problems, by: firstLine)
            if let earlier = finding?.duplicateOf {
                problems.insert(Problem(file: path, line: line, column: header.displayName(idColumn), value: record.id,
                                        reason: .value(.duplicateID(firstLine: earlier))), at: 0)
            }
            table.warn(Self.shifted(record.warnings, by: firstLine))
            if let problem = finding?.outcome.problem { problems.append(problem) }
            if let warning = finding?.outcome.warning { table.warn([warning]) }
            if record.row >= 0, problems.isEmpty {
                table.rows.append(chunk.rows[Int(record.row)])
                table.lines.append(line)
            } else {
                let fields = record.fields
                    ?? Self.reader(record, firstLine: firstLine, block: block, header: header, path: path)
                        .record.allFieldsLossy(limit: header.names.count)
                table.rejected.append(RejectedRow(line: line, fields: fields, problems: problems))
            }
        }
        appendClean(chunk, rows: cleanFrom..<chunk.rows.count, firstLine: firstLine)
    }

    /// Appends a run of rows with nothing to report.
    private mutating func appendClean(_ chunk: TableChunk<Row>, rows: Range<Int>, firstLine: Int) {
        guard !rows.isEmpty else { return }
        table.rows += chunk.rows[rows]
        table.lines += chunk.rowLines[rows].lazy.map { $0 + firstLine }
    }

    /// The reader of a record, read again from the block.
    private static func reader(
        _ record: TableChunk<Row>.Record, firstLine: Int, block: some TableRecords, header: TableHeader, path: String
    ) -> RowReader {
        var cursor = record.cursor
        cursor.line += firstLine
        return RowReader(fields: block.record(at: cursor, path: path), header: header, file: path)
    }

    private static func shifted(_ problems: [Problem], by lines: Int) -> [Problem] {
        guard !problems.isEmpty, lines != 0 else { return problems }
        return problems.map { problem in
            var problem = problem
            problem.line = problem.line.map { $0 + lines }
            return problem
        }
    }
}
