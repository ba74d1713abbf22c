/// One record kind read through a view: the `SELECT` over the engine's own tables that gives
/// the kind's columns, and those columns with their types as `WarehouseTables` checks them
/// (`WarehouseSchema`'s names: `timestamp`, `text`, `integer`, `json` as the engine reports them).
public struct WarehouseView: Equatable, Sendable {
    /// The `SELECT` giving the kind's rows (it may name `@parameters` of the connection's).
    public var sql: String
    /// The columns it gives, lower-cased name → the engine's type name lower-cased.
    public var columns: [String: String]

    /// Creates a view.
    public init(sql: String, columns: [String: String]) {
        self.sql = sql
        self.columns = columns
    }
}

/// A connection whose record kinds are views over another connection's tables: how a
/// platform's dataset (Turn's, Glific's) is read as it is, with no copy. The report's queries
/// do not change: `dialect.table(kind)` gives the view as a subquery, `columns(of: kind)` the
/// view's columns (nil for a kind the platform has no data of), and every query is sent the
/// parameters its views name (maps compiled into the SQL as array parameters, a zone).
public struct ViewConnection<Base: WarehouseConnection>: WarehouseConnection {
    /// The connection the views read from.
    public let base: Base
    /// Per record kind present: its view.
    public let views: [String: WarehouseView]
    /// The parameters the views' SQL names.
    public let parameters: [String: WarehouseParameter]
    /// The base's dialect with the views in place of tables.
    public let dialect: SQLDialect

    /// Creates a connection reading `views` over `base`.
    public init(base: Base, views: [String: WarehouseView], parameters: [String: WarehouseParameter] = [:]) {
        self.base = base
        self.views = views
        self.parameters = parameters
        var dialect = base.dialect
        dialect.views = views.mapValues(\.sql)
        self.dialect = dialect
    }

    /// Runs a query over the views, with the views' parameters it names added.
    public func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        try base.rows(sql, parameters: self.parameters(for: sql, adding: parameters))
    }

    /// `parameters` with the views' parameters `sql` names added (what `rows` sends; a dry
    /// run sends the same).
    public func parameters(for sql: String, adding parameters: [String: WarehouseParameter]) -> [String: WarehouseParameter] {
        Self.parameters(for: sql, adding: self.parameters, to: parameters)
    }

    /// `parameters` with each of `extra` that `sql` names and `parameters` lacks: a query is
    /// sent only the parameters it uses (the views', a segment's).
    public static func parameters(
        for sql: String, adding extra: [String: WarehouseParameter], to parameters: [String: WarehouseParameter]
    ) -> [String: WarehouseParameter] {
        var values = parameters
        for (name, value) in extra where values[name] == nil && names(sql, name) {
            values[name] = value
        }
        return values
    }

    /// A record kind's columns: its view's, nil when the platform has no view for it.
    public func columns(of table: String) throws(WarehouseError) -> [String: String]? {
        views[table]?.columns
    }

    /// Whether `sql` names the parameter `@name` (and not only a longer name it begins).
    public static func names(_ sql: String, _ name: String) -> Bool {
        var rest = Substring(sql)
        while let found = rest.range(of: "@" + name) {
            let next = rest[found.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }
}
