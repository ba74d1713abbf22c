import CZlib

/// Whether bytes start with the gzip magic number.
func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
}

/// Decompresses gzip data (one or several concatenated members) with zlib.
func gunzip(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 4)
    var stream = z_stream()
    guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw GzipError(message: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    var result: Int32 = Z_OK
    var failure: String?
    input.withUnsafeBufferPointer { inputPointer in
        guard let base = inputPointer.baseAddress else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(inputPointer.count)
        repeat {
            buffer.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(chunk)
                result = inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk - Int(stream.avail_out)
            output.append(contentsOf: buffer[0..<produced])
            if result == Z_STREAM_END, stream.avail_in > 0 {
                // Another gzip member follows.
                guard inflateReset(&stream) == Z_OK else { failure = "zlib could not reset"; return }
                result = Z_OK
            }
        } while result == Z_OK
        if result != Z_STREAM_END {
            failure =
                result == Z_BUF_ERROR
                ? "the file ends before the compressed data does (truncated?)"
                : "the compressed data is corrupt (zlib error \(result))"
        }
    }
    if let failure { throw GzipError(message: failure) }
    return output
}

/// A gzip file that could not be read.
struct GzipError: Error {
    let message: String
}
