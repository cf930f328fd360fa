import Foundation
import Testing
@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine

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

  @Test func refusesAStarterThatPasses() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("author-check-exercises-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let exercises = LessonsBinary.packageRoot.appendingPathComponent("exercises")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: exercises.path) where !name.hasPrefix(".") {
      try FileManager.default.copyItem(at: exercises.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let (_, files) = try DeepRNNLesson.lesson.codeFiles(1, for: "check")
    try FileManager.default.removeItem(at: folder.appendingPathComponent(files.starter))
    try FileManager.default.copyItem(at: folder.appendingPathComponent(files.solution), to: folder.appendingPathComponent(files.starter))
    let result = try LessonsBinary.run(["author", "check", "deep-rnn", "--only", "exercises", "--exercises", folder.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(folder.appendingPathComponent(files.starter).path):1: exercise 1's starter passes its check"), "\(result.stderr)")
  }
}
