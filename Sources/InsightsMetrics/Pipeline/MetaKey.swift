/// Every key of the settings and notes stored beside the data (the SQLite `meta` table): the
/// one list, so that the import that writes a key and the report that reads it agree.
public enum MetaKey: String, CaseIterable, Sendable {
    /// The helpline's name shown in the header when no title is given.
    case serviceName = "service_name"
    /// When data was last imported, as shown in report headers ("data as of").
    case lastImport = "last_import_at"
    /// What the last Turn import said about conversations without close events (shown on
    /// the page and printed by `report`).
    case closesNote = "conversation_closes_note"
    /// A counter of imports that changed stored data.
    case dataVersion = "data_version"
    /// A random token made anew by every import that changed stored data, so that two
    /// states of the data never share it (a restored copy with other data imported has the
    /// same `dataVersion` but not the same token).
    case dataToken = "data_token"
    /// A random id of this database, made on first use.
    case databaseID = "database_id"
}
