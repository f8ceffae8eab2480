import PhusongSupport

/// ITM's loss for each pair over the terrain, as `phusong pathloss` prints it
/// (docs/specs/terrain-model.md, "Point-to-point command"): the profile from transmitter to
/// receiver at the configured step, then ITM point-to-point with the configured parameters and
/// each pair's heights and band. Pairs are cut into chunks run in parallel through the task
/// pool, each chunk with its own profile buffer; results are merged by index, so they do not
/// depend on the number of threads.
public enum PointToPointLosses {
    /// What one pair gives.
    public enum Outcome: Sendable, Hashable {
        /// ITM's loss, mode, warnings and intermediate values.
        case loss(ITMResult)
        /// ITM refused the pair (an input outside its domain).
        case itmError(ITMError)
        /// A point of the path is in no tile: the missing tiles' names.
        case outsideTerrain(missingTiles: [String])
    }

    /// One pair's result.
    public struct PairResult: Sendable, Hashable {
        /// d, the contract's clamped haversine distance, m.
        public var distanceM: Double
        /// Samples whose four posts were all void.
        public var voidSamples: Int
        /// The loss or why there is none.
        public var outcome: Outcome
    }

    /// The results of `pairs`, in their order.
    /// - Parameters:
    ///   - pairs: the links.
    ///   - profiler: the terrain and the profile step.
    ///   - parameters: ITM's settings.
    ///   - threads: worker tasks.
    ///   - progress: counts the pairs done, chunk by chunk, in its open stage (nil: none).
    /// - Returns: one result per pair.
    /// - Throws: ``TerrainError`` when a tile's file cannot be read.
    public static func compute(
        _ pairs: [PathLossPair], profiler: TerrainProfiler, parameters: ITMParameters, threads: Int,
        progress: ProgressReporter? = nil
    ) async throws(TerrainError) -> [PairResult] {
        do {
            // 32 chunks per thread: a pair costs a profile and an ITM run, so the chunks stay
            // cheap to hand out, and progress moves in steps of about 1/(32 × threads).
            return try await TaskPool.map(count: pairs.count, threads: threads, minimumChunk: 16, chunksPerThread: 32) { range in
                defer { progress?.advance(by: range.count) }
                var heights: [Double] = []
                var results: [PairResult] = []
                results.reserveCapacity(range.count)
                for index in range {
                    results.append(try compute(pairs[index], profiler: profiler, parameters: parameters, heights: &heights))
                }
                return results
            }
        } catch let error as TerrainError {
            throw error
        } catch {
            throw .unreadable(path: profiler.tiles.source.path, reason: "\(error)")
        }
    }

    /// One pair's result, sampling its profile into `heights`.
    /// - Parameters:
    ///   - pair: the link.
    ///   - profiler: the terrain and the profile step.
    ///   - parameters: ITM's settings.
    ///   - heights: the caller's profile buffer (reused).
    /// - Returns: the pair's result.
    /// - Throws: ``TerrainError`` when a tile's file cannot be read.
    public static func compute(
        _ pair: PathLossPair, profiler: TerrainProfiler, parameters: ITMParameters, heights: inout [Double]
    ) throws(TerrainError) -> PairResult {
        let distance = ProfileGeometry.distanceM(
            latitude1: pair.txLatitude, longitude1: pair.txLongitude, latitude2: pair.rxLatitude, longitude2: pair.rxLongitude
        )
        let profile: TerrainProfiler.Profile
        do {
            profile = try profiler.profile(
                txLatitude: pair.txLatitude, txLongitude: pair.txLongitude,
                rxLatitude: pair.rxLatitude, rxLongitude: pair.rxLongitude, into: &heights
            )
        } catch .outsideTerrain(let missing) {
            return PairResult(distanceM: distance, voidSamples: 0, outcome: .outsideTerrain(missingTiles: missing))
        }
        let link = ITMLink(txHeightM: pair.txHeightM, rxHeightM: pair.rxHeightM, frequencyMHz: pair.bandMHz)
        let outcome: Outcome
        do {
            outcome = .loss(try ITM.pointToPoint(heightsM: heights, spacingM: profile.spacingM, link: link, parameters: parameters))
        } catch {
            outcome = .itmError(error)
        }
        return PairResult(distanceM: profile.distanceM, voidSamples: profile.voidSamples, outcome: outcome)
    }
}
