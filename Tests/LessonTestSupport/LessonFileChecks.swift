import D2L
import Foundation
import LessonEngine
import Testing

/// The checks every lesson's tests make of its two files and its steps, written once: both
/// languages parse against the catalogue with the same steps, parameters and shown code, the
/// Vietnamese prose has no English words, and every step runs at the lesson's tiny sizes. A
/// lesson's test target calls them from its own `@Test`s and checks its steps' results itself.
public struct LessonFileChecks {
  /// The lesson whose files are checked.
  public let lesson: Lesson
  /// The package's root, which `lesson.files` are relative to and the shown code is read from.
  public let root: URL

  /// The package's root: this file is `Tests/LessonTestSupport/LessonFileChecks.swift`.
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Whether *The Time Machine* is in `D2L_DATA_DIR`, which running the steps needs.
  public static var hasTimeMachine: Bool { (try? DataLocator().locate(.timeMachine)) != nil }

  /// Common English words and the chapter's terms, which an untranslated Vietnamese sentence
  /// would hold.
  public static let englishWords: Set<String> = [
    "the", "and", "of", "is", "with", "that", "this", "for", "from", "which", "gate", "gates",
    "state", "hidden", "model", "training", "train", "cell", "memory", "forget", "input", "output",
    "reset", "update", "candidate", "scratch", "concise", "lesson", "exercise", "summary", "each", "step",
  ]

  public init(_ lesson: Lesson, root: URL = LessonFileChecks.packageRoot) {
    self.lesson = lesson
    self.root = root
  }

  /// The lesson's file in `language`, its code filled in from the sources, checked against the
  /// catalogue with `overrides` (`name=value`).
  public func plan(_ language: String, overrides: [String] = []) throws -> LessonPlan {
    try lesson.plan(path: root.appendingPathComponent(lesson.files[language]!).path, overrides: overrides, sourcesRoot: root)
  }

  /// Both languages name the same steps in the same order, every step of the catalogue among
  /// them, with the same parameters, defaults and shown code.
  public func expectBothLanguagesHaveTheSameStepsAndDefaults(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (en, vi) = (try plan("en"), try plan("vi"))
    #expect(en.entries.map(\.step.id) == vi.entries.map(\.step.id), sourceLocation: sourceLocation)
    #expect(Set(en.entries.map(\.step.id)) == Set(lesson.catalog.all.map(\.id)), "every step of the catalogue is in the lesson",
            sourceLocation: sourceLocation)
    for (a, b) in zip(en.entries, vi.entries) {
      #expect(a.step.parameters.map(\.name) == b.step.parameters.map(\.name), "\(a.step.id)", sourceLocation: sourceLocation)
      #expect(a.step.parameters.map(\.value) == b.step.parameters.map(\.value), "\(a.step.id)", sourceLocation: sourceLocation)
      #expect(a.step.code == b.step.code, "\(a.step.id): the two languages show different code", sourceLocation: sourceLocation)
    }
  }

  /// The Vietnamese file's prose (code, math, quotes, labels and the book's title taken out)
  /// holds none of `english`.
  public func expectNoEnglishWordsInTheVietnameseProse(
    _ english: Set<String> = LessonFileChecks.englishWords, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var text = try String(contentsOf: root.appendingPathComponent(lesson.files["vi"]!), encoding: .utf8)
    for pattern in [#"(?s)```.*?```"#, #"(?s)\$\$.*?\$\$"#, #"\$[^$]*\$"#, #":[a-z]+:`[^`]*`"#, #"`[^`]*`"#, #""[^"]*""#] {
      text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    let words = text.lowercased().components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
    let found = Set(words).intersection(english)
    #expect(found.isEmpty, "English words in the Vietnamese prose: \(found.sorted())", sourceLocation: sourceLocation)
  }

  /// Runs every step of the lesson's file in `language` (`en` or `vi`) at the lesson's
  /// `quickValues`, in that language, and returns their results for the caller to check.
  public func runEveryStepAtTinySizes(language: String) throws -> StepResults {
    try Language.speaking(language == "vi" ? .vi : .en) {
      let plan = try plan(language, overrides: lesson.quickValues)
      let results = StepResults()
      for entry in plan.entries {
        try entry.definition.run(StepOutput(color: false, width: 100), entry.values, results)
      }
      return results
    }
  }
}
