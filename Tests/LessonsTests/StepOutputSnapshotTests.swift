import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The first steps of the lesson as a learner reads them, in both languages, next to a
/// snapshot: headers that fit 80 columns, one notation (Wₓₕ⁽¹⁾, H⁽¹⁾, and `O_1 = H_1^(2) W_(hq)`
/// where q has no subscript), labels in the language. The rows of tensor values are left out,
/// so that the snapshot does not depend on the last bit of a floating-point sum.
@Suite struct StepOutputSnapshotTests {
  static let steps = ["architecture", "tiny-stack", "scratch-stack"]

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt"), arguments: ["en", "vi"])
  func firstStepsReadAsInTheSnapshot(language: String) throws {
    var lines: [String] = []
    for step in Self.steps {
      let result = try LessonsBinary.run(
        ["run", "deep-rnn", "--lang", language, "--step", step], environment: ["COLUMNS": "80", "NO_COLOR": "1"])
      #expect(result.status == 0, "\(result.stderr)")
      lines += result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        .filter { $0.range(of: #"^      \[[+-]"#, options: .regularExpression) == nil }
    }
    let actual = lines.joined(separator: "\n")
    let url = LessonsBinary.packageRoot.appendingPathComponent("Tests/LessonsTests/Snapshots/steps-\(language).expected.txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "the first steps' output changed; review and rerun with UPDATE_SNAPSHOTS=1")
  }
}
