import Foundation

/// Reading a corpus file whole, refusing files that are empty or not text.
public enum TextFile {
  /// The bytes of the text file at `url`.
  /// - Throws: `DataError.emptyFile` for 0 bytes; `DataError.binaryFile` for NUL bytes or
  ///   invalid UTF-8; Foundation's error when the file cannot be read.
  public static func readBytes(at url: URL) throws -> [UInt8] {
    let bytes = [UInt8](try Data(contentsOf: url))
    try validate(bytes, path: url.path)
    return bytes
  }

  /// The text of the file at `url`, validated like `readBytes(at:)`.
  public static func readString(at url: URL) throws -> String {
    String(decoding: try readBytes(at: url), as: UTF8.self)
  }

  /// Throws the `DataError` that makes `bytes` unusable as a corpus, if any.
  static func validate(_ bytes: [UInt8], path: String) throws {
    guard !bytes.isEmpty else { throw DataError.emptyFile(path: path) }
    if let defect = bytes.withUnsafeBufferPointer(firstTextDefect) {
      throw DataError.binaryFile(path: path, reason: defect.reason())
    }
  }
}
