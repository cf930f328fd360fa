import Foundation

/// A step's code as the learner's playground file holds it: the step type's `run` function,
/// taken from the lesson's own source, turned into a free function that the learner may change.
///
/// The file is written once and is the learner's from then on: an edit that does not compile
/// stays, and only `--reset` writes the lesson's code back.
public struct StepSource {
  /// The step's id (`scratch-stack`).
  public let id: String
  /// The step's type (`ScratchStackStep`).
  public let typeName: String
  /// The free function's name (`scratchStack`).
  public var functionName: String { Self.camel(id) }
  /// The whole file: header comment, imports, then the function.
  public let text: String
  /// The lesson's Swift module, which the file imports.
  public let module: String

  /// Reads step `id`'s `run` from the `LessonStep` type that declares `static let id = "id"` in
  /// `stepsFolder` (the lesson's `stepsFolder`), in the lesson's Swift `module`.
  /// - Throws: `PlaygroundError.noSource` when no such step or function is there.
  public init(id: String, stepsFolder: URL, module: String) throws {
    self.module = module
    for name in (try? FileManager.default.contentsOfDirectory(atPath: stepsFolder.path))?.sorted() ?? [] where name.hasSuffix(".swift") {
      let lines = ((try? String(contentsOf: stepsFolder.appendingPathComponent(name), encoding: .utf8)) ?? "")
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard let idLine = lines.firstIndex(where: { $0.contains("static let id = \"\(id)\"") }),
            let typeLine = lines[..<idLine].lastIndex(where: { $0.contains("enum ") && $0.contains(": ") }),
            let typeName = Self.typeName(lines[typeLine]),
            let function = Self.runFunction(lines, after: idLine)
      else { continue }
      self.id = id
      self.typeName = typeName
      self.text = Self.file(id: id, typeName: typeName, function: function, name: Self.camel(id), module: module)
      return
    }
    throw PlaygroundError.noSource(step: id, folder: stepsFolder.path)
  }

  private static func camel(_ id: String) -> String {
    let words = id.split(separator: "-").map(String.init)
    return words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// `public enum ScratchStackStep: LessonStep {` → `ScratchStackStep`.
  private static func typeName(_ line: String) -> String? {
    guard let range = line.range(of: #"enum \w+"#, options: .regularExpression) else { return nil }
    return String(line[range].dropFirst("enum ".count))
  }

  /// The lines of `static func run(…) { … }` after `start`, up to the brace that closes it at
  /// the same indentation.
  private static func runFunction(_ lines: [String], after start: Int) -> [String]? {
    guard let first = lines[start...].firstIndex(where: { $0.contains("static func run(") }) else { return nil }
    let indent = String(lines[first].prefix { $0 == " " })
    guard let last = lines[(first + 1)...].firstIndex(where: { $0 == indent + "}" }) else { return nil }
    return Array(lines[first...last])
  }

  /// The playground file: the function made free, `Input` and `Output` qualified by the type.
  private static func file(id: String, typeName: String, function: [String], name: String, module: String) -> String {
    let indent = function[0].prefix { $0 == " " }.count
    var body = function.map { $0.count >= indent ? String($0.dropFirst(indent)) : $0 }
    body[0] = body[0]
      .replacingOccurrences(of: #"(public )?static func run\("#, with: "func \(name)(", options: .regularExpression)
    for k in body.indices {
      body[k] = body[k]
        .replacingOccurrences(of: #"(?<![\w.])Input\b"#, with: "\(typeName).Input", options: .regularExpression)
        .replacingOccurrences(of: #"(?<![\w.])Output\b"#, with: "\(typeName).Output", options: .regularExpression)
    }
    return """
      // Step \(id): your copy of its code. Change it, save and close the editor; `lessons`
      // builds this file and runs it with exactly the inputs the step gets in the lesson, and
      // shows its output in the step's place. The lesson's code is the part between the
      // ANCHOR lines; what follows prints the results. Start over: lessons edit \(id) --reset
      import CourseKit
      import D2L
      import \(module)
      import Foundation
      import LessonEngine

      \(body.joined(separator: "\n"))

      /// The lesson's strings in the walk's language, as the step's own code looks them up.
      private func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
        \(module).lesson.strings(key, arguments)
      }

      """
  }
}

/// Why the playground cannot do what was asked, worded for the learner.
public enum PlaygroundError: Error, CustomStringConvertible, Equatable {
  case noSource(step: String, folder: String)
  case notEditable(step: String, editable: [String])
  case notFound(searched: [String])
  case editorFailed(command: String, reason: String)

  public var description: String {
    switch self {
    case let .noSource(step, folder):
      return "no source for step '\(step)' in \(folder): the playground needs the project's sources beside it"
    case let .notEditable(step, editable):
      return "step '\(step)' shows no code to edit; these do: \(editable.joined(separator: ", "))"
    case let .notFound(searched):
      return "no playground/ package found (looked in \(searched.joined(separator: ", ")))"
    case let .editorFailed(command, reason):
      return "the editor (\(command)) did not run: \(reason). Set EDITOR to your editor, e.g. EDITOR=nano"
    }
  }
}
