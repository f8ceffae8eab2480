import Testing
@testable import PhusongReports

/// Issue 13, class 6: `--province`/`--commune` values that name no area of the data are
/// refused with the closest names (the CLI's exit 64 is tested in PhusongCLITests).
@Suite("Class 6: no silent wrong answers (area names)")
struct Class6AreaNameTests {
    static let provinces = [
        UnknownArea.Choice(code: "11", name: "Điện Biên"), UnknownArea.Choice(code: "12", name: "Lai Châu"),
        UnknownArea.Choice(code: "14", name: "Sơn La"), UnknownArea.Choice(code: "15", name: "Lào Cai"),
        UnknownArea.Choice(code: "19", name: "Thái Nguyên"), UnknownArea.Choice(code: "20", name: "Lạng Sơn"),
    ]

    @Test("a code, or a name without case and diacritics, names a province: no error")
    func matches() {
        for wanted in ["11", "Điện Biên", "dien bien", "DIEN BIEN", "Dien Bien"] {
            #expect(UnknownArea.check(wanted, level: "province", choices: Self.provinces) == nil, "\(wanted)")
        }
    }

    @Test("anything else: at most 5 closest by edit distance to the name or code (no case, no diacritics), ties by code")
    func closest() throws {
        let unknown = try #require(UnknownArea.check("Lao Kai", level: "province", choices: Self.provinces))
        // Distances: Lào Cai 1, Lai Châu 4, Sơn La 5, Lạng Sơn 5, Điện Biên 7, Thái Nguyên 7.
        #expect(unknown.closest.map(\.code) == ["15", "12", "14", "20", "11"])
        #expect(unknown.description == #"--province "Lao Kai": no province of the villages has this code or name; the closest provinces of the villages: Lào Cai (15), Lai Châu (12), Sơn La (14), Lạng Sơn (20), Điện Biên (11)"#)
    }

    @Test("Levenshtein distance")
    func editDistance() {
        #expect(UnknownArea.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(UnknownArea.editDistance(Array(""), Array("abc")) == 3)
        #expect(UnknownArea.editDistance(Array("dien bien"), Array("dien bien")) == 0)
    }
}
