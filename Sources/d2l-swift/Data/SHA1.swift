import Crypto
import Foundation

/// The lower-case hex SHA-1 of `data`, the form D2L's `DATA_HUB` records.
func sha1Hex<D: DataProtocol>(_ data: D) -> String {
  Insecure.SHA1.hash(data: data).map { byte in
    let hex = String(byte, radix: 16)
    return byte < 16 ? "0" + hex : hex
  }.joined()
}
