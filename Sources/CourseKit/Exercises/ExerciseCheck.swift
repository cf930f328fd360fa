import LessonEngine
import Foundation

/// `lessons check LESSON:N` for a code exercise: compile the learner's file in the exercises
/// package, run its checker (which prints the OK / NOT OK rows), and remember the result.
public struct ExerciseCheck {
  public let lesson: Lesson
  public let info: ExerciseInfo
  public let files: CodeExercise
  public let package: ExercisesPackage
  /// The course, whose lessons' progress the progress file also holds.
  public let course: Course

  public init(lesson: Lesson, info: ExerciseInfo, files: CodeExercise, package: ExercisesPackage, course: Course) {
    self.lesson = lesson
    self.info = info
    self.files = files
    self.package = package
    self.course = course
  }

  /// `LESSON:N`.
  var name: String { lesson.exerciseName(info.number) }

  /// Checks the file as it is now; true when every check passed.
  public func run() throws -> Bool {
    let text = try package.read(files.file)
    let shown = package.display(files.file)
    Console.write(tr("check.checking", ["number": name, "file": shown]) + "\n")
    if text == (try? package.read(files.starter)) {
      Console.write(tr("check.starting") + "\n")
    }
    let build = SwiftPackageBuild(package: package)
    let progressLine = ProgressLine()
    if !FileManager.default.fileExists(atPath: build.executable(files.checker).path) {
      Console.write(tr("check.building") + "\n")
    }
    let (built, output) = try build.build(product: files.checker) { line in
      progressLine.update(String(line.prefix(max(Console.width - 1, 20))))
    }
    progressLine.update("")
    guard built else {
      Console.write(SwiftPackageBuild.diagnostics(output) + "\n\n")
      // Errors that name no file of the exercise come from the project (or the toolchain).
      let exerciseFolder = package.url(files.file).deletingLastPathComponent().standardizedFileURL.path
      if output.contains(exerciseFolder) {
        Console.write("NOT OK  " + tr("check.noCompile", ["file": shown]) + "\n")
        Console.write(LineFitter.fitLines("---> " + tr("check.hintCompile", ["number": name]), width: 80) + "\n")
        try record(passed: false, text: text)
      } else {
        Console.write(LineFitter.fitLines("NOT OK  " + tr("check.projectBroken"), width: 80) + "\n")
        Console.write(LineFitter.fitLines("---> " + tr("check.hintProject", ["folder": package.display("..")]), width: 80) + "\n")
      }
      return false
    }
    // The checker prints its rows in the learner's language too.
    setenv("LESSONS_LANG", Language.current.rawValue, 1)
    let ending = try build.run(product: files.checker)
    if case .crashed(let signal) = ending {
      Console.write(LineFitter.fitLines("NOT OK  " + tr("check.crashed", ["signal": signal]), width: 80) + "\n")
      Console.write(LineFitter.fitLines("---> " + tr("check.hintCrash", ["number": name]), width: 80) + "\n")
    }
    let passed = ending == .exited(0)
    if passed {
      Console.write("\n" + LineFitter.fitLines(tr("check.done", ["number": name, "file": package.display(files.solution)]), width: 80) + "\n")
    } else if case .exited = ending {
      Console.write(LineFitter.fitLines("---> " + tr("check.hintRows", ["number": name]), width: 80) + "\n")
    }
    try record(passed: passed, text: text)
    return passed
  }

  /// Remembers the result for this version of the file.
  private func record(passed: Bool, text: String) throws {
    var progress = ExerciseProgress.load(package, course: course)
    progress.records[name] = .init(passed: passed, fingerprint: ExerciseProgress.fingerprint(text))
    try progress.save(to: package.progressFile)
  }
}
