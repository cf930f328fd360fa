import Foundation
import Testing
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// The code a lesson shows for a step is the code that runs: the block in the lesson must
/// equal the step's source between `// ANCHOR: id` and `// ANCHOR_END: id`, in every language.
@Suite struct StepSourceTests {
  /// Every anchored region in Sources/DeepRNNLesson/Steps, dedented, by step id.
  static let anchoredSources: [String: String] = {
    let folder = LessonsBinary.packageRoot.appendingPathComponent("Sources/DeepRNNLesson/Steps")
    var regions: [String: String] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".swift") {
      let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
      var current: (id: String, lines: [Substring])?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("// ANCHOR: ") {
          current = (String(trimmed.dropFirst("// ANCHOR: ".count)), [])
        } else if trimmed.hasPrefix("// ANCHOR_END: "), let c = current {
          regions[c.id] = dedent(c.lines)
          current = nil
        } else if current != nil {
          current!.lines.append(line)
        }
      }
    }
    return regions
  }()

  static func dedent(_ lines: [Substring]) -> String {
    let indent = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
    return lines.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n")
  }

  static let lessonFiles = ["lessons/deep-rnn.md", "lessons/vi/deep-rnn.md"]

  @Test(arguments: lessonFiles)
  func shownCodeIsTheCodeThatRuns(file: String) throws {
    let path = LessonsBinary.packageRoot.appendingPathComponent(file).path
    try #require(FileManager.default.fileExists(atPath: path), "\(file) is missing")
    let lesson = try LessonParser.load(path: path, file: file)
    let shown = lesson.steps.filter(\.showsCode)
    #expect(!shown.isEmpty)
    for step in shown {
      guard let source = Self.anchoredSources[step.id] else {
        Issue.record("\(file):\(step.line): step '\(step.id)' shows code but no ANCHOR: \(step.id) region exists in Sources/DeepRNNLesson/Steps")
        continue
      }
      #expect(step.code == source, "\(file):\(step.line): the code shown for '\(step.id)' differs from its compiled source:\n--- lesson\n\(step.code)\n--- source\n\(source)")
    }
  }

  @Test func bothLanguagesHaveTheSameSteps() throws {
    let root = LessonsBinary.packageRoot
    let english = try LessonParser.load(path: root.appendingPathComponent(Self.lessonFiles[0]).path)
    let vietnamese = try LessonParser.load(path: root.appendingPathComponent(Self.lessonFiles[1]).path)
    #expect(english.steps.map(\.id) == vietnamese.steps.map(\.id))
    #expect(english.steps.map(\.code) == vietnamese.steps.map(\.code))
    #expect(english.steps.map { $0.parameters.map(\.value) } == vietnamese.steps.map { $0.parameters.map(\.value) })
  }

  @Test(arguments: lessonFiles)
  func everyStepIsKnownWithValidDefaults(file: String) throws {
    let lesson = try LessonParser.load(path: LessonsBinary.packageRoot.appendingPathComponent(file).path, file: file)
    let plan = try LessonPlan(document: lesson, catalog: DeepRNNLesson.catalog)
    #expect(plan.entries.count == lesson.steps.count)
  }

  @Test func everyAnchorBelongsToARegisteredStep() {
    for id in Self.anchoredSources.keys {
      #expect(DeepRNNLesson.catalog.definition(id) != nil, "ANCHOR: \(id) has no registered step")
    }
  }
}
