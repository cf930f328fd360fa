import ArgumentParser
import CourseKit
import Foundation
import LessonEngine

/// `lessons author`: commands for people who write lessons.
struct AuthorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "author", abstract: "Commands for lesson authors.", subcommands: [AuthorCheckCommand.self])
}

/// `lessons author check LESSON [--quick]`: the lesson, checked as a whole before it ships.
struct AuthorCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a lesson: its files and references, its languages, its steps, its shown code, its exercises.",
    discussion: """
      Every file reads and every reference resolves; the languages have the same steps, \
      parameters and string keys; every step runs (with --quick: at the lesson's tiny sizes); \
      every code block shown builds in the playground; each exercise's solution passes and its \
      starter fails. Prints FILE:LINE: reason for each problem and exits 1 if there is one.
      """)

  @Argument(help: "A lesson name, or the path to a copy of its English file (its other languages beside it, as in lessons/).")
  var lesson: String?

  @Flag(help: "Check every registered lesson, in course order.")
  var all = false

  @Flag(help: "Run the steps at the lesson's tiny sizes (its quick values).")
  var quick = false

  @Option(name: .customLong("only"), help: "Check only these parts: files, steps, playground, exercises (repeatable).")
  var only: [String] = []

  @Option(name: .customLong("exercises-from"), help: ArgumentHelp(
    "Read the exercises' folders (Sources/<X>Lesson/Exercises/) from this copy of the project rather than the project.",
    valueName: "folder"))
  var exercisesFrom: String?

  func validate() throws {
    if (lesson == nil) == !all { throw ValidationError("name one lesson, or give --all") }
    for part in only where AuthorCheck.Part(rawValue: part) == nil {
      throw ValidationError("--only must be one of \(AuthorCheck.Part.allCases.map(\.rawValue).joined(separator: ", ")), got '\(part)'")
    }
  }

  func run() throws {
    var failed = false
    for name in lesson.map({ [$0] }) ?? course.lessons.map(\.name) {
      do { try check(name) } catch let error as ExitCode where error == .failure { failed = true }
    }
    if failed { throw ExitCode.failure }
  }

  /// Checks one lesson; `ExitCode.failure` when it has a problem.
  func check(_ lesson: String) throws {
    let chosen = course.lesson(named: lesson) ?? course.lesson(forFile: lesson)
    let files = try Self.files(of: chosen, given: lesson)
    guard let sources = StepCodeSource.locate(stepsFolder: chosen.stepsFolder) else {
      Console.error("\(chosen.stepsFolder): not found (set \(StepCodeSource.environmentVariable) to the project's folder)")
      throw ExitCode.failure
    }
    var check = AuthorCheck(lesson: chosen, files: files, sourcesRoot: sources.root)
    check.quick = quick
    if let exercisesFrom { check.exercisesRoot = URL(fileURLWithPath: exercisesFrom).standardizedFileURL }
    if !only.isEmpty { check.parts = Set(only.compactMap(AuthorCheck.Part.init(rawValue:))) }
    let start = Date()
    let problems = check.run { Console.write($0 + "\n") }
    for problem in problems { Console.error(problem.description) }
    let seconds = String(format: "%.0f", Date().timeIntervalSince(start))
    if !problems.isEmpty {
      Console.error("\(chosen.name): \(problems.count) problem\(problems.count == 1 ? "" : "s") (\(seconds) s)")
      throw ExitCode.failure
    }
    Console.write("\(chosen.name): OK (\(seconds) s)\n")
  }

  /// The lesson's file in each language, English first: the registered ones for a name; for
  /// a path, the files placed around it as the lesson's own are around its English file
  /// (`copy/my-lesson.md` → `copy/vi/my-lesson.md`).
  static func files(of lesson: Lesson, given: String) throws -> [(language: String, path: String)] {
    let languages = lesson.files.keys.sorted { ($0 == "en" ? "" : $0) < ($1 == "en" ? "" : $1) }
    guard given.hasSuffix(".md") || given.contains("/") else {
      return try languages.map { ($0, try LessonLocator.locate(given, language: $0, course: course)) }
    }
    guard let english = lesson.files["en"] else { return [("en", given)] }
    let englishFolder = english.contains("/") ? String(english[..<english.lastIndex(of: "/")!]) : ""
    let givenFolder = URL(fileURLWithPath: given).deletingLastPathComponent()
    return languages.map { language in
      let own = lesson.files[language]!
      let relative = englishFolder.isEmpty ? own
        : own.hasPrefix(englishFolder + "/") ? String(own.dropFirst(englishFolder.count + 1)) : URL(fileURLWithPath: own).lastPathComponent
      return (language, language == "en" ? given : LessonLocator.relativePath(givenFolder.appendingPathComponent(relative)))
    }
  }
}
