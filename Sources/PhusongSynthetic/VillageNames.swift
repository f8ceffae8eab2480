import PhusongSupport

/// Plausible, invented Vietnamese village names (NFC, with diacritics), unique within a
/// commune. Town blocks are "Tổ dân phố N"; a rural commune uses one style: "Bản …" from
/// Thái/Tày/Hmông-style syllables (55 %), "Thôn N" (17 %), "Thôn …" from Sino-Vietnamese
/// words (13 %), or "Xóm …"/"Xóm N" (15 %).
enum VillageNames {
    private static let banFirst = [
        "Nà", "Huổi", "Pá", "Nậm", "Bó", "Co", "Phiêng", "Khau", "Pú", "Hua", "Tà", "Sín", "Lũng",
        "Mường", "Chiềng", "Púng", "Hát", "Noong", "Pác", "Na", "Kéo", "Khe", "Lả", "Hô", "Sam",
        "Xá", "Tủa", "Háng", "Pha", "Lao", "Ta", "Mé", "Thẳm", "Đán", "Tông", "Nong", "Phai", "Ít",
    ]
    private static let banSecond = [
        "Tẩu", "Lếch", "Khoang", "Mạ", "Pen", "Phìn", "Cang", "Lay", "Hin", "Sáng", "Nưa", "Pục",
        "Ón", "Cải", "Hon", "Chang", "Lìu", "Phăng", "Tòng", "Luông", "Mứn", "Bon", "Nọi", "Sản",
        "Vạc", "Hốc", "Lót", "Púa", "Pao", "Chà", "Ten", "Lọng", "Khá", "Nghiu", "Cưởm", "Mòn",
        "Chạy", "Lạn", "Sủ", "Phình", "Dề", "Mo", "Cuông", "Hài", "Ban",
    ]
    private static let thonFirst = [
        "Tân", "Đồng", "Hòa", "Phú", "An", "Bình", "Thống", "Quyết", "Thắng", "Trung", "Hợp",
        "Đoàn", "Minh", "Thanh", "Hưng", "Vĩnh", "Phúc", "Xuân", "Đông", "Tây", "Nam", "Bắc",
        "Kim", "Ngọc", "Hồng",
    ]
    private static let thonSecond = [
        "Lập", "Tiến", "Thành", "Bình", "Kết", "Nhất", "Lợi", "Tâm", "Phong", "Sơn", "Hà", "Yên",
        "Thịnh", "Long", "An", "Hưng", "Minh", "Lộc", "Quang", "Cường", "Vinh", "Trung",
    ]
    private static let xomWords = [
        "Mới", "Chợ", "Đồi", "Bãi", "Trại", "Giữa", "Đình", "Trên", "Dưới", "Cầu", "Núi", "Suối",
        "Rẫy", "Chùa", "Ngoài", "Trong", "Bến", "Mỏ", "Gò", "Đập",
    ]
    /// Added to a repeated name: upper, lower, new, old.
    private static let qualifiers = ["Trên", "Dưới", "Mới", "Cũ"]

    /// Names for the `count` villages of one commune, in the commune's village order.
    static func names(count: Int, isWard: Bool, generator: inout SeededGenerator) -> [String] {
        if isWard { return (0..<count).map { "Tổ dân phố \($0 + 1)" } }
        let style = generator.uniform()
        if style >= 0.55, style < 0.72 { return (0..<count).map { "Thôn \($0 + 1)" } }
        var used = Set<String>()
        var xomNumber = 0
        return (0..<count).map { _ in
            let name: String
            if style < 0.55 {
                name = unique("Bản", banFirst, banSecond, used: used, generator: &generator)
            } else if style < 0.85 {
                name = unique("Thôn", thonFirst, thonSecond, used: used, generator: &generator)
            } else {
                let word = "Xóm " + xomWords[generator.index(below: xomWords.count)]
                if generator.chance(0.4), !used.contains(word) {
                    name = word
                } else {
                    repeat { xomNumber += 1 } while used.contains("Xóm \(xomNumber)")
                    name = "Xóm \(xomNumber)"
                }
            }
            used.insert(name)
            return name
        }
    }

    /// "<kind> <first> <second>" not yet in `used`: a few random tries, then a qualifier or a
    /// number appended to the last try.
    private static func unique(
        _ kind: String, _ first: [String], _ second: [String], used: Set<String>, generator: inout SeededGenerator
    ) -> String {
        var candidate = ""
        for _ in 0..<12 {
            let a = first[generator.index(below: first.count)]
            let b = second[generator.index(below: second.count)]
            guard a != b else { continue }
            candidate = "\(kind) \(a) \(b)"
            if !used.contains(candidate) { return candidate }
        }
        if candidate.isEmpty { candidate = "\(kind) \(first[0]) \(second[0])" }
        for qualifier in qualifiers where !used.contains("\(candidate) \(qualifier)") {
            return "\(candidate) \(qualifier)"
        }
        var number = 2
        while used.contains("\(candidate) \(number)") { number += 1 }
        return "\(candidate) \(number)"
    }
}
