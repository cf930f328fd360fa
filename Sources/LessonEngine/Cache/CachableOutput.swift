import D2L
import Foundation

/// A step output that can be kept in the step cache and read back, so that a later walk shows
/// the step at once instead of running it again. Expensive steps conform (the trained model is
/// kept as safetensors); cheap ones need not: they simply run.
public protocol CachableOutput {
  /// The payload file's extension (`safetensors`, `json`).
  static var cacheFileExtension: String { get }
  /// Writes the output to `url` (atomically).
  func writeCache(to url: URL) throws
  /// Reads an output written by `writeCache`.
  /// - Throws: when the file is not such an output (the cache then ignores the entry).
  static func readCache(from url: URL) throws -> Self
}

/// An output that is plain data, kept as JSON.
public protocol JSONCachableOutput: CachableOutput, Codable {}

extension JSONCachableOutput {
  public static var cacheFileExtension: String { "json" }

  public func writeCache(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try writeAtomically(try encoder.encode(self), to: url)
  }

  public static func readCache(from url: URL) throws -> Self {
    try JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
  }
}

extension Array: CachableOutput, JSONCachableOutput where Element: Codable {}
