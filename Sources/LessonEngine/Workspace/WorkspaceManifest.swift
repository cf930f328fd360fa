import D2L
import Foundation

/// `.lessons-workspace.json`, the file that makes a folder a learner's workspace: which format
/// and tool made it, from which sources, and the files `lessons init` wrote with their fingerprints,
/// so that running `init` again can tell a file the learner changed (kept) from a stock one
/// (updated). Fingerprints are FNV-1a (64 bits): enough to notice an edit, not a defence.
public struct WorkspaceManifest: Codable, Equatable, Sendable {
  /// The manifest's file name, at the workspace's root.
  public static let fileName = ".lessons-workspace.json"
  /// The layout this tool writes and reads. A manifest with a higher number was written by a
  /// newer tool and is refused; lower numbers are upgraded by `lessons init`.
  public static let currentFormat = 1

  /// The layout's version.
  public var format: Int
  /// The `lessons` version that last wrote the workspace.
  public var toolVersion: String
  /// When the workspace was made (ISO 8601).
  public var created: String
  /// When `lessons init` last updated it (ISO 8601).
  public var updated: String
  /// The D2L sources the workspace's packages build against.
  public var sources: String
  /// The files `init` manages, by path relative to the workspace, with the fingerprint of the
  /// stock text it last wrote.
  public var files: [String: String]

  /// Reads the manifest of the workspace at `root`.
  /// - Throws: `WorkspaceError.unreadableManifest` or `.newerFormat`.
  public static func load(from root: URL) throws -> WorkspaceManifest {
    let url = root.appendingPathComponent(fileName)
    let manifest: WorkspaceManifest
    do {
      manifest = try JSONDecoder().decode(WorkspaceManifest.self, from: Data(contentsOf: url))
    } catch {
      throw WorkspaceError.unreadableManifest(path: url.path, reason: Self.reason(error))
    }
    guard manifest.format <= currentFormat else {
      throw WorkspaceError.newerFormat(path: url.path, format: manifest.format, supported: currentFormat)
    }
    return manifest
  }

  /// Writes the manifest into the workspace at `root`, atomically.
  public func save(to root: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try writeAtomically(try encoder.encode(self) + Data("\n".utf8), to: root.appendingPathComponent(Self.fileName))
  }

  /// The FNV-1a (64 bits) of `data`, in hex: what tells a stock file from one the learner changed.
  public static func fingerprint(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  private static func reason(_ error: Error) -> String {
    switch error {
    case DecodingError.dataCorrupted: return "not valid JSON"
    case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "bad \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" field"
    default: return (error as NSError).localizedDescription
    }
  }
}
