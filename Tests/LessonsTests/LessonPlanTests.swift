import Foundation
import Testing
@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// Lessons that name an unknown step, a malformed directive or a bad parameter value are
/// refused with `FILE:LINE: reason` before anything runs.
@Suite struct LessonPlanTests {
  func planError(_ markdown: String, overrides: [String] = []) -> String? {
    do {
      _ = try LessonPlan(document: try LessonParser.parse(text: markdown, file: "bad.md"), catalog: DeepRNNLesson.catalog, overrides: overrides)
      return nil
    } catch {
      return String(describing: error)
    }
  }

  @Test func unknownStep() {
    let message = planError("# T\n\ntext\n\n```step no-such-step\n```\n")
    #expect(message?.hasPrefix("bad.md:5: unknown step 'no-such-step' (known steps: architecture,") == true, "\(message ?? "accepted")")
  }

  @Test func unknownParameter() {
    #expect(planError("# T\n\n```step architecture layers=2 steps=3 colour=red\n```\n")
            == "bad.md:3: step 'architecture' has no parameter 'colour' (it takes: layers, steps)")
  }

  @Test func invalidAndOutOfRangeValues() {
    #expect(planError("# T\n\n```step architecture layers=two steps=3\n```\n")
            == "bad.md:3: step 'architecture': parameter 'layers' must be an integer, got 'two'")
    #expect(planError("# T\n\n```step architecture layers=99 steps=3\n```\n")
            == "bad.md:3: step 'architecture': parameter 'layers' must be between 1 and 6, got 99")
  }

  @Test func missingDefault() {
    #expect(planError("# T\n\n```step architecture layers=2\n```\n")
            == "bad.md:3: step 'architecture' needs a default for parameter 'steps' (time steps T)")
  }

  @Test func badOverrides() {
    let lesson = "# T\n\n```step architecture layers=2 steps=3\n```\n"
    #expect(planError(lesson, overrides: ["layers=0"])
            == "bad.md:3: --set layers=0 for step 'architecture': parameter 'layers' must be between 1 and 6, got 0")
    #expect(planError(lesson, overrides: ["epochs=5"]) == "bad.md: --set epochs: no step of this lesson has a parameter 'epochs'")
    #expect(planError(lesson, overrides: ["layers"]) == "bad.md: --set 'layers': expected name=value")
    #expect(planError(lesson, overrides: ["layers=4"]) == nil)
  }

  @Test func malformedDirectiveComesFromTheParser() {
    #expect(planError("# T\n\n```step layers=2\n```\n") == "bad.md:3: step directive has no id")
  }

  @Test func quotedValuesKeepTheirSpaces() throws {
    let lesson = try LessonParser.parse(text: "# T\n\n```swift step=predict prefixes=\"time traveller|a b\" chars=5\nx\n```\n", file: "q.md")
    #expect(lesson.steps.first?.parameter("prefixes") == "time traveller|a b")
    #expect(planError("# T\n\n```step architecture layers=\"2 steps=3\n```\n") == "bad.md:3: unterminated quote in 'step architecture layers=\"2 steps=3'")
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
    let path = LessonsBinary.packageRoot.appendingPathComponent("lessons/deep-rnn.md").path
    let plan = try LessonPlan(document: try LessonParser.load(path: path), catalog: DeepRNNLesson.catalog)
    #expect(try plan.entries(upTo: "predict").map(\.step.id) == ["train", "predict"])
    #expect(try plan.entries(upTo: "scratch-stack").map(\.step.id) == ["scratch-layer", "scratch-stack"])
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
    #expect(missing.stderr.contains("lessons/no-such-lesson.md: no such lesson (available: deep-rnn, bi-rnn)"), "\(missing.stderr)")
  }
}
