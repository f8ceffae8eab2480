import Foundation
import PhusongSupport

/// An administrative code in a boundary feature's properties (`code`, `province_code`).
/// Codes are text with their leading zeros (docs/specs/data-formats.md §3: "01", "00004"): a JSON number
/// has lost them (1 is not "01"), and a number `province_code` used to make a commune look
/// like a province, so anything but a string is refused with what to write instead.
enum AdminCodeProperty {
    enum Value {
        case text(String)
        /// Not in the properties, or JSON null.
        case absent
        case invalid(Invalid)
    }

    /// A code property that is not a string.
    struct Invalid {
        var property: String
        var value: String
        var fault: Problem.BoundaryFault

        /// The problem at feature `feature` of `file`.
        func located(file: String, feature: Int) -> Problem {
            Problem(file: file, column: "features[\(feature)].properties.\(property)", value: value, reason: .boundary(fault))
        }
    }

    /// The property `key`; `digits` is the official length of such a code (2 for a province,
    /// 5 for a commune), used to show the corrected value.
    static func read(_ properties: [String: Any], _ key: String, digits: Int) -> Value {
        guard let value = properties[key], !(value is NSNull) else { return .absent }
        if let text = value as? String { return .text(text) }
        let shown = "\(value)"
        guard let number = value as? NSNumber, shown != "true", shown != "false" else {
            return .invalid(Invalid(property: key, value: shown, fault: .codeNotText(property: key, digits: digits)))
        }
        var padded: String?
        if let whole = Int(exactly: number.doubleValue), whole >= 0, String(whole).count <= digits {
            padded = NumberText.zeroPadded(whole, width: digits)
        }
        return .invalid(Invalid(property: key, value: shown, fault: .codeIsNumber(property: key, padded: padded)))
    }
}
