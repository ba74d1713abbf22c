/// The exit statuses of `insights`, from BSD's `sysexits.h` where one fits.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case ok = 0
    /// Anything else that failed (an empty period, an unwritable folder, SQLite).
    case failure = 1
    /// The command line was wrong (ArgumentParser's validation errors).
    case usage = 64
    /// An input file held invalid data; nothing of it was imported.
    case data = 65
    /// An input file could not be opened.
    case noInput = 66
    /// A warehouse (PostgreSQL, BigQuery) could not be reached, or is over its quota.
    case unavailable = 69
    /// No credentials for the warehouse, or it refused them.
    case noPermission = 77
}
