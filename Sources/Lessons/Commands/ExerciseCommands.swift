import CourseKit
import LessonEngine
import ArgumentParser
import Foundation

// The rustlings-style commands of the chapter's exercises: list, check, hint, reset.

/// Where the exercises package is, when not found from the current folder.
struct ExercisesLocation: ParsableArguments {
  @Option(name: .customLong("exercises"), help: ArgumentHelp(
    "The exercises package folder (default: the workspace's exercises/; see `lessons init`).",
    valueName: "folder"))
  var folder: String?

  @Option(help: "The lesson whose exercises these are (default: the course's first).")
  var lesson: String?

  /// The lesson named by `--lesson`, else the course's first.
  func chosen() throws -> Lesson {
    guard let lesson else { return course.lessons[0] }
    guard let found = course.lesson(named: lesson) else {
      throw ValidationError("no lesson '\(lesson)' (lessons: \(course.lessons.map(\.name).joined(separator: ", ")))")
    }
    return found
  }

  /// The package, with the learner's files written from the starters where there are none.
  func locate() throws -> ExercisesPackage {
    do {
      let package = try ExercisesPackage.locate(explicit: folder)
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

/// `lessons exercises`: the four exercises with their status.
struct ExercisesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises", abstract: "List the chapter's exercises with your progress.")

  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func run() throws {
    Console.write(ExerciseList.render(lesson: try location.chosen(), package: try location.locate()) + "\n")
  }
}

/// `lessons check N`: compile and verify the learner's answer.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Compile and verify your answer to an exercise.",
    discussion: """
      Builds the exercises package (exercises/, apart from the tool, so a half-edited answer \
      breaks nothing else) and runs its checker: one OK / NOT OK row per fact, with expected vs \
      got and the largest difference. Exits non-zero unless every row is OK. Only exercise 1 \
      has code to check; exercises 2-4 are experiments (`lessons experiment N`).
      """)

  @Argument(help: "The exercise to check (1).") var number: Int
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try validated { try location.chosen().codeFiles(number, for: "check") } }

  func run() throws {
    let (info, files) = try validated { try location.chosen().codeFiles(number, for: "check") }
    let check = ExerciseCheck(info: info, files: files, package: try location.locate())
    do {
      guard try check.run() else { throw ExitCode.failure }
    } catch let error as ExerciseError {
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}

/// `lessons hint N`: what to do, without the answer.
struct HintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "hint", abstract: "A hint for an exercise.")

  @Argument(help: "The exercise (1-4).") var number: Int
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try validated { try location.chosen().exercise(number) } }

  func run() throws {
    let info = try validated { try location.chosen().exercise(number) }
    // The hint's paragraphs, wrapped to the terminal (80 columns off a terminal).
    let paragraphs = info.hint.components(separatedBy: "\n\n").map {
      LineFitter.paragraph($0.replacingOccurrences(of: "\n", with: " "), width: min(Console.width, 100), first: "", rest: "")
        .joined(separator: "\n")
    }
    let heading = LineFitter.paragraph(tr("hint.heading", ["number": info.number, "title": info.title]), width: min(Console.width, 100), first: "", rest: "  ")
    Console.write(heading.joined(separator: "\n") + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
  }
}

/// `lessons reset N`: back to the starting file, after confirmation.
struct ResetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset", abstract: "Put an exercise's starting file back (asks first).")

  @Argument(help: "The exercise to reset (1).") var number: Int
  @Flag(name: .shortAndLong, help: "Do not ask for confirmation.") var yes = false
  @OptionGroup var location: ExercisesLocation
  @OptionGroup var language: LanguageOption

  func validate() throws { _ = try validated { try location.chosen().codeFiles(number, for: "reset") } }

  func run() throws {
    let (info, files) = try validated { try location.chosen().codeFiles(number, for: "reset") }
    let package = try location.locate()
    let reset = ExerciseReset(info: info, files: files, package: package)
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
