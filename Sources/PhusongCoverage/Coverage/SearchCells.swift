/// The coverage engine's compact copy of the cells: for each cell what differs between cells of
/// one radio (location, antenna, EIRP) and the index of its ``PreparedRadio`` in a table that
/// cells of the same band and antenna height share. About 80 bytes a cell instead of a
/// ``PreparedCell``'s 456 (four prepared path-loss models each): the national scenario's
/// 341,154 cells take 27 MB instead of 155 MB, which the searches walk with fewer cache and TLB
/// misses, and the models are prepared 856 times instead of 341,154.
///
/// RSRP is computed by the same ``PreparedRadio`` code as ``PreparedCell``'s, so it is
/// bit-identical.
struct SearchCells: Sendable {
    struct Entry: Sendable {
        let location: PreparedLocation
        let antenna: SectorAntenna
        /// Reference-signal EIRP, dBm.
        let rsEIRPdBm: Double
        /// Index into `radios`.
        let radio: Int32
    }

    let entries: [Entry]
    /// The distinct radios, in order of first cell.
    let radios: [PreparedRadio]

    init(cells: [Cell], parameters: RadioModelParameters) {
        var radioIndex: [RadioKey: Int32] = [:]
        var radios: [PreparedRadio] = []
        // Cells of one site usually share band and height: a key equal to the one before
        // needs no hashing.
        var last: (key: RadioKey, index: Int32)?
        entries = cells.map { cell in
            let key = RadioKey(bandMHz: cell.bandMHz, heightM: cell.heightM)
            let index: Int32
            if let last, last.key == key {
                index = last.index
            } else if let known = radioIndex[key] {
                index = known
            } else {
                index = Int32(radios.count)
                radios.append(PreparedRadio(bandMHz: cell.bandMHz, heightM: cell.heightM, parameters: parameters))
                radioIndex[key] = index
            }
            last = (key, index)
            return Entry(
                location: PreparedLocation(lon: cell.lon, lat: cell.lat),
                antenna: SectorAntenna(azimuthDeg: cell.azimuthDeg, beamwidthDeg: cell.beamwidthDeg),
                rsEIRPdBm: cell.rsEIRPdBm, radio: index)
        }
        self.radios = radios
    }

    /// Haversine ground distance from cell `index` to `receiver`, metres.
    @inline(__always)
    func distanceM(_ index: Int, to receiver: ReceiverPoint) -> Double {
        entries[index].location.distanceM(to: receiver.location)
    }

    /// RSRP of cell `index` at `receiver` at a ground distance already measured, dBm (no range
    /// check): ``PreparedCell/rsrpDBm(at:distance2DM:)`` for this cell.
    @inline(__always)
    func rsrpDBm(_ index: Int, at receiver: ReceiverPoint, distance2DM: Double) -> Double {
        let entry = entries[index]
        return radios[Int(entry.radio)].rsrpDBm(
            rsEIRPdBm: entry.rsEIRPdBm, antenna: entry.antenna, location: entry.location, receiver: receiver,
            distance2DM: distance2DM)
    }

    private struct RadioKey: Hashable {
        var bandMHz: Double
        var heightM: Double
    }
}
