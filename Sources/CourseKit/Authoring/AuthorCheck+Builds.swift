import Foundation
import LessonEngine

extension AuthorCheck {
  /// Builds every shown step's code as the learner's playground would hold it, all in one
  /// build of a scratch playground; each compiler error is a problem at the step's line.
  func buildShownCode(_ document: LessonDocument, log: (String) -> Void) -> [AuthorProblem] {
    let shown = document.steps.filter(\.showsCode)
    guard !shown.isEmpty else { return [] }
    let folder = scratchFolder.appendingPathComponent("playground")
    do {
      try copyPackage(from: sourcesRoot.appendingPathComponent("playground"), to: folder, keeping: ".build")
      let playground = Playground(root: folder, lesson: lesson)
      for step in shown { try playground.reset(step.id) }
      log("playground: building \(shown.count) shown steps in \(folder.path)")
      let build = try playground.build()
      guard !build.built else { return [] }
      return Self.diagnosticsByFile(build.diagnostics).map { name, message in
        let step = shown.first { "\($0.id).swift" == name }
        return AuthorProblem(
          file: document.file, line: step?.line,
          reason: "step '\(step?.id ?? name)': its code does not build in the playground: \(message)")
      }
    } catch {
      return [AuthorProblem(file: document.file, line: nil, reason: "the playground could not be built: \(error)")]
    }
  }

  /// Each code exercise, in a scratch exercises package made from the lessons' folders: the
  /// solution in the learner's place must pass its checker, and the starter must build and
  /// fail it.
  func checkExercises(log: (String) -> Void) -> [AuthorProblem] {
    var problems: [AuthorProblem] = []
    let folder = scratchFolder.appendingPathComponent("exercises")
    for info in lesson.exercises() {
      guard let files = lesson.codeExercise(info) else { continue }
      let name = lesson.exerciseName(info.number)
      do {
        try clear(folder, keeping: ".build")
        // The package builds every exercise's target: the others' answers start as their starters.
        try ExercisesTemplate(sourcesRoot: sourcesRoot, exercisesRoot: exercisesRoot).write(to: folder)
        let build = SwiftPackageBuild(root: folder)
        for (kind, source, shouldPass) in [("solution", files.sourceSolution, true), ("starter", files.sourceStarter, false)] {
          let shown = exercisesRoot.appendingPathComponent(source).path
          try Data(contentsOf: exercisesRoot.appendingPathComponent(source)).write(to: folder.appendingPathComponent(files.file))
          log("exercise \(name): checking the \(kind) (\(source))")
          let (built, output) = try build.build(product: files.checker)
          guard built else {
            let first = SwiftPackageBuild.diagnostics(output).split(separator: "\n").first.map(String.init) ?? ""
            problems.append(AuthorProblem(file: shown, line: 1, reason: "exercise \(name)'s \(kind) does not compile: \(first)"))
            continue
          }
          let passed = try build.run(product: files.checker, arguments: [], quiet: true) == .exited(0)
          if passed != shouldPass {
            problems.append(AuthorProblem(
              file: shown, line: 1,
              reason: shouldPass ? "exercise \(name)'s solution fails its check" : "exercise \(name)'s starter passes its check: it must leave the exercise to do"))
          }
        }
      } catch {
        problems.append(AuthorProblem(file: exercisesRoot.appendingPathComponent(files.folder).path, line: nil, reason: "exercise \(name) could not be checked: \(error)"))
      }
    }
    return problems
  }

  /// Empties `folder` (making it when missing) but for its entry `kept` (the build folder, so
  /// that later builds are incremental).
  func clear(_ folder: URL, keeping kept: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in try manager.contentsOfDirectory(atPath: folder.path) where name != kept {
      try manager.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  /// Copies package `source` into `target` (replacing what is there but `keeping` its build
  /// folder), its Package.swift pointed at the project by absolute path.
  func copyPackage(from source: URL, to target: URL, keeping kept: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: target, withIntermediateDirectories: true)
    for name in try manager.contentsOfDirectory(atPath: target.path) where name != kept {
      try manager.removeItem(at: target.appendingPathComponent(name))
    }
    for name in try manager.contentsOfDirectory(atPath: source.path) where name != kept && !name.hasPrefix(".") {
      try manager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
    }
    let manifest = target.appendingPathComponent("Package.swift")
    let text = try String(contentsOf: manifest, encoding: .utf8)
      .replacingOccurrences(of: #"let projectRoot = "..""#, with: #"let projectRoot = "\#(sourcesRoot.path)""#)
    try text.write(to: manifest, atomically: true, encoding: .utf8)
  }

  /// The compiler's errors, by the file name they are in (`scratch-stack.swift`).
  static func diagnosticsByFile(_ diagnostics: String) -> [(String, String)] {
    var found: [(String, String)] = []
    for line in diagnostics.split(separator: "\n") where line.contains(": error: ") {
      let path = line.prefix { $0 != ":" }
      let name = URL(fileURLWithPath: String(path)).lastPathComponent
      found.append((name, String(line[line.range(of: "error: ")!.upperBound...])))
    }
    return found.isEmpty ? [("", diagnostics.split(separator: "\n").first.map(String.init) ?? "unknown error")] : found
  }
}
