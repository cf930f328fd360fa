import ArgumentParser
import Foundation
import Testing

@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// `lessons exercises | check | hint | reset`: argument errors, progress, status and reset in
/// process; then `lessons check 1` end to end on a copy of the exercises package.
@Suite struct ExerciseCommandTests {
  /// The project's exercises package.
  static let exercises = LessonsBinary.packageRoot.appendingPathComponent("exercises")

  /// Expects parsing `arguments` to fail with a message containing `message`.
  private func expectUsageError(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try LessonsCommand.parseAsRoot(arguments)
      Issue.record("`lessons \(arguments.joined(separator: " "))` parsed", sourceLocation: sourceLocation)
    } catch {
      #expect(LessonsCommand.message(for: error).contains(message), "\(LessonsCommand.message(for: error))", sourceLocation: sourceLocation)
    }
  }

  @Test func badExerciseNumbersAreUsageErrors() throws {
    expectUsageError(["check", "7"], "there is no exercise 7: the chapter's exercises are 1 to 4")
    expectUsageError(["check", "2"], "exercise 2 is a measured experiment, with nothing to check: run `lessons experiment 2`")
    expectUsageError(["reset", "4"], "nothing to reset: run `lessons experiment 4`")
    expectUsageError(["hint", "0"], "there is no exercise 0")
    #expect(try LessonsCommand.parseAsRoot(["hint", "3"]) is HintCommand)
    let result = try LessonsBinary.run(["check", "7"])
    #expect(result.status == 64)  // EX_USAGE, with the usage
    #expect(result.stderr.contains("there is no exercise 7") && result.stderr.contains("Usage: lessons check"))
  }

  @Test func progressRoundTripsUnderItsHeader() throws {
    let folder = try temporaryFolder()
    let url = folder.appendingPathComponent(".progress")
    var progress = ExerciseProgress()
    progress.records[1] = .init(passed: true, fingerprint: ExerciseProgress.fingerprint("answer"))
    try progress.save(to: url)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix("# DON'T EDIT THIS FILE!"))
    #expect(ExerciseProgress.load(from: url) == progress)
    #expect(ExerciseProgress.load(from: folder.appendingPathComponent("missing")) == ExerciseProgress())
  }

  @Test func statusFollowsTheFileAndTheLastCheck() {
    var progress = ExerciseProgress()
    #expect(ExerciseStatus.of(1, text: "start", starter: "start", progress: progress) == .notStarted)
    #expect(ExerciseStatus.of(1, text: "mine", starter: "start", progress: progress) == .failing(checked: false))
    progress.records[1] = .init(passed: false, fingerprint: ExerciseProgress.fingerprint("mine"))
    #expect(ExerciseStatus.of(1, text: "mine", starter: "start", progress: progress) == .failing(checked: true))
    progress.records[1] = .init(passed: true, fingerprint: ExerciseProgress.fingerprint("mine"))
    #expect(ExerciseStatus.of(1, text: "mine", starter: "start", progress: progress) == .done)
    #expect(ExerciseStatus.of(1, text: "mine, edited", starter: "start", progress: progress) == .failing(checked: false))
  }

  @Test func resetAsksAndRestoresTheStarter() throws {
    let package = try copyOfExercises()
    let (info, files) = try DeepRNNLesson.lesson.codeFiles(1, for: "reset")
    let reset = ExerciseReset(info: info, files: files, package: package)
    var asked = 0
    #expect(try reset.run { _ in asked += 1; return true } == .alreadyPristine)
    #expect(asked == 0)
    try "edited".write(to: package.url(files.file), atomically: true, encoding: .utf8)
    try ExerciseProgress(records: [1: .init(passed: false, fingerprint: "x")]).save(to: package.progressFile)
    #expect(try reset.run { _ in false } == .declined)
    #expect(try package.read(files.file) == "edited")
    #expect(try reset.run { question in question.hasSuffix("[y/N] ") } == .reset)
    #expect(try package.read(files.file) == package.read(files.starter))
    #expect(ExerciseProgress.load(from: package.progressFile).records[1] == nil)
  }

  /// In the checkout, the learner's package is the one of its workspace (`.lessons/`), never
  /// the tracked template `exercises/`; outside any workspace the error says how to make one.
  @Test func packageIsFoundFromBelowTheProject() throws {
    let sources = LessonsBinary.packageRoot.appendingPathComponent("Sources/Lessons").path
    // Paths, not URLs: a folder's URL gains a trailing slash once the folder exists.
    let workspace = LessonsBinary.packageRoot.appendingPathComponent(".lessons/exercises").standardizedFileURL.path
    #expect(try ExercisesPackage.locate(currentDirectory: sources).root.standardizedFileURL.path == workspace)
    #expect(try ExercisesPackage.locate(currentDirectory: Self.exercises.path).root.standardizedFileURL.path == workspace)
    #expect(throws: WorkspaceError.self) { try ExercisesPackage.locate(currentDirectory: "/tmp") }
  }

  @Test func listShowsEveryExerciseWithItsStatus() throws {
    let package = try copyOfExercises()
    let list = ExerciseList.render(lesson: DeepRNNLesson.lesson, package: package)
    #expect(list.contains("1  A two-layer RNN from scratch"))
    #expect(list.contains("not started"))
    for n in 2...4 { #expect(list.contains("run `lessons experiment \(n)`")) }
    #expect(list.contains("0/1 checked exercise done"))
  }

  // MARK: - End to end

  /// `lessons check 1` on a copy of the exercises package (never the learner's own file): the
  /// starter fails, a file that does not compile shows the compiler's error, each classic wrong
  /// answer is named, and the project's answer passes. One package, built once and then
  /// incrementally, in a fixed folder of the test build so that later runs reuse the build.
  @Test(.timeLimit(.minutes(20))) func checkOneEndToEnd() throws {
    let package = try copyOfExercises(at: LessonsBinary.url.deletingLastPathComponent().appendingPathComponent("exercises-e2e"))
    let file = package.url("Sources/Exercise1/StackedRNN.swift")
    let solution = try package.read("Solutions/Exercise1/StackedRNN.swift")
    func check(_ text: String) throws -> LessonsBinary.Result {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return try LessonsBinary.run(["check", "1", "--exercises", package.root.path])
    }
    /// The answer with `line` of the project's answer replaced by `wrong`.
    func wrongAnswer(_ line: String, _ wrong: String) throws -> String {
      try #require(solution.contains(line), "the project's answer no longer has `\(line)`")
      return solution.replacingOccurrences(of: line, with: wrong)
    }

    let starter = try check(package.read("Starters/Exercise1/StackedRNN.swift"))
    #expect(starter.status != 0)
    #expect(starter.stdout.contains("NOT OK  L=2 (I=5, H=4): 2 RNNScratch layers"), "\(starter.stdout)\n\(starter.stderr)")
    #expect(starter.stdout.contains("1 of 5 checks OK"))
    #expect(ExerciseList.render(lesson: DeepRNNLesson.lesson, package: package).contains("not started"))

    let broken = try check(solution.replacingOccurrences(of: "finalStates.append(state)", with: "finalStates.append(stat)"))
    #expect(broken.status != 0)
    #expect(broken.stdout.contains("error: cannot find 'stat' in scope"), "\(broken.stdout)")
    #expect(broken.stdout.contains("does not compile") && broken.stdout.contains("HINT"))

    let step = "let (steps, state) = rnn(outputs, state: states?[i])"
    let readsInputs = try check(wrongAnswer(step, "let (steps, state) = rnn(inputs, state: states?[i])"))
    #expect(readsInputs.status != 0)
    #expect(readsInputs.stdout.contains("layer 2 reads the inputs X instead of layer 1's outputs"), "\(readsInputs.stdout)")

    let zeroState = try check(wrongAnswer(step, "let (steps, state) = rnn(outputs)"))
    #expect(zeroState.status != 0)
    #expect(zeroState.stdout.contains("layer 1 ignores its previous state"), "\(zeroState.stdout)")

    let shared = try check(wrongAnswer("""
          rnns = (0..<numLayers).map { i in
            RNNScratch(numInputs: i == 0 ? numInputs : numHiddens, numHiddens: numHiddens, using: &generator)
          }
      """, """
          rnns = Array(repeating: RNNScratch(numInputs: numInputs, numHiddens: numHiddens, using: &generator), count: numLayers)
      """))
    #expect(shared.status != 0)
    #expect(shared.stdout.contains("are the same RNNScratch object"), "\(shared.stdout)\n\(shared.stderr)")

    let reference = try check(solution)
    #expect(reference.status == 0, "\(reference.stdout)\n\(reference.stderr)")
    #expect(reference.stdout.contains("11 of 11 checks OK") && reference.stdout.contains("Exercise 1 done ✓"))
    #expect(!reference.stdout.contains("NOT OK"))
    #expect(ExerciseList.render(lesson: DeepRNNLesson.lesson, package: package).contains("done ✓"))

    // In Vietnamese (the package is built by now, so this is quick).
    let vietnamese = try LessonsBinary.run(["check", "1", "--lang", "vi", "--exercises", package.root.path])
    #expect(vietnamese.status == 0, "\(vietnamese.stdout)\n\(vietnamese.stderr)")
    #expect(vietnamese.stdout.contains("Đang kiểm tra bài tập 1") && vietnamese.stdout.contains("Xong bài tập 1 ✓"))
    // The checker's rows too: it gets the language in LESSONS_LANG.
    #expect(vietnamese.stdout.contains("mỗi tầng có trọng số riêng") && vietnamese.stdout.contains("11/11 phép kiểm tra OK"))
    // A wrong answer, diagnosed in Vietnamese (the project's answer is put back afterwards).
    try wrongAnswer(step, "let (steps, state) = rnn(outputs)")
      .write(to: file, atomically: true, encoding: .utf8)
    let wrong = try LessonsBinary.run(["check", "1", "--lang", "vi", "--exercises", package.root.path])
    #expect(wrong.status != 0)
    #expect(wrong.stdout.contains("NOT OK") && wrong.stdout.contains("bỏ qua trạng thái trước"), "\(wrong.stdout)")
    #expect(wrong.stdout.contains("GỢI Ý: hãy đọc dòng NOT OK đầu tiên"))
    try solution.write(to: file, atomically: true, encoding: .utf8)
  }

  // MARK: - Helpers

  private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-exercises-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A fresh copy of the exercises package (not its build, not the learner's answer: the
  /// learner's file starts as the starter) at `folder` (a new temporary folder when nil), its
  /// manifest pointed at this project.
  private func copyOfExercises(at folder: URL? = nil) throws -> ExercisesPackage {
    let files = FileManager.default
    let root = try folder ?? temporaryFolder().appendingPathComponent("exercises")
    try files.createDirectory(at: root, withIntermediateDirectories: true)
    for item in ["Package.swift", "Sources", "Starters", "Solutions", ".progress"] {
      let target = root.appendingPathComponent(item)
      if files.fileExists(atPath: target.path) { try files.removeItem(at: target) }
      if item != ".progress" { try files.copyItem(at: Self.exercises.appendingPathComponent(item), to: target) }
    }
    let starter = root.appendingPathComponent("Starters/Exercise1/StackedRNN.swift")
    let learner = root.appendingPathComponent("Sources/Exercise1/StackedRNN.swift")
    try? files.removeItem(at: learner)
    try files.createDirectory(at: learner.deletingLastPathComponent(), withIntermediateDirectories: true)
    try files.copyItem(at: starter, to: learner)
    let manifest = root.appendingPathComponent("Package.swift")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    let line = "let projectRoot = \"..\""
    try #require(text.contains(line), "exercises/Package.swift no longer says \(line)")
    try text.replacingOccurrences(of: line, with: "let projectRoot = \"\(LessonsBinary.packageRoot.standardizedFileURL.path)\"")
      .write(to: manifest, atomically: true, encoding: .utf8)
    return ExercisesPackage(root: root)
  }
}
