import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// `lessons author check`: it passes on the lesson as it ships, and refuses copies that an
/// author could break: an unknown reference, a step missing from a translation, a starter that
/// already passes. Each refusal names the file and line.
@Suite(.serialized) struct AuthorCheckTests {
  /// A copy of the lesson's files (English and `vi/`), changed by `edit(language, text)`.
  static func copyOfLesson(_ edit: (String, String) -> String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("author-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("vi"), withIntermediateDirectories: true)
    for (language, relative) in [("en", "deep-rnn.md"), ("vi", "vi/deep-rnn.md")] {
      let text = try String(contentsOf: LessonsBinary.packageRoot.appendingPathComponent("lessons/\(relative)"), encoding: .utf8)
      try edit(language, text).write(to: folder.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt"))
  func passesOnTheLessonAsItShips() throws {
    let result = try LessonsBinary.run(["author", "check", "deep-rnn", "--quick"], environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("ok    step 17/17"))
    #expect(result.stdout.contains("deep-rnn: OK"))
  }

  @Test func refusesAnUnknownEquationReference() throws {
    let folder = try Self.copyOfLesson { language, text in
      language == "en" ? text + "\nAs :eqref:`eq_nowhere` shows.\n" : text
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("deep-rnn.md").path
    let line = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("eq_nowhere") }! + 1
    let result = try LessonsBinary.run(["author", "check", file, "--only", "files"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):\(line): "), "\(result.stderr)")
    #expect(result.stderr.contains("eq_nowhere"))
  }

  @Test func refusesAStepMissingFromTheVietnameseFile() throws {
    let folder = try Self.copyOfLesson { language, text in
      language == "vi" ? text.replacingOccurrences(of: #"```swift step=predict[^\n]*\n```\n"#, with: "", options: .regularExpression) : text
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try LessonsBinary.run(["author", "check", folder.appendingPathComponent("deep-rnn.md").path, "--only", "files"])
    #expect(result.status == 1)
    #expect(result.stderr.contains(folder.appendingPathComponent("vi/deep-rnn.md").path), "\(result.stderr)")
    #expect(result.stderr.contains("step 'predict'") && result.stderr.contains("is missing"), "\(result.stderr)")
  }

  /// Step ids are per lesson, so within one they must be unique: a copy whose step appears twice
  /// is refused with both lines.
  @Test func refusesADuplicatedStepID() throws {
    let folder = try Self.copyOfLesson { language, text in
      guard language == "en", let range = text.range(of: #"```swift step=predict[^\n]*\n```\n"#, options: .regularExpression) else { return text }
      return text + "\n" + text[range]
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try LessonsBinary.run(["author", "check", folder.appendingPathComponent("deep-rnn.md").path, "--only", "files"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("duplicate step id 'predict' (first at line"), "\(result.stderr)")
    // And in a catalogue: two step types with one id.
    var check = AuthorCheck(lesson: Lessons.course.lesson(named: "deep-rnn")!, files: [], sourcesRoot: LessonsBinary.packageRoot)
    check.parts = [.files]
    #expect(check.duplicateStepIDs().isEmpty)
    let doubled = Lesson(
      name: "doubled", titleKey: "t", module: "M", files: [:], stepsFolder: "Sources/M/Steps",
      catalog: StepCatalog(Lessons.course.lesson(named: "deep-rnn")!.catalog.all + [Lessons.course.lesson(named: "deep-rnn")!.catalog.all[0]]), strings: StringTable(en: [:], vi: [:]))
    let problems = AuthorCheck(lesson: doubled, files: [], sourcesRoot: LessonsBinary.packageRoot).duplicateStepIDs()
    #expect(problems.map(\.reason) == ["step id '\(Lessons.course.lesson(named: "deep-rnn")!.catalog.all[0].id)' is declared by more than one step of doubled"])
  }

  @Test func refusesAStarterThatPasses() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("author-check-exercises-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    // A copy of every lesson's exercise folders, deep-rnn:1's starter replaced by its solution.
    for lesson in course.lessons {
      let exercises = "Sources/\(lesson.module)/Exercises"
      let source = LessonsBinary.packageRoot.appendingPathComponent(exercises)
      guard FileManager.default.fileExists(atPath: source.path) else { continue }
      try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources/\(lesson.module)"), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(exercises))
    }
    let (_, files) = try Lessons.course.lesson(named: "deep-rnn")!.codeFiles(1, for: "check")
    try FileManager.default.removeItem(at: folder.appendingPathComponent(files.sourceStarter))
    try FileManager.default.copyItem(at: folder.appendingPathComponent(files.sourceSolution), to: folder.appendingPathComponent(files.sourceStarter))
    let result = try LessonsBinary.run(["author", "check", "deep-rnn", "--only", "exercises", "--exercises-from", folder.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("\(folder.appendingPathComponent(files.sourceStarter).path):1: exercise deep-rnn:1's starter passes its check"),
      "\(result.stderr)")
  }
}
