import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// A snapshot of every piece of LaTeX the lessons use, next to its Unicode rendering: a change
/// to the math renderer that alters what a learner reads shows up here line by line.
@Suite struct LessonMathSnapshotTests {
  /// Inline and display math and ```math blocks of every lesson, in order of first use.
  static func latexUsedInLessons() throws -> [String] {
    var seen = Set<String>(), result: [String] = []
    for file in ["lessons/deep-rnn.md", "lessons/vi/deep-rnn.md"] {
      let text = try String(contentsOf: LessonsBinary.packageRoot.appendingPathComponent(file), encoding: .utf8)
      var pieces = MathProtector(markdown: text).spans.map(\.latex)
      var block: [Substring]?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if block == nil, line.hasPrefix("```math") { block = []; continue }
        if block != nil, line.hasPrefix("```") { pieces.append(block!.joined(separator: "\n")); block = nil; continue }
        block?.append(line)
      }
      for latex in pieces where seen.insert(latex).inserted { result.append(latex) }
    }
    return result
  }

  @Test func everyLessonEquationRendersAsInTheSnapshot() throws {
    let latex = try Self.latexUsedInLessons()
    #expect(latex.count > 10)
    var lines: [String] = []
    for source in latex {
      let rendered = try MathRenderer.render(source)
      #expect(!rendered.contains("\\"), "raw LaTeX left in the rendering of \(source): \(rendered)")
      lines.append(source.replacingOccurrences(of: "\n", with: " ⏎ "))
      lines.append("    " + rendered.replacingOccurrences(of: "\n", with: "\n    "))
    }
    let actual = lines.joined(separator: "\n") + "\n"
    let url = LessonsBinary.packageRoot.appendingPathComponent("Tests/LessonsTests/Snapshots/lesson-math.expected.txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "math renderings changed; review and rerun with UPDATE_SNAPSHOTS=1")
  }
}
