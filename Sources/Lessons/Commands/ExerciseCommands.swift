import CourseKit
import LessonEngine
import ArgumentParser
import Foundation

// The rustlings-style commands of the lessons' exercises: list, check, hint, reset.

/// Where the exercises package is, when not found from the current folder, and the lesson in
/// context.
struct ExercisesLocation: ParsableArguments {
  @Option(name: .customLong("exercises"), help: ArgumentHelp(
    "The exercises package folder (default: the workspace's exercises/; see `lessons init`).",
    valueName: "folder"))
  var folder: String?

  @Option(help: "The lesson a bare exercise number N belongs to (default: the only lesson with an exercise N).")
  var lesson: String?

  /// The lesson named by `--lesson`, if any.
  func context() throws -> Lesson? {
    guard let lesson else { return nil }
    guard let found = course.lesson(named: lesson) else {
      throw ValidationError(CourseNameError.noLesson(lesson, lessons: course.lessons.map(\.name)).description)
    }
    return found
  }

  /// The exercise named (`LESSON:N`, or `N`: see `Course.exercise`) among those `accepted`.
  func exercise(_ text: String, accepted: @escaping (ExerciseInfo) -> Bool = { _ in true }) throws -> (Lesson, ExerciseInfo) {
    try validated { try course.exercise(text, context: context(), accepted: accepted) }
  }

  /// The code exercise named, or an error saying how to do that exercise instead.
  func codeExercise(_ text: String, for action: String) throws -> (Lesson, ExerciseInfo, CodeExercise) {
    let (lesson, info) = try exercise(text) { if case .code = $0.kind { return true } else { return false } }
    let (_, files) = try validated { try lesson.codeFiles(info.number, for: action) }
    return (lesson, info, files)
  }

  /// The package, with a learner's answer moved from an older layout, and the learner's files
  /// written from the starters where there are none.
  func locate() throws -> ExercisesPackage {
    do {
      let package = try ExercisesPackage.locate(explicit: folder)
      try package.moveFormerAnswers(course: course)
      try package.prepareAnswers()
      return package
    } catch let error as ValidationError {
      throw error
    } catch {
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}

/// Turns "no such exercise" or "that one is an experiment" into a usage error (with the usage).
private func validated<T>(_ body: () throws -> T) throws -> T {
  do { return try body() } catch let error as ExerciseError { throw ValidationError(error.description) }
}

/// `lessons exercises`: every lesson's exercises (or `--lesson`'s) with their status.
struct ExercisesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises", abstract: "List the lessons' exercises with your progress.")

  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func run() throws {
    let lessons = try location.context().map { [$0] } ?? course.lessons
    Console.write(ExerciseList.render(lessons: lessons, course: course, package: try location.locate()) + "\n")
  }
}

/// `lessons check LESSON:N`: compile and verify the learner's answer.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Compile and verify your answer to an exercise.",
    discussion: """
      Builds the exercises package (exercises/, apart from the tool, so a half-edited answer \
      breaks nothing else) and runs the exercise's checker: one OK / NOT OK row per fact, with \
      expected vs got and the largest difference. Exits non-zero unless every row is OK. An \
      exercise is LESSON:N (my-lesson:2), or N when one lesson has a code exercise N. \
      `lessons exercises` lists which exercises have code to check; the others are experiments.
      """)

  @Argument(help: "The exercise to check: LESSON:N, or N (lessons exercises lists them).") var exercise: String
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try location.codeExercise(exercise, for: "check") }

  func run() throws {
    let (lesson, info, files) = try location.codeExercise(exercise, for: "check")
    let check = ExerciseCheck(lesson: lesson, info: info, files: files, package: try location.locate(), course: course)
    do {
      guard try check.run() else { throw ExitCode.failure }
    } catch let error as ExerciseError {
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}

/// `lessons hint LESSON:N`: what to do, without the answer.
struct HintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "hint", abstract: "A hint for an exercise.")

  @Argument(help: "The exercise: LESSON:N, or N.") var exercise: String
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try location.exercise(exercise) }

  func run() throws {
    let (lesson, info) = try location.exercise(exercise)
    // The hint's paragraphs, wrapped to the terminal (80 columns off a terminal).
    let paragraphs = info.hint.components(separatedBy: "\n\n").map {
      LineFitter.paragraph($0.replacingOccurrences(of: "\n", with: " "), width: min(Console.width, 100), first: "", rest: "")
        .joined(separator: "\n")
    }
    let heading = LineFitter.paragraph(tr("hint.heading", ["number": lesson.exerciseName(info.number), "title": info.title]), width: min(Console.width, 100), first: "", rest: "  ")
    Console.write(heading.joined(separator: "\n") + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
  }
}

/// `lessons reset LESSON:N`: back to the starting file, after confirmation.
struct ResetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset", abstract: "Put an exercise's starting file back (asks first).")

  @Argument(help: "The exercise to reset: LESSON:N, or N.") var exercise: String
  @Flag(name: .shortAndLong, help: "Do not ask for confirmation.") var yes = false
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try location.codeExercise(exercise, for: "reset") }

  func run() throws {
    let (lesson, info, files) = try location.codeExercise(exercise, for: "reset")
    let package = try location.locate()
    let reset = ExerciseReset(lesson: lesson, info: info, files: files, package: package, course: course)
    let shown = package.display(files.file)
    do {
      switch try reset.run(confirm: { yes || ExerciseReset.askOnStandardInput($0) }) {
      case .alreadyPristine: Console.write(tr("reset.pristine", ["file": shown]) + "\n")
      case .declined: Console.write(tr("reset.declined") + "\n")
      case .reset: Console.write(tr("reset.done", ["file": shown]) + "\n")
      }
    } catch let error as ExerciseError {
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}
