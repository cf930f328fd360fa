import D2L
import Foundation
import Testing
@testable import LessonEngine

/// The step cache: a result comes back as it was kept, and an entry that is damaged,
/// truncated, from a future format or from another kernel level is ignored with a note.
@Suite struct CacheTests {
  /// A step with a cachable output, for the store alone.
  enum Squares: LessonStep {
    static let id = "squares"
    static let summary = "squares"
    typealias Input = StepValues
    static func run(_ values: StepValues, _ out: StepOutput) -> [Double] { [1, 4, 9] }
  }

  static func fixture() -> (StepCache, StepKey, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-tests-\(UUID().uuidString)")
    let cache = StepCache(directory: folder, codecs: [.of(Squares.self)])
    let key = StepKey(lesson: "demo", step: Squares.id, code: "squares", values: ["n": "3"], requires: [])
    return (cache, key, folder)
  }

  /// Keeps a result of `Squares` with two printed lines; returns the entry and its output file.
  static func store(_ cache: StepCache, _ key: StepKey) throws -> (entry: URL, output: URL) {
    let results = StepResults()
    results.store([1, 4, 9], of: Squares.self)
    try cache.store(lesson: "demo", step: Squares.id, key: key, events: [.line("one"), .line("two")], seconds: 1.5, results: results)
    let entry = cache.entryURL(lesson: "demo", step: Squares.id, key: key.full)
    return (entry, entry.deletingPathExtension().appendingPathExtension("output.json"))
  }

  /// Loads `key`, returning the hit, the output it restored, and the notes.
  static func load(_ cache: StepCache, _ key: StepKey) -> (StepCache.Hit?, [Double]?, [String]) {
    let results = StepResults()
    var notes: [String] = []
    let hit = cache.load(lesson: "demo", step: Squares.id, key: key, into: results) { notes.append($0) }
    return (hit, results.outputIfRun(of: Squares.self), notes)
  }

  @Test func resultComesBackAsKept() throws {
    let (cache, key, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.store(cache, key)
    let (hit, output, notes) = Self.load(cache, key)
    #expect(hit?.events == [.line("one"), .line("two")])
    #expect(hit?.seconds == 1.5)
    #expect(output == [1, 4, 9])
    #expect(notes.isEmpty)
    // Written atomically: nothing but the entry and its output is left in the folder.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("demo").path).sorted()
    #expect(names == ["squares-\(key.full).json", "squares-\(key.full).output.json"])
  }

  @Test func anotherKeyMisses() throws {
    let (cache, key, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.store(cache, key)
    let other = StepKey(lesson: "demo", step: Squares.id, code: "squares", values: ["n": "4"], requires: [])
    let (hit, output, notes) = Self.load(cache, other)
    #expect(hit == nil && output == nil && notes.isEmpty)
    // A change upstream changes the key too.
    let downstream = StepKey(lesson: "demo", step: Squares.id, code: "squares", values: ["n": "3"], requires: ["abc"])
    #expect(downstream != key)
  }

  @Test func freshIgnoresTheCache() throws {
    var (cache, key, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.store(cache, key)
    cache.fresh = true
    #expect(Self.load(cache, key).0 == nil)
  }

  /// Each way of spoiling the entry or its output: the note names the step, nothing is used.
  static let damages: [String] = ["truncated entry", "flipped byte in entry", "truncated output", "flipped byte in output", "future format", "missing output"]

  @Test(arguments: damages)
  func damagedEntryIsIgnoredWithANote(damage: String) throws {
    let (cache, key, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (entry, output) = try Self.store(cache, key)
    func spoil(_ url: URL, _ change: (inout Data) -> Void) throws {
      var data = try Data(contentsOf: url)
      change(&data)
      try data.write(to: url)
    }
    switch damage {
    case "truncated entry": try spoil(entry) { $0 = $0.prefix($0.count / 2) }
    case "flipped byte in entry": try spoil(entry) { $0[$0.count - 10] ^= 0x01 }
    case "truncated output": try spoil(output) { $0 = $0.prefix(3) }
    case "flipped byte in output": try spoil(output) { $0[1] ^= 0x04 }
    case "missing output": try FileManager.default.removeItem(at: output)
    default:
      try spoil(entry) {
        let text = String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\"format\":1", with: "\"format\":2")
        $0 = Data(text.utf8)
      }
    }
    let (hit, restored, notes) = Self.load(cache, key)
    #expect(hit == nil, "\(damage)")
    #expect(restored == nil, "\(damage)")
    #expect(notes.count == 1, "\(damage)")
    #expect(notes.first?.contains("squares") ?? false)
    #expect(!(notes.first?.contains("\n") ?? true))
    if damage == "future format" { #expect(notes.first?.contains("format 2") ?? false) }
  }

  @Test func entryFromAnotherKernelLevelIsNotedNotUsed() throws {
    let (cache, _, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let level = CacheEnvironment.kernelLevel == "portable" ? "avx2" : "portable"
    let there = StepKey(lesson: "demo", step: Squares.id, code: "squares", values: ["n": "3"], requires: [],
                        build: [CacheEnvironment.toolVersion, level])
    let (entry, _) = try Self.store(cache, there)
    // The entry records the level it was made with.
    var data = try Data(contentsOf: entry)
    data = Data(String(decoding: data, as: UTF8.self)
      .replacingOccurrences(of: "\"kernelLevel\":\"\(CacheEnvironment.kernelLevel)\"", with: "\"kernelLevel\":\"\(level)\"").utf8)
    try data.write(to: entry)
    let here = StepKey(lesson: "demo", step: Squares.id, code: "squares", values: ["n": "3"], requires: [])
    #expect(here.inputs == there.inputs && here.full != there.full)
    let (hit, output, notes) = Self.load(cache, here)
    #expect(hit == nil && output == nil)
    #expect(notes.count == 1 && (notes.first?.contains(level) ?? false), "\(notes)")
  }

  @Test func listingShowsSizesAndClearsOneLesson() throws {
    let (cache, key, folder) = Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.store(cache, key)
    let listing = CacheListing(directory: folder)
    #expect(listing.entries.map(\.step) == ["squares"])
    #expect(listing.totalBytes > 0 && listing.entries[0].bytes == listing.totalBytes)
    #expect(try CacheListing.clear(directory: folder, lesson: "other") == 0)
    #expect(CacheListing(directory: folder).entries.count == 1)
    #expect(try CacheListing.clear(directory: folder, lesson: "demo") == listing.totalBytes)
    #expect(CacheListing(directory: folder).entries.isEmpty)
  }
}
