/// A step as the lesson engine runs it: id, summary, parameters, and a call that reads the
/// parameter values and earlier results and stores its own. Made from a `LessonStep` type
/// (`ScratchStack.definition`). The code a learner sees for a step is the region between
/// `// ANCHOR: id` and `// ANCHOR_END: id` in the step's source file, and a test checks that the
/// lesson shows exactly that code.
public struct StepDefinition {
  public let id: String
  /// A one-line summary for `lessons list`, in the current language (looked up when read, so
  /// that a catalogue made before `--lang` is applied still speaks the learner's language).
  public var summary: String { summaryText() }
  private let summaryText: () -> String
  /// The parameters the directive may set (each must get a default in the lesson file).
  public let parameters: [StepParameter]
  /// Steps whose results this one uses (run quietly first by `--step`).
  public let requires: [String]
  /// Runs the step: reads values and earlier results, prints what it computed, stores its own.
  public let run: (StepOutput, StepValues, StepResults) throws -> Void

  public init(
    id: String, summary: @escaping @autoclosure () -> String, parameters: [StepParameter], requires: [String],
    run: @escaping (StepOutput, StepValues, StepResults) throws -> Void
  ) {
    self.id = id
    self.summaryText = summary
    self.parameters = parameters
    self.requires = requires
    self.run = run
  }
}

/// The steps one lesson's directives may name.
public struct StepCatalog {
  public let all: [StepDefinition]

  public init(_ all: [StepDefinition]) { self.all = all }

  /// The step called `id`, if the lesson has one.
  public func definition(_ id: String) -> StepDefinition? { all.first { $0.id == id } }

  /// The same catalogue with `replacement` in place of the step of the same id.
  public func replacing(_ replacement: StepDefinition) -> StepCatalog {
    StepCatalog(all.map { $0.id == replacement.id ? replacement : $0 })
  }
}

/// A step that cannot run, e.g. because a data file is missing.
public struct StepError: Error, CustomStringConvertible {
  public let description: String
  /// The data file whose absence stopped the step, and why it could not be had, when that is
  /// the reason: the walk skips such a step and goes on (unless the lesson declares the file
  /// indispensable: the corpus every step needs).
  public let missingData: (file: String, reason: String)?

  public init(_ description: String, missingData: (file: String, reason: String)? = nil) {
    self.description = description
    self.missingData = missingData
  }
}
