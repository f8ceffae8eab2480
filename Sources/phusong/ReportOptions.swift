import ArgumentParser
import Foundation
import PhusongReports

extension ReportLanguage: ExpressibleByArgument {}

extension ReportMonth: ExpressibleByArgument {
    /// Reads `--month YYYY-MM`; anything else is a usage error (exit 64) naming the format.
    public init?(argument: String) {
        self.init(argument)
    }

    /// The month of the run, in the machine's time zone.
    static func current() throws -> ReportMonth {
        let parts = Calendar.current.dateComponents([.year, .month], from: Date())
        guard let year = parts.year, let month = parts.month, let current = ReportMonth(year: year, month: month) else {
            throw ValidationError("the system clock's date is outside \(ReportMonth.years); give --month YYYY-MM")
        }
        return current
    }
}
