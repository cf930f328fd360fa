/// A parsed lesson: prose to render and steps to run, in the order of the Markdown file.
///
///     let lesson = try LessonParser.load(path: "lessons/my-lesson.md")
///     for block in lesson.blocks {
///       switch block {
///       case .prose(let blocks): print(renderer.render(blocks), terminator: "")
///       case .step(let step): run(step)   // step.id, step.parameters, step.code
///       }
///     }
public struct LessonDocument: Equatable, Sendable {
  /// The path used in diagnostics (`lessons/my-lesson.md`).
  public var file: String
  public var blocks: [LessonBlock]

  /// The steps in lesson order.
  public var steps: [StepDirective] {
    blocks.compactMap { if case .step(let step) = $0 { step } else { nil } }
  }

  /// The step with identifier `id`, if the lesson has one.
  public func step(id: String) -> StepDirective? {
    steps.first { $0.id == id }
  }
}

/// One element of a lesson: a run of prose between steps, or a step.
public enum LessonBlock: Equatable, Sendable {
  case prose([MarkdownBlock])
  case step(StepDirective)
}

/// A step directive: a fenced block that the lesson runner executes.
///
/// Written ```` ```swift step=ID name=value … ```` (code shown to the learner) or
/// ```` ```step ID name=value … ```` (runs without showing code). The attributes other than
/// `step` are the step's parameter defaults, as strings; the runner validates them.
public struct StepDirective: Equatable, Sendable {
  public var id: String
  /// `name=value` attributes in the order written.
  public var parameters: [(name: String, value: String)]
  /// The block's text without its final newline; empty for most ```` ```step ```` blocks.
  public var code: String
  /// The fence's language (`swift`), or nil for a ```` ```step ```` block.
  public var language: String?
  /// 1-based line of the opening fence.
  public var line: Int

  /// The default value of parameter `name`, if the directive sets it.
  public func parameter(_ name: String) -> String? {
    parameters.first { $0.name == name }?.value
  }

  /// Whether the learner sees the step's code.
  public var showsCode: Bool { language != nil }

  public static func == (lhs: StepDirective, rhs: StepDirective) -> Bool {
    lhs.id == rhs.id && lhs.code == rhs.code && lhs.language == rhs.language
      && lhs.line == rhs.line && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
      && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
  }
}

/// A problem in a lesson file, reported as `FILE:LINE: reason` (the format compilers use, so
/// terminals and editors make it clickable).
public struct LessonError: Error, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line, or nil when the problem is the whole file (it cannot be read).
  public var line: Int?
  public var reason: String

  public init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
