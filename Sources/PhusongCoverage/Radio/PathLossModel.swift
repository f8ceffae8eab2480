/// One path-loss model prepared for a cell (frequency, base-station height) and a receiver
/// height and area type: the ``PathLossModelKind`` with its per-cell constants computed once.
///
/// ``pathLossDB(distance2DM:distance3DM:)`` is the model alone; the floor at free-space loss is
/// applied by ``PreparedCell``.
public enum PathLossModel: Sendable, Hashable {
    case okumuraHata(OkumuraHata)
    case cost231Hata(Cost231Hata)
    case tr38901UMa(TR38901Urban)
    case tr38901RMa(TR38901RMa)
    case tr38901UMiStreetCanyon(TR38901Urban)
    /// Free-space loss at the given frequency, MHz.
    case freeSpace(frequencyMHz: Double)

    /// `kind` for a cell on `frequencyMHz` (MHz) with its antenna `baseStationHeightM` above
    /// ground, a receiver `userHeightM` above ground (metres) in an area of `areaType`, with the
    /// 38.901 scenario constants of `policy`.
    public init(
        kind: PathLossModelKind, frequencyMHz: Double, baseStationHeightM: Double, userHeightM: Double,
        areaType: AreaType, policy: PropagationPolicy
    ) {
        switch kind {
        case .okumuraHata:
            self = .okumuraHata(OkumuraHata(
                frequencyMHz: frequencyMHz, baseStationHeightM: baseStationHeightM, mobileHeightM: userHeightM,
                environment: HataEnvironment(areaType)
            ))
        case .cost231Hata:
            self = .cost231Hata(Cost231Hata(
                frequencyMHz: frequencyMHz, baseStationHeightM: baseStationHeightM, mobileHeightM: userHeightM,
                environment: HataEnvironment(areaType)
            ))
        case .tr38901UMa:
            self = .tr38901UMa(TR38901Urban(
                .macro, frequencyMHz: frequencyMHz, baseStationHeightM: baseStationHeightM, userHeightM: userHeightM,
                environmentHeightM: policy.environmentHeightM
            ))
        case .tr38901RMa:
            self = .tr38901RMa(TR38901RMa(
                frequencyMHz: frequencyMHz, baseStationHeightM: baseStationHeightM, userHeightM: userHeightM,
                buildingHeightM: policy.ruralBuildingHeightM, streetWidthM: policy.ruralStreetWidthM
            ))
        case .tr38901UMiStreetCanyon:
            self = .tr38901UMiStreetCanyon(TR38901Urban(
                .microStreetCanyon, frequencyMHz: frequencyMHz, baseStationHeightM: baseStationHeightM, userHeightM: userHeightM,
                environmentHeightM: policy.environmentHeightM
            ))
        case .freeSpace:
            self = .freeSpace(frequencyMHz: frequencyMHz)
        }
    }

    public var kind: PathLossModelKind {
        switch self {
        case .okumuraHata: .okumuraHata
        case .cost231Hata: .cost231Hata
        case .tr38901UMa: .tr38901UMa
        case .tr38901RMa: .tr38901RMa
        case .tr38901UMiStreetCanyon: .tr38901UMiStreetCanyon
        case .freeSpace: .freeSpace
        }
    }

    /// The model's loss, dB, at the (clamped) ground distance `distance2DM` and the 3-D
    /// distance `distance3DM`, metres. The Hata models use d2D, the 38.901 models both, free
    /// space d3D.
    @inlinable
    public func pathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        switch self {
        case .okumuraHata(let model): model.pathLossDB(distance2DM: distance2DM)
        case .cost231Hata(let model): model.pathLossDB(distance2DM: distance2DM)
        case .tr38901UMa(let model): model.pathLossDB(distance2DM: distance2DM, distance3DM: distance3DM)
        case .tr38901RMa(let model): model.pathLossDB(distance2DM: distance2DM, distance3DM: distance3DM)
        case .tr38901UMiStreetCanyon(let model): model.pathLossDB(distance2DM: distance2DM, distance3DM: distance3DM)
        case .freeSpace(let frequencyMHz):
            FreeSpacePathLoss.pathLossDB(distance3DM: distance3DM, frequencyMHz: frequencyMHz)
        }
    }
}
