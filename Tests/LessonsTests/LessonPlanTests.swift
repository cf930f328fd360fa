import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// Lessons that name an unknown step, a malformed directive or a bad parameter value are
/// refused with `FILE:LINE: reason` before anything runs.
@Suite struct LessonPlanTests {
  func planError(_ markdown: String, overrides: [String] = []) -> String? {
    do {
      _ = try LessonPlan(document: try LessonParser.parse(text: markdown, file: "bad.md"), catalog: TinyLesson.catalog, overrides: overrides)
      return nil
    } catch {
      return String(describing: error)
    }
  }

  @Test func unknownStep() {
    let message = planError("# T\n\ntext\n\n```step no-such-step\n```\n")
    #expect(message?.hasPrefix("bad.md:5: unknown step 'no-such-step' (known steps: one, two,") == true, "\(message ?? "accepted")")
  }

  @Test func unknownParameter() {
    #expect(planError("# T\n\n```step one a=2 colour=red\n```\n")
            == "bad.md:3: step 'one' has no parameter 'colour' (it takes: a)")
  }

  @Test func invalidAndOutOfRangeValues() {
    #expect(planError("# T\n\n```step one a=two\n```\n")
            == "bad.md:3: step 'one': parameter 'a' must be an integer, got 'two'")
    #expect(planError("# T\n\n```step one a=999\n```\n")
            == "bad.md:3: step 'one': parameter 'a' must be between 0 and 100, got 999")
  }

  @Test func missingDefault() {
    #expect(planError("# T\n\n```step one\n```\n")
            == "bad.md:3: step 'one' needs a default for parameter 'a' (the number)")
  }

  @Test func badOverrides() {
    let lesson = "# T\n\n```step one a=2\n```\n"
    #expect(planError(lesson, overrides: ["a=101"])
            == "bad.md:3: --set a=101 for step 'one': parameter 'a' must be between 0 and 100, got 101")
    #expect(planError(lesson, overrides: ["epochs=5"]) == "bad.md: --set epochs: no step of this lesson has a parameter 'epochs'")
    #expect(planError(lesson, overrides: ["a"]) == "bad.md: --set 'a': expected name=value")
    #expect(planError(lesson, overrides: ["a=4"]) == nil)
  }

  @Test func malformedDirectiveComesFromTheParser() {
    #expect(planError("# T\n\n```step layers=2\n```\n") == "bad.md:3: step directive has no id")
  }

  @Test func quotedValuesKeepTheirSpaces() throws {
    let lesson = try LessonParser.parse(text: "# T\n\n```swift step=predict prefixes=\"time traveller|a b\" chars=5\nx\n```\n", file: "q.md")
    #expect(lesson.steps.first?.parameter("prefixes") == "time traveller|a b")
    #expect(planError("# T\n\n```step one a=\"2 b=3\n```\n") == "bad.md:3: unterminated quote in 'step one a=\"2 b=3'")
  }

  @Test func referencesUseTheLessonsLanguage() throws {
    let text = "# A\n:label:`sec_a`\n\nSee :numref:`sec_a`.\n"
    func rendered(_ file: String) throws -> String {
      TerminalRenderer(width: 80).render(try LessonParser.parse(text: text, file: file))
    }
    #expect(try rendered("lessons/deep-rnn.md").contains("See Section 1."))
    #expect(try rendered("lessons/vi/deep-rnn.md").contains("See Mục 1."))
  }

  @Test func stepWithRequirementsRunsThemFirst() throws {
    let plan = try LessonPlan(document: try LessonParser.parse(text: TinyLesson.text(), file: "tiny.md"), catalog: TinyLesson.catalog)
    #expect(try plan.entries(upTo: "four").map(\.step.id) == ["two", "four"])
    #expect(try plan.entries(upTo: "three").map(\.step.id) == ["one", "three"])
    #expect(throws: LessonError.self) { try plan.entries(upTo: "nope") }
  }

  @Test func badLessonFileExitsWithStatusOneAndFileLine() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).md")
    try "# Bad\n\nSome prose.\n\n```swift step=no-such-step\nprint(1)\n```\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LessonsBinary.run(["run", file.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file.path):5: unknown step 'no-such-step'"), "\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
    let missing = try LessonsBinary.run(["run", "no-such-lesson"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such-lesson: no such lesson (available: \(CourseLessons.names))"), "\(missing.stderr)")
    let typo = try LessonsBinary.run(["run", "gur"])
    #expect(typo.stderr.hasPrefix("gur: no such lesson; did you mean 'gru'? (available: "), "\(typo.stderr)")
  }
}
