import Testing
@testable import PhusongSupport

@Suite("One number formatter: NumberText")
struct NumberTextTests {
    @Test("shortest: whole numbers without a point, others round-trip")
    func shortest() {
        #expect(NumberText.shortest(3) == "3")
        #expect(NumberText.shortest(-0.0) == "0")
        #expect(NumberText.shortest(0.1) == "0.1")
        #expect(NumberText.shortest(-2.5) == "-2.5")
        #expect(NumberText.shortest(1e15) == "1000000000000000.0")
        #expect(NumberText.shortest(1e20) == "1e+20")
        #expect(NumberText.shortest(999_999_999_999_999) == "999999999999999")
        #expect(NumberText.shortest(.nan) == "nan")
    }

    @Test("real: always reads as a real number")
    func real() {
        #expect(NumberText.real(3) == "3.0")
        #expect(NumberText.real(0.981234) == "0.981234")
        #expect(NumberText.real(1e-7) == "1e-07")
        #expect(NumberText.real(.infinity) == "inf")
    }

    @Test("fixed: printf's rounding, no negative zero, non-finite values as printf writes them")
    func fixed() {
        #expect(NumberText.fixed(105.1234565, decimals: 6) == "105.123457")
        #expect(NumberText.fixed(2.5, decimals: 0) == "2")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.12")
        #expect(NumberText.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-0.0, decimals: 1) == "0.0")
        #expect(NumberText.fixed(-118.44, decimals: 1) == "-118.4")
        #expect(NumberText.fixed(1e20, decimals: 2) == "100000000000000000000.00")
        #expect(NumberText.fixed(.nan, decimals: 2) == "nan")
        #expect(NumberText.fixed(-.infinity, decimals: 2) == "-inf")
    }

    @Test("percent: of a share (page and terminal styles) and of a count")
    func percent() {
        #expect(NumberText.percent(0.981234) == "98.12%")
        #expect(NumberText.percent(0.8, decimals: 0) == "80%")
        #expect(NumberText.percent(0.993, spaced: true) == "99.30 %")
        #expect(NumberText.percent(-0.000001) == "0.00%")
        #expect(NumberText.percent(993, of: 1000) == "99.30 %")
        #expect(NumberText.percent(1, of: 3) == "33.33 %")
        #expect(NumberText.percent(5, of: 0) == "n/a")
    }

    @Test("grouped, zero-padded and hexadecimal")
    func integers() {
        #expect(NumberText.grouped(106_445) == "106,445")
        #expect(NumberText.grouped(-1_234) == "-1,234")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(NumberText.zeroPadded(7, width: 3) == "007")
        #expect(NumberText.zeroPadded(1234, width: 3) == "1234")
        #expect(NumberText.hexadecimal([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(NumberText.hexadecimal([]) == "")
    }
}
