import Foundation
import Testing

/// `lessons data`, and the walk-through on a machine that has The Time Machine and no network.
@Suite(.serialized) struct DataCommandTests {
  /// A folder holding only timemachine.txt, and an empty cache, for one test.
  static func withOnlyTheTimeMachine<T>(_ body: (_ data: URL, _ cache: URL) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-offline-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data"), cache = root.appendingPathComponent("cache")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(
      atPath: LessonsBinary.dataDirectory! + "/timemachine.txt", toPath: data.appendingPathComponent("timemachine.txt").path)
    return try body(data, cache)
  }

  /// No network: every download goes to a loopback port where nothing listens.
  static func offline(_ data: URL, _ cache: URL) -> [String: String] {
    ["D2L_DATA_DIR": data.path, "D2L_CACHE_DIR": cache.path, "D2L_DATA_URL": "http://127.0.0.1:9"]
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"))
  func listsEveryDataFileWithItsStatus() throws {
    try Self.withOnlyTheTimeMachine { data, cache in
      let result = try LessonsBinary.run(["data"], environment: Self.offline(data, cache))
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("present: \(data.path)/timemachine.txt"))
      // The nine books and the translation lessons' fra-eng.
      #expect(result.stdout.components(separatedBy: "missing (lessons data fetch ").count - 1 == 9)
      #expect(result.stdout.contains("1 of 10 present."))
      // What needs a file: the lessons whose `dataFiles` list it.
      #expect(result.stdout.contains("needed by: \(CourseLessons.needing("timemachine.txt"))\n"))
      #expect(result.stdout.contains("shelley-frankenstein.txt")
        && result.stdout.contains("needed by: \(CourseLessons.needing("shelley-frankenstein.txt"))\n"))
      #expect(result.stdout.contains("needed by: \(CourseLessons.needing("fra-eng/fra.txt"))\n"))
    }
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"))
  func offlineTheWalkSkipsTheBookStepsAndFinishes() throws {
    try Self.withOnlyTheTimeMachine { data, cache in
      let result = try LessonsBinary.run(["run", "deep-rnn"] + WalkthroughTests.quick, environment: Self.offline(data, cache))
      #expect(result.status == 0, "\(result.stderr)")
      let text = result.stdout
      #expect(text.contains("step 16/17 · experiment-authors"))
      #expect(text.contains("⚠ skipped: this step needs 'wells-the-invisible-man.txt',"))
      #expect(text.contains("connection error"))
      #expect(text.contains("Skipped 2 steps for want of data: experiment-books, experiment-authors."))
      #expect(text.contains("lessons data fetch --all"))
      #expect(!text.contains("shared/data") && !result.stderr.contains("shared/data"))
      #expect((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [] == [])
    }
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"))
  func fetchOfflineFailsWithTheReasonAndUnknownNamesAreRefused() throws {
    try Self.withOnlyTheTimeMachine { data, cache in
      let failed = try LessonsBinary.run(["data", "fetch", "shelley-frankenstein.txt"], environment: Self.offline(data, cache))
      #expect(failed.status == 1)
      #expect(failed.stdout.contains("✗ shelley-frankenstein.txt: Download of http://127.0.0.1:9/shelley-frankenstein.txt failed: connection error"))
      let unknown = try LessonsBinary.run(["data", "fetch", "moby-dick.txt"], environment: Self.offline(data, cache))
      #expect(unknown.status != 0)
      #expect(unknown.stderr.contains("unknown corpus 'moby-dick.txt'"))
    }
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"))
  func verifyRefusesACorruptCopy() throws {
    try Self.withOnlyTheTimeMachine { data, cache in
      try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
      try Data("not the book".utf8).write(to: cache.appendingPathComponent("shelley-frankenstein.txt"))
      let result = try LessonsBinary.run(["data", "verify"], environment: Self.offline(data, cache))
      #expect(result.status == 1)
      #expect(result.stdout.contains("✓ timemachine.txt"))
      #expect(result.stdout.contains("✗ shelley-frankenstein.txt: Refusing"))
      #expect(result.stdout.contains("1 verified, 1 corrupt, 8 missing."))  // the books and fra-eng
    }
  }
}
