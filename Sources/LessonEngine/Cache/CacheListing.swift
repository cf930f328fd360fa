import Foundation

/// What `lessons cache` shows and clears: the entries per lesson, with their sizes on disk.
public struct CacheListing {
  public struct Entry {
    public let lesson: String
    public let step: String
    /// The entry and its output file together.
    public let bytes: Int
    public let date: Date?
    public let seconds: Double?
    /// Why the entry cannot be used, if it cannot.
    public let problem: String?
  }

  public let directory: URL
  public let entries: [Entry]
  /// Every file under the cache folder, entries or not.
  public let totalBytes: Int

  /// Reads the cache folder's entries (none when it does not exist).
  public init(directory: URL) {
    self.directory = directory
    let manager = FileManager.default
    var entries: [Entry] = [], total = 0
    let lessons = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    for lesson in lessons {
      let folder = directory.appendingPathComponent(lesson)
      let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      func size(_ name: String) -> Int {
        ((try? manager.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size] as? NSNumber)?.intValue ?? 0
      }
      total += names.map(size).reduce(0, +)
      for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") && !name.contains(".output.") {
        let stem = String(name.dropLast(5))
        let outputs = names.filter { $0 != name && $0.hasPrefix(stem + ".") }
        let bytes = size(name) + outputs.map(size).reduce(0, +)
        let data = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        let step = (try? CacheEntry.header(of: data))?.step ?? String(stem.prefix { $0 != "-" })
        do {
          let entry = try CacheEntry.decode(data)
          entries.append(Entry(lesson: lesson, step: step, bytes: bytes, date: entry.body.date, seconds: entry.body.seconds, problem: nil))
        } catch {
          entries.append(Entry(lesson: lesson, step: step, bytes: bytes, date: nil, seconds: nil, problem: "\(error)"))
        }
      }
    }
    self.entries = entries
    totalBytes = total
  }

  /// Removes every entry, or those of one lesson; returns the bytes freed.
  @discardableResult
  public static func clear(directory: URL, lesson: String? = nil) throws -> Int {
    let target = lesson.map { directory.appendingPathComponent($0) } ?? directory
    let freed = CacheListing(directory: directory).entries.filter { lesson == nil || $0.lesson == lesson }.map(\.bytes).reduce(0, +)
    if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
    return freed
  }
}
