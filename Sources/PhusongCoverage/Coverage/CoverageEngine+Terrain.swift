/// The terrain RSRP of a village–cell pair (docs/specs/terrain-model.md, "Path loss used for
/// coverage"):
///
///     RSRP = rs_eirp_dbm + A_H − PL_terrain − extra_loss_db − clutter_loss_db[area type]
///
/// with PL_terrain = max(PL_empirical, L_ITM) (`combine = "max"`) or L_ITM (`"itm"`);
/// PL_empirical is the full empirical loss of the pair (clamp and free-space floor included),
/// also used when ITM returns an error. A pair outside the terrain uses the empirical model
/// whole (RSRP of coverage-model.md, no clutter term), and is counted; whether the run may go
/// on is decided after the search (`CoverageRun`).
extension CoverageEngine {
    /// The engine with the terrain model `model` (nil: the empirical model alone).
    /// - Parameter model: the terrain model of the run.
    /// - Returns: the same cells and bounds, evaluating pairs over the terrain.
    public func withTerrain(_ model: TerrainModel?) -> CoverageEngine {
        var engine = self
        engine.terrain = model
        return engine
    }

    /// The ITM losses already computed for one village: the sectors of a site share the
    /// profile and, when they share band and antenna height, ITM's loss (ITM does not depend on
    /// the azimuth); the operators' searches meet the cells the best-server search evaluated.
    /// So a pair (position, radio) is profiled once per village. A short list searched linearly
    /// (a few dozen entries at most), kept per village of a chunk.
    struct TerrainPairCache {
        struct Entry {
            let txLatitude: Double
            let txLongitude: Double
            let radio: Int32
            let loss: TerrainModel.PairLoss
        }

        var entries: [Entry] = []

        func loss(latitude: Double, longitude: Double, radio: Int32) -> TerrainModel.PairLoss? {
            for entry in entries where entry.radio == radio && entry.txLatitude == latitude && entry.txLongitude == longitude {
                return entry.loss
            }
            return nil
        }
    }

    /// The terrain RSRP of cell `index` at `receiver`, dBm, at the ground distance already
    /// measured (unclamped d2D, m, for the empirical loss; the profile uses the contract's own
    /// haversine). `cache` holds the village's ITM losses computed so far.
    func terrainRSRPdBm(
        _ index: Int, at receiver: ReceiverPoint, distance2DM: Double, model: TerrainModel,
        heights: inout [Double], cache: inout TerrainPairCache, statistics: inout TerrainStatistics
    ) -> Double {
        let entry = cells.entries[index]
        let radio = cells.radios[Int(entry.radio)]
        let antennaGainDB = entry.antenna.azimuthDeg == nil
            ? 0 : entry.antenna.gainDB(towardBearingDeg: entry.location.bearingDeg(to: receiver.location))
        let empiricalDB = radio.pathLoss(distance2DM: distance2DM, areaType: receiver.areaType).pathLossDB
        let loss: TerrainModel.PairLoss
        if let known = cache.loss(latitude: entry.location.latDeg, longitude: entry.location.lonDeg, radio: entry.radio) {
            loss = known
        } else {
            loss = model.itmLoss(
                tx: entry.location, rx: receiver.location, txHeightM: radio.antennaHeightM, rxHeightM: parameters.userHeightM,
                frequencyMHz: radio.frequencyMHz, heights: &heights, statistics: &statistics)
            cache.entries.append(.init(txLatitude: entry.location.latDeg, txLongitude: entry.location.lonDeg, radio: entry.radio, loss: loss))
        }
        return model.rsrpDBm(
            loss, rsEIRPdBm: entry.rsEIRPdBm, antennaGainDB: antennaGainDB, empiricalLossDB: empiricalDB,
            extraLossDB: radio.extraLossDB, areaType: receiver.areaType)
    }
}
