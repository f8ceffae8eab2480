import Testing
@testable import PhusongCoverage

@Suite("Radio: 38.901 sector antenna, horizontal cut")
struct RadioAntennaTests {
    let sector = SectorAntenna(azimuthDeg: 0, beamwidthDeg: 65)

    @Test("-3 dB at half the beamwidth, exactly, on both sides")
    func halfBeamwidth() {
        #expect(sector.gainDB(towardBearingDeg: 32.5) == -3.0)
        #expect(sector.gainDB(towardBearingDeg: 327.5) == -3.0)
        #expect(SectorAntenna(azimuthDeg: 100, beamwidthDeg: 90).gainDB(towardBearingDeg: 145) == -3.0)
        #expect(sector.gainDB(towardBearingDeg: 0) == 0)
    }

    @Test("12 (phi / beamwidth)^2 below the floor, -30 dB beyond it")
    func floor() {
        #expect(sector.gainDB(towardBearingDeg: 65) == -12.0)
        // 12 (phi/65)^2 = 30 at phi = 65 sqrt(2.5) = 102.77°.
        #expect(RadioSpec.isClose(sector.gainDB(towardBearingDeg: 100), -12 * (100.0 / 65 * (100.0 / 65)), within: 1e-12))
        #expect(sector.gainDB(towardBearingDeg: 103) == -30)
        #expect(sector.gainDB(towardBearingDeg: 180) == -30)
        #expect(sector.gainDB(towardBearingDeg: 250) == -30)
    }

    @Test("phi wraps at 0/360: azimuth 350, bearing 10 is phi = 20")
    func wrapAroundNorth() {
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 10, azimuthDeg: 350) == 20)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 350, azimuthDeg: 10) == -20)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 0, azimuthDeg: 360) == 0)
        let antenna = SectorAntenna(azimuthDeg: 350, beamwidthDeg: 65)
        #expect(antenna.gainDB(towardBearingDeg: 10) == -(12 * ((20.0 / 65) * (20.0 / 65))))
        #expect(antenna.gainDB(towardBearingDeg: 10) == sector.gainDB(towardBearingDeg: 20))
    }

    @Test("phi = 180 is in (-180, 180], -180 is not")
    func halfTurnBoundary() {
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 180, azimuthDeg: 0) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 0, azimuthDeg: 180) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 90, azimuthDeg: 270) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 270, azimuthDeg: 90) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 180, azimuthDeg: 360) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 0.5, azimuthDeg: 180) == -179.5)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 359.5, azimuthDeg: 179.5) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 359.5, azimuthDeg: 179) == -179.5)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 540, azimuthDeg: 0) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: -540, azimuthDeg: 0) == 180)
        #expect(SectorAntenna.offAxisAngleDeg(bearingDeg: 200, azimuthDeg: 0) == -160)
    }

    @Test("an omnidirectional antenna has 0 dB everywhere")
    func omnidirectional() {
        let omni = SectorAntenna(azimuthDeg: nil, beamwidthDeg: 65)
        for bearing in stride(from: 0.0, to: 360, by: 15) {
            #expect(omni.gainDB(towardBearingDeg: bearing) == 0)
        }
    }
}
