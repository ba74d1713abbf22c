extension ImportFile {
    /// Every byte of a file, gunzipped when it starts with the gzip magic number, checked to be
    /// no UTF-16 text: how a platform's export that is not a table (a RapidPro API page, one
    /// JSON document over many lines) is read through the importer's one loader.
    ///
    /// - Throws: `ImportError` (not found, a folder, unreadable, a bad gzip, UTF-16).
    public static func contents(of path: String) throws(ImportError) -> [UInt8] {
        try load(path).bytes
    }
}
