import D2L
import Foundation
import LessonEngine

/// The learner's `playground/` package, beside the project like `exercises/`: one file per
/// edited step, a generated `main.swift` that registers them, built apart from the project.
///
///     let playground = try Playground.locate()
///     let file = try playground.prepare("scratch-stack")   // the lesson's code, the first time
///     try playground.openEditor(file)
///     let build = try playground.build()                     // only the edited file recompiles
public struct Playground {
  /// The `playground/` folder.
  public let root: URL
  /// The lesson whose steps are edited here.
  public let lesson: Lesson
  /// The project the playground sits in (its `projectRoot`): where the lessons' sources are.
  public let projectRoot: URL
  /// The lesson's step sources, from which a step's code is taken the first time.
  public let stepsFolder: URL

  /// The playground at `root` for `lesson`, whose Package.swift names the project
  /// (`let projectRoot = "…"`).
  public init(root: URL, lesson: Lesson) {
    self.root = root.standardizedFileURL
    self.lesson = lesson
    let manifest = (try? String(contentsOf: self.root.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
    let project = manifest.split(separator: "\n").first { $0.hasPrefix("let projectRoot = \"") }
      .map { String($0.dropFirst("let projectRoot = \"".count).prefix { $0 != "\"" }) } ?? ".."
    projectRoot = URL(fileURLWithPath: project, relativeTo: self.root.appendingPathComponent("/")).standardizedFileURL
    stepsFolder = projectRoot.appendingPathComponent(lesson.stepsFolder).standardizedFileURL
  }

  /// The environment variable that names another playground folder (tests use a copy).
  public static let environmentVariable = "D2L_PLAYGROUND"

  /// `$D2L_PLAYGROUND`, else the playground in or above the current folder, else above the
  /// `lessons` executable.
  public static func locate(lesson: Lesson, currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> Playground {
    if let explicit = ProcessInfo.processInfo.environment[environmentVariable], !explicit.isEmpty {
      let url = URL(fileURLWithPath: explicit)
      guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) else {
        throw PlaygroundError.notFound(searched: [url.path])
      }
      return Playground(root: url, lesson: lesson)
    }
    var searched: [String] = []
    for start in [URL(fileURLWithPath: currentDirectory), ExercisesPackage.executableURL.deletingLastPathComponent()] {
      var folder = start.standardizedFileURL
      while true {
        let candidate = folder.appendingPathComponent("playground")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
          return Playground(root: candidate, lesson: lesson)
        }
        searched.append(candidate.path)
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
    }
    throw PlaygroundError.notFound(searched: Array(searched.prefix(3)))
  }

  /// Where edited steps live.
  var sourcesFolder: URL { root.appendingPathComponent("Sources/Playground") }
  /// Where expensive step outputs (the trained model) are handed over between processes.
  public var handoverFolder: URL { root.appendingPathComponent(".handover") }

  /// The learner's file for step `id`.
  public func file(for id: String) -> URL { sourcesFolder.appendingPathComponent("\(id).swift") }

  /// The lesson's code as it was when the learner's file was written: what tells an edit
  /// (the file differs from it) from a lesson that changed since (it differs from the source).
  func original(for id: String) -> URL { root.appendingPathComponent(".originals/\(id).swift") }

  /// The ids of the steps the learner has edited (a file that differs from the lesson's code).
  public var editedSteps: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sourcesFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".swift") && $0 != "main.swift" }.map { String($0.dropLast(6)) }.sorted()
      .filter(isEdited)
  }

  /// Whether the learner changed step `id`'s file from the lesson's code it was written from.
  public func isEdited(_ id: String) -> Bool {
    guard let mine = try? String(contentsOf: file(for: id), encoding: .utf8) else { return false }
    let written = (try? String(contentsOf: original(for: id), encoding: .utf8))
      ?? (try? StepSource(id: id, stepsFolder: stepsFolder, module: lesson.module).text)
    return mine != written
  }

  /// The learner's file for `id`, written from the lesson's code if it does not exist yet or
  /// is an unedited copy of an older lesson (an edited file is never touched), and
  /// `main.swift` registering every step file there.
  @discardableResult
  public func prepare(_ id: String) throws -> URL {
    try FileManager.default.createDirectory(at: sourcesFolder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: original(for: id).deletingLastPathComponent(), withIntermediateDirectories: true)
    let url = file(for: id)
    let lesson = try StepSource(id: id, stepsFolder: stepsFolder, module: lesson.module).text
    if !FileManager.default.fileExists(atPath: url.path) || (!isEdited(id) && (try? String(contentsOf: url, encoding: .utf8)) != lesson) {
      try lesson.write(to: url, atomically: true, encoding: .utf8)
      try lesson.write(to: original(for: id), atomically: true, encoding: .utf8)
    }
    try writeMain()
    return url
  }

  /// Puts the lesson's code back for `id` (the learner's file is replaced).
  public func reset(_ id: String) throws {
    try? FileManager.default.removeItem(at: file(for: id))
    try? FileManager.default.removeItem(at: original(for: id))
    try prepare(id)
  }

  /// `main.swift`: every step file's function registered in place of the lesson's step.
  /// Rewritten only when it changes, so that an edit recompiles one file.
  private func writeMain() throws {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: sourcesFolder.path)) ?? [])
      .filter { $0.hasSuffix(".swift") && $0 != "main.swift" }.sorted()
    let entries = try names.map { name -> String in
      let source = try StepSource(id: String(name.dropLast(6)), stepsFolder: stepsFolder, module: lesson.module)
      return "  \(source.typeName).definition(running: \(source.functionName)),"
    }
    let text = """
      // Written by `lessons`: runs one step of the lesson with the learner's code.
      import CourseKit
      import \(lesson.module)

      PlaygroundMain.run(lesson: \(lesson.module).lesson, edited: [
      \(entries.joined(separator: "\n"))
      ])

      """
    let url = sourcesFolder.appendingPathComponent("main.swift")
    if (try? String(contentsOf: url, encoding: .utf8)) != text { try text.write(to: url, atomically: true, encoding: .utf8) }
  }

  /// The editor command: `$VISUAL`, `$EDITOR`, else nano, else vi.
  public static var editorCommand: String {
    let environment = ProcessInfo.processInfo.environment
    for name in ["VISUAL", "EDITOR"] { if let value = environment[name], !value.isEmpty { return value } }
    let nano = ["/usr/bin/nano", "/bin/nano"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    return nano ? "nano" : "vi"
  }

  /// Opens `file` in the editor on this terminal and waits for it to close.
  public func openEditor(_ file: URL) throws {
    let command = Self.editorCommand
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // The editor may be a command with arguments ("code --wait"): the shell splits it.
    process.arguments = ["-c", "\(command) \"$1\"", "editor", file.path]
    do { try process.run() } catch { throw PlaygroundError.editorFailed(command: command, reason: "\(error)") }
    process.waitUntilExit()
    if process.terminationStatus == 127 {
      throw PlaygroundError.editorFailed(command: command, reason: "command not found")
    }
  }

  /// Whether the playground has been built before (later builds compile only what changed).
  public var hasBeenBuilt: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(".build").path) }

  /// Builds the playground; on failure, the compiler's diagnostics (file:line:column first).
  public func build(onLine: (String) -> Void = { _ in }) throws -> (built: Bool, diagnostics: String) {
    let (built, output) = try SwiftPackageBuild(root: root).build(product: "playground", onLine: onLine)
    return (built, built ? "" : SwiftPackageBuild.diagnostics(output))
  }

  /// Runs step `id` of `lesson` with the learner's code, its output on this process's
  /// standard output. Returns whether it ran to the end.
  /// - Parameters:
  ///   - overrides: the command line's `--set`s, for every step.
  ///   - values: the step's own values (after `s`), for this step only.
  public func run(
    step id: String, lesson: String, overrides: [String], values: [String: String] = [:], color: Bool, width: Int
  ) throws -> Bool {
    var arguments = [
      "--lesson", lesson, "--step", id, "--handover", handoverFolder.path, "--sources", projectRoot.path, "--width", String(width),
      "--lang", Language.current.rawValue,
    ]
    if color { arguments.append("--color") }
    for o in overrides { arguments += ["--set", o] }
    for (name, value) in values.sorted(by: { $0.key < $1.key }) { arguments += ["--value", "\(name)=\(value)"] }
    let ending = try SwiftPackageBuild(root: root).run(
      product: "playground", arguments: arguments, directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    return ending == .exited(0)
  }
}
