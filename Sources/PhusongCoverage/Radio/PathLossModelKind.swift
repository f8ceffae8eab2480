/// The path-loss models a ``PropagationPolicy`` can choose for a band range and area type.
/// The raw values are the names a configuration file uses.
public enum PathLossModelKind: String, Sendable, Hashable, Codable {
    /// ``OkumuraHata`` (urban, suburban or open-rural form by area type).
    case okumuraHata = "okumura_hata"
    /// ``Cost231Hata`` (urban, suburban or open-rural form by area type).
    case cost231Hata = "cost231_hata"
    /// ``TR38901Urban`` with the UMa coefficients, NLOS.
    case tr38901UMa = "tr38901_uma"
    /// ``TR38901RMa``, NLOS.
    case tr38901RMa = "tr38901_rma"
    /// ``TR38901Urban`` with the UMi-Street Canyon coefficients, NLOS.
    case tr38901UMiStreetCanyon = "tr38901_umi_street_canyon"
    /// ``FreeSpacePathLoss`` alone.
    case freeSpace = "free_space"
}
