import PhusongCoverage
import PhusongSupport

/// `losses.csv` of `phusong pathloss` (docs/specs/terrain-model.md, "Point-to-point command"):
/// `id, distance_m, loss_db, mode` in input order. The distance (the contract's clamped
/// haversine) with 3 decimals, the loss with 6 (the contract asks for at least 3), the mode
/// `line_of_sight`, `diffraction` or `troposcatter`; a pair ITM refused has an empty loss and
/// the mode `error`; with `outside_terrain = "default-model"` a pair outside the terrain has an
/// empty loss and the mode `outside_terrain` (there is no empirical model for a bare pair).
public enum PathLossFile {
    /// The columns, in order.
    public static let header = ["id", "distance_m", "loss_db", "mode"]

    /// The file's bytes.
    /// - Parameters:
    ///   - pairs: the input pairs.
    ///   - results: their results, in the same order.
    /// - Returns: the CSV bytes.
    public static func bytes(pairs: [PathLossPair], results: [PointToPointLosses.PairResult]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeHeader(header)
        for (pair, result) in zip(pairs, results) {
            writer.text(pair.id)
            writer.fixed(result.distanceM, decimals: 3)
            switch result.outcome {
            case .loss(let itm):
                writer.fixed(itm.lossDB, decimals: 6)
                writer.text(itm.mode.name)
            case .itmError:
                writer.real(nil)
                writer.text("error")
            case .outsideTerrain:
                writer.real(nil)
                writer.text("outside_terrain")
            }
            writer.endRow()
        }
        return writer.takeBytes()
    }
}
