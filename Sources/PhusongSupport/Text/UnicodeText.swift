import Foundation

/// Unicode helpers for Vietnamese text.
package enum UnicodeText {
    /// `text` in Normalization Form C. Vietnamese written in NFD (base letter + combining
    /// marks, as some macOS and legacy tools export it) compares equal in Swift but not in
    /// other software, so names are stored composed. Text without a combining mark is already
    /// NFC and returned unchanged without the cost of normalising.
    package static func nfc(_ text: String) -> String {
        let needsComposition = text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value)
                || (0x1DC0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value)
                || (0xFE20...0xFE2F).contains(value) || (0x1100...0x11FF).contains(value)
        }
        return needsComposition ? text.precomposedStringWithCanonicalMapping : text
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil.
    package static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return index - bytes.startIndex
            }
            guard index + length <= bytes.endIndex else { return index - bytes.startIndex }
            for offset in 1..<max(length, 1) {
                let byte = bytes[index + offset]
                let low: UInt8 = offset == 1 ? lowerBound : 0x80
                let high: UInt8 = offset == 1 ? upperBound : 0xBF
                if byte < low || byte > high { return index - bytes.startIndex }
            }
            index += length
        }
        return nil
    }

    /// `text` folded for search: lower case, diacritics removed, đ → d
    /// ("Điện Biên" → "dien bien").
    package static func searchKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "d")
    }
}
