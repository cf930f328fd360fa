import ArgumentParser
import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// `lessons exercises | check | hint | reset`: argument errors, progress, status and reset in
/// process; then `lessons check deep-rnn:1` end to end on a copy of the exercises package.
@Suite struct ExerciseCommandTests {
  /// Expects parsing `arguments` to fail with a message containing `message`.
  private func expectUsageError(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try LessonsCommand.parseAsRoot(arguments)
      Issue.record("`lessons \(arguments.joined(separator: " "))` parsed", sourceLocation: sourceLocation)
    } catch {
      #expect(LessonsCommand.message(for: error).contains(message), "\(LessonsCommand.message(for: error))", sourceLocation: sourceLocation)
    }
  }

  @Test func badExerciseNamesAreUsageErrors() throws {
    expectUsageError(["check", "7"], "no exercise '7' (there are: gru:1, gru:2")
    expectUsageError(
      ["check", "deep-rnn:2"], "exercise deep-rnn:2 is a measured experiment, with nothing to check: run `lessons experiment deep-rnn:2`")
    expectUsageError(["reset", "deep-rnn:4"], "nothing to reset: run `lessons experiment deep-rnn:4`")
    expectUsageError(["hint", "0"], "no exercise '0'")
    expectUsageError(["hint", "nine"], "an exercise is named LESSON:N or N (a number), got 'nine'")
    expectUsageError(["check", "no-such:1"], "no lesson 'no-such' (lessons: \(CourseLessons.names))")
    #expect(try LessonsCommand.parseAsRoot(["hint", "deep-rnn:3"]) is HintCommand)
    let result = try LessonsBinary.run(["check", "7"])
    #expect(result.status == 64)  // EX_USAGE, with the usage
    #expect(result.stderr.contains("no exercise '7'") && result.stderr.contains("Usage: lessons check"))
  }

  /// A bare number means the lesson in context (`--lesson`), else the only lesson with such an
  /// exercise among those the command applies to; an ambiguous one is refused with the choices.
  @Test func bareNumbersResolveOrAreRefusedWithTheChoices() throws {
    expectUsageError(["hint", "3"], "exercise '3' is in several lessons: say which, \(CourseLessons.exercises(numbered: 3))")
    // Several code exercises with one number: the choices are those `check` applies to, not the
    // lessons whose exercise of that number is a discussion or an experiment (deep-rnn:4).
    for number in [2, 4] {
      let choices = CourseLessons.codeExercises(numbered: number)
      #expect(choices.contains(",") && !choices.contains("deep-rnn:"), "\(choices)")
      expectUsageError(["check", "\(number)"], "exercise '\(number)' is in several lessons: say which, \(choices)")
      let refused = Result { try LessonsCommand.parseAsRoot(["check", "\(number)"]) }
      if case .failure(let error) = refused {
        #expect(!LessonsCommand.message(for: error).contains("deep-rnn:\(number)"), "\(LessonsCommand.message(for: error))")
      }
    }
    // Code exercises: deep-rnn:1 and beam-search:1, bi-rnn:2 and seq2seq:2, gru:4 and lstm:4.
    #expect(throws: ExerciseError.self) { try course.exercise("1") { if case .code = $0.kind { return true } else { return false } } }
    #expect(try course.exercise("1", context: course.lesson(named: "beam-search")).0.name == "beam-search")
    #expect(throws: ExerciseError.self) { try course.exercise("2") { if case .code = $0.kind { return true } else { return false } } }
    #expect(try course.exercise("2", context: course.lesson(named: "bi-rnn")).0.name == "bi-rnn")
    #expect(try course.exercise("2", context: course.lesson(named: "deep-rnn")).0.name == "deep-rnn")
    #expect(try course.exercise("bi-rnn:1").0.name == "bi-rnn")
    #expect(throws: ExerciseError.self) { try course.exercise("3") }
  }

  @Test func progressRoundTripsUnderItsHeader() throws {
    let folder = try temporaryFolder()
    let url = folder.appendingPathComponent(".progress")
    var progress = ExerciseProgress()
    progress.records["deep-rnn:1"] = .init(passed: true, fingerprint: ExerciseProgress.fingerprint("answer"))
    progress.records["bi-rnn:2"] = .init(passed: false, fingerprint: ExerciseProgress.fingerprint("other"))
    try progress.save(to: url)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix("# DON'T EDIT THIS FILE!"))
    #expect(text.contains("\nbi-rnn:2 failing ") && text.contains("\ndeep-rnn:1 done "))
    #expect(ExerciseProgress.load(from: url) == progress)
    #expect(ExerciseProgress.load(from: folder.appendingPathComponent("missing")) == ExerciseProgress())
  }

  /// Version 0.4.0 keyed the progress by number alone: each such line goes to the lesson with a
  /// code exercise of that number, and nothing is lost; a line in the new form wins.
  @Test func progressFrom040KeepsItsEntries() throws {
    let package = try copyOfExercises()
    let old = """
      # DON'T EDIT THIS FILE! `lessons check` keeps your exercise progress here.
      # One line per exercise: number, result of the last check, fingerprint of the file checked.
      1 done 00000000000000aa
      2 failing 00000000000000bb

      """
    try old.write(to: package.progressFile, atomically: true, encoding: .utf8)
    let migrated = ExerciseProgress.load(package, course: course)
    #expect(migrated.records == [
      "deep-rnn:1": .init(passed: true, fingerprint: "00000000000000aa"),
      "bi-rnn:2": .init(passed: false, fingerprint: "00000000000000bb"),
    ])
    // Saved in the new form, it reads back the same.
    try migrated.save(to: package.progressFile)
    #expect(ExerciseProgress.load(package, course: course) == migrated)
  }

  /// 0.4.0's answer to deep-rnn's exercise 1 (`Sources/Exercise1/StackedRNN.swift`) moves to the
  /// exercise's file when that is still the starter; it is never overwritten.
  @Test func formerAnswerIsMovedNotLost() throws {
    let package = try copyOfExercises()
    let (_, files) = try Lessons.course.lesson(named: "deep-rnn")!.codeFiles(1, for: "check")
    try FileManager.default.createDirectory(at: package.url("Sources/Exercise1"), withIntermediateDirectories: true)
    try "my 0.4.0 answer".write(to: package.url("Sources/Exercise1/StackedRNN.swift"), atomically: true, encoding: .utf8)
    let moved = try package.moveFormerAnswers(course: course)
    #expect(moved.map(\.1) == [files.file])
    #expect(try package.read(files.file) == "my 0.4.0 answer")
    #expect(!FileManager.default.fileExists(atPath: package.url("Sources/Exercise1/StackedRNN.swift").path))
    // A former file beside an answer already begun stays where it is.
    try "older".write(to: package.url("Sources/Exercise1/StackedRNN.swift"), atomically: true, encoding: .utf8)
    #expect(try package.moveFormerAnswers(course: course).isEmpty)
    #expect(try package.read(files.file) == "my 0.4.0 answer")
  }

  @Test func statusFollowsTheFileAndTheLastCheck() {
    var progress = ExerciseProgress()
    let name = "deep-rnn:1"
    #expect(ExerciseStatus.of(name, text: "start", starter: "start", progress: progress) == .notStarted)
    #expect(ExerciseStatus.of(name, text: "mine", starter: "start", progress: progress) == .failing(checked: false))
    progress.records[name] = .init(passed: false, fingerprint: ExerciseProgress.fingerprint("mine"))
    #expect(ExerciseStatus.of(name, text: "mine", starter: "start", progress: progress) == .failing(checked: true))
    progress.records[name] = .init(passed: true, fingerprint: ExerciseProgress.fingerprint("mine"))
    #expect(ExerciseStatus.of(name, text: "mine", starter: "start", progress: progress) == .done)
    #expect(ExerciseStatus.of(name, text: "mine, edited", starter: "start", progress: progress) == .failing(checked: false))
    // Another lesson's exercise of the same number has a record of its own.
    #expect(ExerciseStatus.of("bi-rnn:1", text: "mine", starter: "start", progress: progress) == .failing(checked: false))
  }

  @Test func resetAsksAndRestoresTheStarterAndKeepsTheOthersProgress() throws {
    let package = try copyOfExercises()
    let lesson = Lessons.course.lesson(named: "deep-rnn")!
    let (info, files) = try lesson.codeFiles(1, for: "reset")
    let reset = ExerciseReset(lesson: lesson, info: info, files: files, package: package, course: course)
    var asked = 0
    #expect(try reset.run { _ in asked += 1; return true } == .alreadyPristine)
    #expect(asked == 0)
    try "edited".write(to: package.url(files.file), atomically: true, encoding: .utf8)
    let other = ExerciseProgress.Record(passed: true, fingerprint: "y")
    try ExerciseProgress(records: ["deep-rnn:1": .init(passed: false, fingerprint: "x"), "bi-rnn:2": other])
      .save(to: package.progressFile)
    #expect(try reset.run { _ in false } == .declined)
    #expect(try package.read(files.file) == "edited")
    #expect(try reset.run { question in question.hasSuffix("[y/N] ") } == .reset)
    #expect(try package.read(files.file) == package.read(files.starter))
    #expect(ExerciseProgress.load(from: package.progressFile).records == ["bi-rnn:2": other])
  }

  /// In the checkout, the learner's package is the one of its workspace (`.lessons/`), never
  /// the tracked template `exercises/`; outside any workspace the error says how to make one.
  @Test func packageIsFoundFromBelowTheProject() throws {
    let sources = LessonsBinary.packageRoot.appendingPathComponent("Sources/Lessons").path
    // Paths, not URLs: a folder's URL gains a trailing slash once the folder exists.
    let workspace = LessonsBinary.packageRoot.appendingPathComponent(".lessons/exercises").standardizedFileURL.path
    #expect(try ExercisesPackage.locate(currentDirectory: sources).root.standardizedFileURL.path == workspace)
    let lessonFolder = LessonsBinary.packageRoot.appendingPathComponent("Sources/DeepRNNLesson/Exercises").path
    #expect(try ExercisesPackage.locate(currentDirectory: lessonFolder).root.standardizedFileURL.path == workspace)
    #expect(throws: WorkspaceError.self) { try ExercisesPackage.locate(currentDirectory: "/tmp") }
  }

  @Test func listShowsEveryExerciseWithItsStatus() throws {
    let package = try copyOfExercises()
    let list = ExerciseList.render(lessons: course.lessons, course: course, package: package)
    #expect(list.contains("deep-rnn:1  A two-layer RNN from scratch"))
    #expect(list.contains("not started"))
    for n in 2...4 { #expect(list.contains("run `lessons experiment deep-rnn:\(n)`")) }
    #expect(list.contains("bi-rnn:2  "))
    #expect(list.contains("beam-search:1  the beam step") && list.contains("seq2seq:2  "))
    #expect(list.contains("gru:4  ") && list.contains("lstm:4  "))
    #expect(list.contains("0/6 checked exercises done"))
  }

  // MARK: - End to end

  /// `lessons check deep-rnn:1` on a copy of the exercises package (never the learner's own file): the
  /// starter fails, a file that does not compile shows the compiler's error, each classic wrong
  /// answer is named, and the project's answer passes. One package, built once and then
  /// incrementally, in a fixed folder of the test build so that later runs reuse the build.
  @Test(.timeLimit(.minutes(20))) func checkOneEndToEnd() throws {
    let package = try copyOfExercises(at: LessonsBinary.url.deletingLastPathComponent().appendingPathComponent("exercises-e2e"))
    let file = package.url("Sources/DeepRNNExercise1/StackedRNN.swift")
    let solution = try package.read("Solutions/DeepRNNExercise1/StackedRNN.swift")
    func check(_ text: String) throws -> LessonsBinary.Result {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return try LessonsBinary.run(["check", "deep-rnn:1", "--exercises", package.root.path])
    }
    /// The answer with `line` of the project's answer replaced by `wrong`.
    func wrongAnswer(_ line: String, _ wrong: String) throws -> String {
      try #require(solution.contains(line), "the project's answer no longer has `\(line)`")
      return solution.replacingOccurrences(of: line, with: wrong)
    }

    let starter = try check(package.read("Starters/DeepRNNExercise1/StackedRNN.swift"))
    #expect(starter.status != 0)
    #expect(starter.stdout.contains("NOT OK  L=2 (I=5, H=4): 2 RNNScratch layers"), "\(starter.stdout)\n\(starter.stderr)")
    #expect(starter.stdout.contains("1 of 5 checks OK"))
    #expect(ExerciseList.render(lessons: [Lessons.course.lesson(named: "deep-rnn")!], course: course, package: package).contains("not started"))

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
    #expect(reference.stdout.contains("11 of 11 checks OK") && reference.stdout.contains("Exercise deep-rnn:1 done ✓"))
    #expect(!reference.stdout.contains("NOT OK"))
    #expect(ExerciseList.render(lessons: [Lessons.course.lesson(named: "deep-rnn")!], course: course, package: package).contains("done ✓"))

    // In Vietnamese (the package is built by now, so this is quick).
    // bi-rnn:2 in the same package: its starter fails, and deep-rnn:1's record stays as it was.
    let records = { ExerciseProgress.load(package, course: course).records }
    let deepRecord = try #require(records()["deep-rnn:1"])
    let biStarter = try LessonsBinary.run(["check", "bi-rnn:2", "--exercises", package.root.path])
    #expect(biStarter.status != 0 && biStarter.stdout.contains("Checking exercise bi-rnn:2"), "\(biStarter.stdout)\n\(biStarter.stderr)")
    #expect(records()["bi-rnn:2"]?.passed == false)
    #expect(records()["deep-rnn:1"] == deepRecord)
    // Resetting bi-rnn:2 forgets its record only.
    try "edited".write(to: package.url("Sources/BiRNNExercise2/DeepBiRNN.swift"), atomically: true, encoding: .utf8)
    #expect(try LessonsBinary.run(["reset", "bi-rnn:2", "--yes", "--exercises", package.root.path]).status == 0)
    #expect(records()["bi-rnn:2"] == nil && records()["deep-rnn:1"] == deepRecord)

    let vietnamese = try LessonsBinary.run(["check", "deep-rnn:1", "--lang", "vi", "--exercises", package.root.path])
    #expect(vietnamese.status == 0, "\(vietnamese.stdout)\n\(vietnamese.stderr)")
    #expect(vietnamese.stdout.contains("Đang kiểm tra bài tập deep-rnn:1") && vietnamese.stdout.contains("Xong bài tập deep-rnn:1 ✓"))
    // The checker's rows too: it gets the language in LESSONS_LANG.
    #expect(vietnamese.stdout.contains("mỗi tầng có trọng số riêng") && vietnamese.stdout.contains("11/11 phép kiểm tra OK"))
    // A wrong answer, diagnosed in Vietnamese (the project's answer is put back afterwards).
    try wrongAnswer(step, "let (steps, state) = rnn(outputs)")
      .write(to: file, atomically: true, encoding: .utf8)
    let wrong = try LessonsBinary.run(["check", "deep-rnn:1", "--lang", "vi", "--exercises", package.root.path])
    #expect(wrong.status != 0)
    #expect(wrong.stdout.contains("NOT OK") && wrong.stdout.contains("bỏ qua trạng thái trước"), "\(wrong.stdout)")
    #expect(wrong.stdout.contains("GỢI Ý: hãy bắt đầu từ dòng NOT OK đầu tiên"))
    try solution.write(to: file, atomically: true, encoding: .utf8)
  }

  // MARK: - Helpers

  private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-exercises-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A fresh exercises package made from the lessons' folders (the learner's files start as
  /// the starters) at `folder` (a new temporary folder when nil), keeping a build there, its
  /// manifest pointed at this project.
  private func copyOfExercises(at folder: URL? = nil) throws -> ExercisesPackage {
    let files = FileManager.default
    let root = try folder ?? temporaryFolder().appendingPathComponent("exercises")
    try files.createDirectory(at: root, withIntermediateDirectories: true)
    for item in try files.contentsOfDirectory(atPath: root.path) where item != ".build" {
      try files.removeItem(at: root.appendingPathComponent(item))
    }
    try ExercisesTemplate(sourcesRoot: LessonsBinary.packageRoot).write(to: root)
    return ExercisesPackage(root: root)
  }
}
