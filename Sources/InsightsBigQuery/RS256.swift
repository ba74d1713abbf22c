import CCrypto
import Foundation

/// RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256) with the system's OpenSSL libcrypto,
/// which libcurl already loads: a few lines of C and no build time (see the README).
enum RS256 {
    /// Signs `data` with the PEM private key `pem`; nil when the key cannot be read or is not RSA.
    static func sign(_ data: Data, pem: String) -> Data? {
        var signature = [UInt8](repeating: 0, count: 1024)
        var length = signature.count
        let pemBytes = Array(pem.utf8)
        let result = pemBytes.withUnsafeBufferPointer { key in
            data.withUnsafeBytes { message in
                signature.withUnsafeMutableBufferPointer { output in
                    key.withMemoryRebound(to: CChar.self) { keyText in
                        insights_rs256_sign(
                            keyText.baseAddress, Int32(keyText.count),
                            message.bindMemory(to: UInt8.self).baseAddress, message.count,
                            output.baseAddress, &length)
                    }
                }
            }
        }
        guard result == 0 else { return nil }
        return Data(signature.prefix(length))
    }
}

/// Base64url without padding, as JWTs use it.
func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}
