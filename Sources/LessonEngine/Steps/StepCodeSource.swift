import Foundation

/// Where a step's code is written, once: in the step's Swift source, between
/// `// ANCHOR: id` and `// ANCHOR_END: id`. A lesson file shows it without copying it (mdBook's
/// `{{#include}}`): a step's fence with no body shows the region of the step's own id in the
/// lesson's steps folder, and a body `{{#include PATH:ANCHOR}}` shows region ANCHOR of PATH
/// (relative to the sources root). The playground's `StepSource` reads the same files.
///
///     let source = StepCodeSource(root: projectRoot, stepsFolder: "Sources/MyLesson/Steps")
///     let document = try source.filling(try LessonParser.load(path: "lessons/my-lesson.md"))
public struct StepCodeSource {
  /// The folder the project's sources are under (the package root, or where an installed tool
  /// keeps them).
  public let root: URL
  /// The lesson's steps folder, relative to `root`.
  public let stepsFolder: String

  public init(root: URL, stepsFolder: String) {
    self.root = root.standardizedFileURL
    self.stepsFolder = stepsFolder
  }

  /// The environment variable that names the sources root (an installed tool, tests).
  public static let environmentVariable = "D2L_SOURCES_ROOT"

  /// The sources root for `stepsFolder`: `root` when given, else `$D2L_SOURCES_ROOT`, else the
  /// folder holding the `lessons/` folder the lessons are found in (see `LessonLocator`).
  public static func locate(stepsFolder: String, root: URL? = nil) -> StepCodeSource? {
    var candidates: [URL] = []
    if let root { candidates.append(root) }
    if let explicit = ProcessInfo.processInfo.environment[environmentVariable], !explicit.isEmpty {
      candidates.append(URL(fileURLWithPath: explicit))
    }
    candidates += LessonLocator.lessonDirectories.map { $0.deletingLastPathComponent() }
    return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(stepsFolder).path) }
      .map { StepCodeSource(root: $0, stepsFolder: stepsFolder) }
  }

  /// Step `id`'s code: its anchored region in one of the steps folder's files.
  public func code(_ id: String) -> String? {
    let folder = root.appendingPathComponent(stepsFolder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
    for name in names where name.hasSuffix(".swift") {
      guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
      if let code = AnchoredRegion.code(id, in: text) { return code }
    }
    return nil
  }

  /// Region `anchor` of `path` (relative to the root).
  public func code(path: String, anchor: String) -> String? {
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
    return AnchoredRegion.code(anchor, in: text)
  }

  /// `document` with every shown step's code filled in from the sources.
  /// - Throws: `LessonError` (`FILE:LINE: reason`) for a step whose region does not exist.
  public func filling(_ document: LessonDocument) throws -> LessonDocument {
    var filled = document
    for (k, block) in filled.blocks.enumerated() {
      guard case .step(var step) = block else { continue }
      let body = step.code.trimmingCharacters(in: .whitespacesAndNewlines)
      // Code written in the fence would be shown but never run: the step runs its own.
      if !body.isEmpty && Self.include(body) == nil {
        throw LessonError(
          file: document.file, line: step.line + 1,
          reason: "step '\(step.id)': a step's fence holds no code of its own (it runs its '// ANCHOR: \(step.id)' region in \(stepsFolder)): leave it empty, or write {{#include PATH:ANCHOR}}; `lessons edit \(step.id)` changes the code")
      }
      guard step.showsCode else { continue }
      let code: String?
      let wanted: String
      if body.isEmpty {
        code = self.code(step.id)
        wanted = "no '// ANCHOR: \(step.id)' region in \(stepsFolder)"
      } else {
        let (path, anchor) = Self.include(body)!
        code = self.code(path: path, anchor: anchor)
        wanted = "no '// ANCHOR: \(anchor)' region in \(path)"
      }
      guard let code else { throw LessonError(file: document.file, line: step.line, reason: "step '\(step.id)': \(wanted)") }
      step.code = code
      filled.blocks[k] = .step(step)
    }
    return filled
  }

  /// `{{#include PATH:ANCHOR}}` → (PATH, ANCHOR).
  static func include(_ body: String) -> (String, String)? {
    guard body.hasPrefix("{{#include "), body.hasSuffix("}}") else { return nil }
    let inner = body.dropFirst("{{#include ".count).dropLast(2).trimmingCharacters(in: .whitespaces)
    guard let colon = inner.lastIndex(of: ":") else { return nil }
    return (String(inner[..<colon]), String(inner[inner.index(after: colon)...]))
  }
}
