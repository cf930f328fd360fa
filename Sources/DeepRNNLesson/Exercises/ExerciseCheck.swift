import LessonEngine
import Foundation

/// `lessons check N` for a code exercise: compile the learner's file in the exercises package,
/// run its checker (which prints the OK / NOT OK rows), and remember the result.
public struct ExerciseCheck {
  public let info: ExerciseInfo
  public let files: ExerciseInfo.CodeFiles
  public let package: ExercisesPackage

  public init(info: ExerciseInfo, files: ExerciseInfo.CodeFiles, package: ExercisesPackage) {
    self.info = info
    self.files = files
    self.package = package
  }

  /// Checks the file as it is now; true when every check passed.
  public func run() throws -> Bool {
    let text = try package.read(files.file)
    let shown = package.display(files.file)
    Console.write("Checking exercise \(info.number): \(shown)\n")
    if text == (try? package.read(files.starter)) {
      Console.write("(this is still the starting file: fill in its TODOs)\n")
    }
    let build = SwiftPackageBuild(package: package)
    let progressLine = ProgressLine()
    if !FileManager.default.fileExists(atPath: build.executable(files.checker).path) {
      Console.write("Building the exercises package: the first time, this compiles the library too (a few minutes)…\n")
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
        Console.write("NOT OK  \(shown) does not compile\n")
        Console.write("---> HINT: fix the first error above (file:line:column); `lessons hint \(info.number)` helps, `lessons reset \(info.number)` starts over.\n")
        try record(passed: false, text: text)
      } else {
        Console.write("NOT OK  the exercises package does not build, for reasons outside your file (see above)\n")
        Console.write("---> HINT: the project itself must build: `swift build` in \(package.display("..")) shows why.\n")
      }
      return false
    }
    let ending = try build.run(product: files.checker)
    if case .crashed(let signal) = ending {
      Console.write("NOT OK  your code stopped with a crash (signal \(signal)); the message above says where\n")
      Console.write("---> HINT: a precondition of the library failed inside your code, usually a tensor of the wrong shape passed to a layer; `lessons hint \(info.number)`.\n")
    }
    let passed = ending == .exited(0)
    if passed {
      Console.write("\nExercise \(info.number) done ✓  Compare with the project's answer: \(package.display(files.solution))\n")
    } else if case .exited = ending {
      Console.write("---> HINT: read the first NOT OK row and its → line; `lessons hint \(info.number)` for more.\n")
    }
    try record(passed: passed, text: text)
    return passed
  }

  /// Remembers the result for this version of the file.
  private func record(passed: Bool, text: String) throws {
    var progress = ExerciseProgress.load(from: package.progressFile)
    progress.records[info.number] = .init(passed: passed, fingerprint: ExerciseProgress.fingerprint(text))
    try progress.save(to: package.progressFile)
  }
}
