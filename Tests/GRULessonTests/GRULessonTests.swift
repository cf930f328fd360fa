import D2L
import Foundation
import Testing
@testable import GRULesson
@testable import LessonEngine
import Localization

/// The lesson files and their steps: both languages parse against the catalogue with the same
/// steps, parameters and shown code, the Vietnamese prose has no English words, and every step
/// runs at tiny sizes in both languages.
@Suite(.serialized) struct GRULessonTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let lesson = GRULesson.lesson

  static var hasTimeMachine: Bool { (try? DataLocator().locate(.timeMachine)) != nil }

  static func plan(_ language: String, overrides: [String] = []) throws -> LessonPlan {
    try lesson.plan(path: root.appendingPathComponent(lesson.files[language]!).path, overrides: overrides, sourcesRoot: root)
  }

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    let (en, vi) = (try Self.plan("en"), try Self.plan("vi"))
    #expect(en.entries.map(\.step.id) == vi.entries.map(\.step.id))
    #expect(Set(en.entries.map(\.step.id)) == Set(Self.lesson.catalog.all.map(\.id)), "every step of the catalogue is in the lesson")
    for (a, b) in zip(en.entries, vi.entries) {
      #expect(a.step.parameters.map(\.name) == b.step.parameters.map(\.name), "\(a.step.id)")
      #expect(a.step.parameters.map(\.value) == b.step.parameters.map(\.value), "\(a.step.id)")
      #expect(a.step.code == b.step.code, "\(a.step.id): the two languages show different code")
    }
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(GRUStrings.en.keys) == Set(GRUStrings.vi.keys))
  }

  /// The Vietnamese file's prose (code, math, quotes, labels and the book's title taken out)
  /// holds none of the common English words an untranslated sentence would.
  @Test func theVietnameseProseHasNoEnglishWords() throws {
    var text = try String(contentsOf: Self.root.appendingPathComponent(Self.lesson.files["vi"]!), encoding: .utf8)
    for pattern in [#"(?s)```.*?```"#, #"(?s)\$\$.*?\$\$"#, #"\$[^$]*\$"#, #":[a-z]+:`[^`]*`"#, #"`[^`]*`"#, #""[^"]*""#] {
      text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    let english: Set<String> = ["the", "and", "of", "is", "with", "that", "this", "for", "from", "which", "gate", "gates",
                                "state", "hidden", "model", "training", "train", "cell", "memory", "forget", "input", "output",
                                "reset", "update", "candidate", "scratch", "concise", "lesson", "exercise", "summary", "each", "step"]
    let words = text.lowercased().components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
    let found = Set(words).intersection(english)
    #expect(found.isEmpty, "English words in the Vietnamese prose: \(found.sorted())")
  }

  @Test(.enabled(if: hasTimeMachine, "needs timemachine.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    Language.current = language == "vi" ? .vi : .en
    defer { Language.current = .en }
    let plan = try Self.plan(language, overrides: Self.lesson.quickValues)
    let results = StepResults()
    for entry in plan.entries {
      try entry.definition.run(StepOutput(color: false, width: 100), entry.values, results)
    }
    try checkResults(results)
  }
}

extension GRULessonTests {
  /// The concise GRU is the scratch one with the reset gate moved onto the product, and not
  /// the section's own cell.
  func checkResults(_ results: StepResults) throws {
    let agrees = try #require(results.outputIfRun(of: GRUConciseAgreesStep.self))
    #expect(agrees.resetOnProduct < 1e-5)
    #expect(agrees.book > 10 * agrees.resetOnProduct)
  }
}
