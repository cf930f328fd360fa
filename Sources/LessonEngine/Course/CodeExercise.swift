import Foundation

/// A code exercise's files, one rule for every lesson (rustlings keeps an exercise in one
/// folder; so does a lesson here). In the lesson's folder, `Sources/<X>Lesson/Exercises/<N>/`:
///
///     Starter/<File>.swift     what the learner starts from
///     Solution/<File>.swift    the project's answer
///     check.swift              the checker's `main`, calling the lesson's check (target <X>Checks)
///
/// In the learner's exercises package, the same exercise is the target `<X>Exercise<N>` with
/// the learner's file `Sources/<X>Exercise<N>/<File>.swift`, copies of the starter and the
/// solution under `Starters/` and `Solutions/`, and the executable `check-<X>Exercise<N>`
/// (`Checkers/<X>Exercise<N>/main.swift`). `ExercisesTemplate` writes that package from the
/// lesson folders; nothing is listed by hand.
public struct CodeExercise: Equatable, Sendable {
  /// The lesson's module (`MyLesson`).
  public let lessonModule: String
  /// The exercise's number in its lesson.
  public let number: Int
  /// The learner's file name (`StackedRNN.swift`).
  public let fileName: String
  /// Where a learner's answer was in an older layout of the exercises package, relative to it
  /// (moved to `file` when found there), if anywhere.
  public let formerFile: String?

  public init(lessonModule: String, number: Int, fileName: String, formerFile: String? = nil) {
    self.lessonModule = lessonModule
    self.number = number
    self.fileName = fileName
    self.formerFile = formerFile
  }

  /// The learner's target in the exercises package (`MyExercise1` for `MyLesson`).
  public var module: String {
    let stem = lessonModule.hasSuffix("Lesson") ? String(lessonModule.dropLast("Lesson".count)) : lessonModule
    return "\(stem)Exercise\(number)"
  }

  // MARK: - In the exercises package

  /// The learner's file.
  public var file: String { "Sources/\(module)/\(fileName)" }
  /// Its pristine copy, for `reset`.
  public var starter: String { "Starters/\(module)/\(fileName)" }
  /// The project's answer, shown once the exercise is done.
  public var solution: String { "Solutions/\(module)/\(fileName)" }
  /// The executable product that checks the file.
  public var checker: String { "check-\(module)" }
  /// The checker's `main.swift`.
  public var checkerMain: String { "Checkers/\(module)/main.swift" }

  // MARK: - In the sources

  /// The exercise's folder in the sources (relative to their root).
  public var folder: String { "Sources/\(lessonModule)/Exercises/\(number)" }
  public var sourceStarter: String { "\(folder)/Starter/\(fileName)" }
  public var sourceSolution: String { "\(folder)/Solution/\(fileName)" }
  public var sourceChecker: String { "\(folder)/check.swift" }

  /// Every code exercise in the sources at `root`: each `Sources/<X>Lesson/Exercises/<N>/` that
  /// holds a `check.swift` and one file in `Starter/`, in lesson then number order.
  public static func all(in root: URL) -> [CodeExercise] {
    let manager = FileManager.default
    let sources = root.appendingPathComponent("Sources")
    var found: [CodeExercise] = []
    for lesson in ((try? manager.contentsOfDirectory(atPath: sources.path)) ?? []).sorted() where lesson.hasSuffix("Lesson") {
      let exercises = sources.appendingPathComponent(lesson).appendingPathComponent("Exercises")
      let numbers = ((try? manager.contentsOfDirectory(atPath: exercises.path)) ?? []).compactMap(Int.init).sorted()
      for number in numbers {
        let folder = exercises.appendingPathComponent(String(number))
        let starters = ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent("Starter").path)) ?? [])
          .filter { $0.hasSuffix(".swift") }
        guard manager.fileExists(atPath: folder.appendingPathComponent("check.swift").path), starters.count == 1 else { continue }
        found.append(CodeExercise(lessonModule: lesson, number: number, fileName: starters[0]))
      }
    }
    return found
  }
}
