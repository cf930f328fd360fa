/// Finds the first byte that is not valid UTF-8, so a lesson file with a stray Latin-1 byte
/// is reported at its line instead of being silently patched with U+FFFD.
enum UTF8Validation {
  /// The offset of the first invalid byte, or nil if `bytes` is valid UTF-8.
  static func firstInvalidOffset<Bytes: Collection>(in bytes: Bytes) -> Int?
  where Bytes.Element == UInt8 {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
