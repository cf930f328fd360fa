import ArgumentParser
import Foundation
import LessonEngine

/// `lessons init [DIR]`: makes the learner's workspace (rustlings' `init`), or brings one up to
/// date while keeping the learner's work.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make a workspace for your exercises, edited steps, results and caches (or update one).",
    discussion: """
      A workspace is a folder of your own: exercises/ (your answers, `lessons check`), \
      playground/ (your edited steps, `lessons edit`), results/, data/ and cache/. Every command \
      finds it from the current folder upward, or through LESSONS_HOME. Run again in a \
      workspace, init updates the files you have not changed and keeps the ones you have. In \
      the source checkout the workspace is its ignored .lessons/ folder, made on first use.
      """)

  @Argument(help: "The workspace folder (default: the workspace you are in, else the current folder; in the checkout, its .lessons/).")
  var directory: String?

  @Flag(help: "Complete a half-made workspace (an interrupted init), keeping every file in it.")
  var repair = false

  func run() throws {
    guard let sources = SourceTree.ofTool() else {
      fail(WorkspaceError.noSources(executable: SourceTree.executableURL.path))
    }
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    // Without DIR: the workspace this folder is in (LESSONS_HOME aside: init names its folder).
    let here = try? Workspace.find(from: cwd, environment: [:])
    let root = directory.map { URL(fileURLWithPath: $0, relativeTo: cwd.appendingPathComponent("/")).standardizedFileURL }
      ?? here?.workspace.root
      ?? cwd
    let report: WorkspaceSetup.Report
    do { report = try WorkspaceSetup(root: root, sources: sources).run(repair: repair) } catch let error as WorkspaceError {
      fail(error)
    }
    Console.write(Self.summary(report, root: root, sources: sources) + "\n")
  }

  private func fail(_ error: WorkspaceError) -> Never {
    Console.error("error: \(error)")
    Self.exit(withError: ExitCode.failure)
  }

  /// What was made or changed, and what to do next.
  static func summary(_ report: WorkspaceSetup.Report, root: URL, sources: SourceTree) -> String {
    let shown = Workspace.display(root)
    var lines: [String] = []
    if report.created {
      lines.append("Made a lessons workspace in \(shown) (building against \(sources.root.path)).")
    } else {
      let upgrade = report.previousFormat.map { $0 < WorkspaceManifest.currentFormat ? " (upgraded from format \($0))" : "" } ?? ""
      let changes = report.added.count + report.updated.count
      lines.append("Workspace \(shown) \(changes == 0 ? "is up to date" : "updated")\(upgrade), lessons \(ToolVersion.number).")
      for path in report.added { lines.append("  added    \(path)") }
      for path in report.updated { lines.append("  updated  \(path)") }
      for path in report.kept { lines.append("  kept     \(path) (yours)") }
    }
    let enter = root.path == FileManager.default.currentDirectoryPath ? [] : ["  cd \(shown)"]
    let first = course.lessons.first?.name ?? "LESSON"
    lines += ["", "Next:"] + enter + [
      "  lessons list                  the course: its lessons, their steps, your progress",
      "  lessons run \(first)" + String(repeating: " ", count: max(1, 18 - first.count)) + "walk through the first lesson",
      "  lessons edit STEP             change a step's code and run it",
      "  lessons exercises             the exercises; `lessons check LESSON:N` checks your answer",
    ]
    return lines.joined(separator: "\n")
  }
}
