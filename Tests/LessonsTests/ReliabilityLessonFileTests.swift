import Foundation
import Testing

/// Broken lesson files, run end to end through `lessons run FILE`: each ends with exit status 1
/// and exactly one diagnostic, `FILE:LINE: reason`, before any step runs.
@Suite struct ReliabilityLessonFileTests {
  /// A lesson whose line 5 (or the line a case names) is wrong.
  struct BadLesson: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    /// `:LINE: reason` after the file name.
    let diagnostic: String
    var overrides: [String] = []
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ diagnostic: String, overrides: [String] = []) {
      self.init(name, Array(text.utf8), diagnostic, overrides: overrides)
    }

    init(_ name: String, _ bytes: [UInt8], _ diagnostic: String, overrides: [String] = []) {
      self.name = name
      self.bytes = bytes
      self.diagnostic = diagnostic
      self.overrides = overrides
    }
  }

  static let intro = "# A lesson\n\nSome prose.\n\n"
  static let step = "```step architecture layers=2 steps=3\n```\n"

  /// (Unknown LaTeX, unknown references and stray labels are warnings in the walk, so that
  /// D2L's own files open: `D2LFormatWalkTests` covers them.)
  static let cases: [BadLesson] = [
    .init("unknown step id", intro + "```step no-such-step\n```\n",
          ":5: unknown step 'no-such-step' (known steps: "),
    .init("duplicate step id", intro + step + "\nMore.\n\n" + step,
          ":10: duplicate step id 'architecture' (first at line 5)"),
    .init("directive without an id", intro + "```step layers=2\n```\n", ":5: step directive has no id"),
    .init("malformed directive attribute", intro + "```step architecture layers\n```\n",
          ":5: malformed attribute 'layers' (expected name=value)"),
    .init("unterminated quote in a directive", intro + "```step architecture layers=\"2\n```\n",
          ":5: unterminated quote in 'step architecture layers=\"2'"),
    .init("invalid step id", intro + "```step x/y\n```\n", ":5: invalid step id 'x/y' (use letters, digits, '-' and '_')"),
    .init("unknown parameter", intro + "```step architecture layers=2 steps=3 colour=red\n```\n",
          ":5: step 'architecture' has no parameter 'colour' (it takes: layers, steps)"),
    .init("invalid parameter value", intro + "```step architecture layers=two steps=3\n```\n",
          ":5: step 'architecture': parameter 'layers' must be an integer, got 'two'"),
    .init("out-of-range parameter value", intro + "```step architecture layers=99 steps=3\n```\n",
          ":5: step 'architecture': parameter 'layers' must be between 1 and 6, got 99\n"),
    .init("out-of-range --set value", intro + step, ":5: --set layers=0 for step 'architecture': parameter 'layers' must be between 1 and 6, got 0\n",
          overrides: ["layers=0"]),
    .init("unterminated fence", intro + "```swift\nlet x = 1\n", ":5: code fence is never closed (expected a line '```')"),
    .init("invalid UTF-8", Array((intro + "Bad ").utf8) + [0xC3, 0x28] + Array(" byte.\n".utf8),
          ":5: invalid UTF-8 (byte 0xC3 at column 5)"),
    .init("Markdown nested too deeply", intro + String(repeating: "> ", count: 500) + "deep\n",
          ":5: Markdown nested more than 64 levels deep (lists, quotes, emphasis or links)"),
    .init("placeholder character", intro + "A private \u{E000} character.\n", ":5: character U+E000 is reserved for math placeholders"),
    .init("step inside a list", intro + "- item\n\n  ```step architecture layers=2 steps=3\n  ```\n",
          ":7: step 'architecture' must be at the top level of the lesson, not inside a list or quote"),
  ]

  @Test(arguments: cases)
  func badLessonIsReportedAtItsLine(_ lesson: BadLesson) throws {
    try Reliability.withTemporaryDirectory { dir in
      let file = dir.appendingPathComponent("bad.md")
      try Data(lesson.bytes).write(to: file)
      let result = try LessonsBinary.run(["run", file.path] + lesson.overrides.flatMap { ["--set", $0] })
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.hasPrefix(file.path + lesson.diagnostic), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(result.stdout.isEmpty, "it ran something: \(result.stdout)")
    }
  }

  @Test func missingLessonFileIsReported() throws {
    let missing = try LessonsBinary.run(["run", "/no/such/lesson.md"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "/no/such/lesson.md: no such lesson file\n")
    let unknown = try LessonsBinary.run(["run", "no-such-lesson"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("no-such-lesson: no such lesson (available: "), "\(unknown.stderr)")
  }

  @Test func folderInsteadOfALessonIsReported() throws {
    try Reliability.withTemporaryDirectory { dir in
      let folder = dir.appendingPathComponent("folder.md")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let result = try LessonsBinary.run(["run", folder.path])
      #expect(result.status == 1)
      #expect(result.stderr == folder.path + ": is a folder, not a lesson file\n", "\(result.stderr)")
    }
  }
}
