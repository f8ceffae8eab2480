/// The terrain path loss a coverage run uses when it is given a terrain source
/// (docs/specs/terrain-model.md, "Path loss used for coverage"): the tiles and the profile step,
/// ITM's parameters and the `[terrain]` settings (combination, clutter table, outside-terrain
/// policy). Read-only once built, so one value serves every thread: the tiles are shared, each
/// thread samples into its own profile buffer.
public struct TerrainModel: Sendable {
    /// The tiles and the profile step.
    public let profiler: TerrainProfiler
    /// The `[terrain]` settings of the run.
    public let settings: TerrainSettings
    /// ITM's parameters, from `settings`.
    public let itm: ITMParameters

    /// The model over `source` with `settings`.
    /// - Parameters:
    ///   - source: the elevation tiles.
    ///   - settings: the `[terrain]` section (already range-checked by the configuration).
    ///   - tileCapacity: the most tiles kept in memory at once.
    /// - Throws: ``ITMError`` for a climate or mdvar code ITM does not have.
    public init(source: TerrainSource, settings: TerrainSettings, tileCapacity: Int = 64) throws(ITMError) {
        profiler = TerrainProfiler(tiles: ElevationTiles(source: source, capacity: tileCapacity), stepM: settings.profileStepM)
        self.settings = settings
        itm = try settings.itmParameters()
    }

    /// Whether the search may prune with the empirical model's bounds. True for
    /// `combine = "max"`: PL_terrain = max(PL_empirical, L_ITM) ≥ PL_empirical and the clutter
    /// losses are at least 0 dB (``SettingRanges``), so a pair's terrain RSRP is never above its
    /// empirical RSRP, and every upper bound of the empirical RSRP (node, cell, threshold, best
    /// so far) bounds the terrain RSRP too. False for `combine = "itm"`: L_ITM can lie below the
    /// empirical loss (and below free space), so no empirical bound holds and every cell within
    /// `max_range_m` is evaluated (docs/terrain.md, "Speed").
    public var empiricalBoundsHold: Bool { settings.combine == .max }
}

extension TerrainModel {
    /// What ITM gives for one pair of a coverage run.
    enum PairLoss {
        /// L_ITM, dB.
        case itm(Double)
        /// ITM refused the pair: the empirical loss is used (both combinations).
        case itmError
        /// A point of the path lies in no tile, or a tile could not be read.
        case outsideTerrain
    }

    /// L_ITM from a cell at `tx` (antenna `txHeightM` above ground) to a village at `rx`
    /// (`rxHeightM`, the radio model's hUT) on `frequencyMHz`, over the profile sampled into
    /// the caller's `heights` (no allocation once it has grown to the longest profile);
    /// counts the profile, its all-void samples, ITM's warnings, errors and the missing tiles
    /// into `statistics`.
    func itmLoss(
        tx: PreparedLocation, rx: PreparedLocation, txHeightM: Double, rxHeightM: Double, frequencyMHz: Double,
        heights: inout [Double], statistics: inout TerrainStatistics
    ) -> PairLoss {
        let profile: TerrainProfiler.Profile
        do {
            profile = try profiler.profile(
                txLatitude: tx.latDeg, txLongitude: tx.lonDeg, rxLatitude: rx.latDeg, rxLongitude: rx.lonDeg, into: &heights)
        } catch .outsideTerrain(let missing) {
            statistics.outsideTerrainPairs += 1
            statistics.missingTiles.formUnion(missing)
            return .outsideTerrain
        } catch {
            if statistics.readError == nil { statistics.readError = error }
            return .outsideTerrain
        }
        statistics.profiles += 1
        statistics.voidSamples += profile.voidSamples
        let link = ITMLink(txHeightM: txHeightM, rxHeightM: rxHeightM, frequencyMHz: frequencyMHz)
        do {
            let result = try ITM.pointToPoint(heightsM: heights, spacingM: profile.spacingM, link: link, parameters: itm)
            statistics.count(result.warnings)
            return .itm(result.lossDB)
        } catch {
            statistics.itmErrors += 1
            return .itmError
        }
    }
}

extension TerrainModel {
    /// RSRP = rs_eirp_dbm + A_H − PL_terrain − extra_loss_db − clutter_loss_db[area type], dBm,
    /// from ITM's outcome for the pair (docs/specs/terrain-model.md, "Path loss used for
    /// coverage"): PL_terrain = max(PL_empirical, L_ITM) or L_ITM; an ITM error uses
    /// PL_empirical; a pair outside the terrain gets the empirical RSRP whole (coverage-model.md,
    /// no clutter term).
    func rsrpDBm(
        _ loss: PairLoss, rsEIRPdBm: Double, antennaGainDB: Double, empiricalLossDB: Double, extraLossDB: Double,
        areaType: AreaType
    ) -> Double {
        let pathLossDB: Double
        switch loss {
        case .itm(let itmDB): pathLossDB = settings.combine == .max ? max(empiricalLossDB, itmDB) : itmDB
        case .itmError: pathLossDB = empiricalLossDB
        case .outsideTerrain: return rsEIRPdBm + antennaGainDB - empiricalLossDB - extraLossDB
        }
        return rsEIRPdBm + antennaGainDB - pathLossDB - extraLossDB - settings.clutterLossDB[areaType]
    }

    /// The terrain RSRP of a prepared cell at `receiver`, dBm, at ground distance `distance2DM`
    /// (unclamped, m), sampling into `heights` and counting into `statistics`.
    func rsrpDBm(
        _ cell: PreparedCell, at receiver: ReceiverPoint, distance2DM: Double, userHeightM: Double,
        heights: inout [Double], statistics: inout TerrainStatistics
    ) -> Double {
        let radio = cell.radio
        let antennaGainDB = cell.antenna.azimuthDeg == nil
            ? 0 : cell.antenna.gainDB(towardBearingDeg: cell.location.bearingDeg(to: receiver.location))
        let loss = itmLoss(
            tx: cell.location, rx: receiver.location, txHeightM: radio.antennaHeightM, rxHeightM: userHeightM,
            frequencyMHz: radio.frequencyMHz, heights: &heights, statistics: &statistics)
        return rsrpDBm(
            loss, rsEIRPdBm: cell.rsEIRPdBm, antennaGainDB: antennaGainDB,
            empiricalLossDB: radio.pathLoss(distance2DM: distance2DM, areaType: receiver.areaType).pathLossDB,
            extraLossDB: radio.extraLossDB, areaType: receiver.areaType)
    }

    /// Stops a run whose terrain could not be read, or whose pairs left the terrain under the
    /// `stop` policy.
    /// - Parameter statistics: what the run's terrain evaluations counted.
    /// - Throws: the first tile read error, or ``TerrainError/outsideTerrain(missingTiles:)``.
    public func check(_ statistics: TerrainStatistics) throws(TerrainError) {
        if let error = statistics.readError { throw error }
        if !statistics.missingTiles.isEmpty && settings.outsideTerrain == .stop {
            throw .outsideTerrain(missingTiles: statistics.missingTiles.sorted())
        }
    }
}
