/// A step of a lesson, like a notebook cell with a signature: a typed input (its parameters'
/// values and what earlier steps produced), the code the lesson shows, and a typed output that
/// later steps read.
///
///     enum ScratchStack: LessonStep {
///       static func input(_ values: StepValues, _ results: StepResults) throws -> Input { … }
///       static func run(_ input: Input, _ out: StepOutput) throws -> Output {
///         // ANCHOR: scratch-stack   (the code the lesson shows)
///       }
///     }
public protocol LessonStep {
  /// What the step computes from: parameter values and earlier steps' outputs.
  associatedtype Input
  /// What later steps may read.
  associatedtype Output

  /// The id that directives name (`step=scratch-stack`).
  static var id: String { get }
  /// A one-line summary for headers and `lessons list`.
  static var summary: String { get }
  /// The parameters a directive may set; each needs a default in the lesson file.
  static var parameters: [StepParameter] { get }
  /// The steps whose outputs `input` reads: the step's contract, declared once. The step's
  /// cache key includes theirs (so a change upstream makes it stale), `--step` runs them
  /// quietly first, and `input` gets a view of the results that serves these steps only.
  static var requires: [String] { get }

  /// Gathers the input from this run's parameter values and earlier steps' outputs.
  /// `results` serves only the steps in `requires`: reading another throws
  /// `StepContractError` naming this step and the input (never a stale result).
  /// - Throws: `StepError` when a step it needs has not run.
  static func input(_ values: StepValues, _ results: StepResults) throws -> Input

  /// Runs the step, printing what it computed to `out`.
  static func run(_ input: Input, _ out: StepOutput) throws -> Output
}

extension LessonStep {
  public static var parameters: [StepParameter] { [] }
  public static var requires: [String] { [] }

  /// The step as the runner sees it: one call from values to a stored output.
  public static var definition: StepDefinition { definition(running: run) }

  /// The step with another body, e.g. a learner's edited copy of `run`: same id, parameters
  /// and inputs, same type of output.
  public static func definition(running body: @escaping (Input, StepOutput) throws -> Output) -> StepDefinition {
    StepDefinition(id: id, summary: summary, parameters: parameters, requires: requires) { out, values, results in
      let declared = results.declared(for: id, requires: requires)
      results.store(try body(try input(values, declared), out), of: Self.self)
    }
  }
}

extension LessonStep where Input == StepValues {
  /// A step that needs nothing but its parameters.
  public static func input(_ values: StepValues, _ results: StepResults) throws -> StepValues { values }
}

/// The outputs of the steps run so far in one walk through a lesson, each under its step's type,
/// like a notebook's variables. A step's `input` reads them through a view that serves only the
/// steps it declares in `requires` (`declared(for:requires:)`): what a step reads is what its
/// cache key covers.
public final class StepResults {
  /// The outputs, shared by the walk's results and every view of them.
  private final class Storage {
    var outputs: [String: Any] = [:]
  }

  private let storage: Storage
  /// The step reading through this view and what it declared; nil for the walk's own results.
  private let reader: (step: String, declared: Set<String>)?

  public init() {
    storage = Storage()
    reader = nil
  }

  private init(storage: Storage, reader: (step: String, declared: Set<String>)) {
    self.storage = storage
    self.reader = reader
  }

  /// The results as step `step` may read them: the outputs of `requires` only.
  public func declared(for step: String, requires: [String]) -> StepResults {
    StepResults(storage: storage, reader: (step, Set(requires)))
  }

  /// Keeps `output` as step `S`'s result, replacing an earlier run's.
  public func store<S: LessonStep>(_ output: S.Output, of step: S.Type) { storage.outputs[S.id] = output }

  /// Step `S`'s result.
  /// - Throws: `StepContractError` when this view's step did not declare `S` in `requires`;
  ///   `StepError` naming the step to run first.
  public func output<S: LessonStep>(of step: S.Type) throws -> S.Output {
    if let reader, !reader.declared.contains(S.id) { throw StepContractError(step: reader.step, input: S.id) }
    guard let output = storage.outputs[S.id] as? S.Output else { throw StepError(tr("step.runFirst", ["id": S.id])) }
    return output
  }

  /// Step `S`'s result, or nil when it has not run (or, in a step's view, is not declared).
  public func outputIfRun<S: LessonStep>(of step: S.Type) -> S.Output? {
    if let reader, !reader.declared.contains(S.id) { return nil }
    return storage.outputs[S.id] as? S.Output
  }
}

/// A step read the output of a step it does not declare in `requires`: its cache key would not
/// cover that input, so a change there would not make it stale. Refused when the step runs (the
/// walk, `lessons author check`), naming both.
public struct StepContractError: Error, Equatable, CustomStringConvertible {
  /// The step whose `input` read it.
  public let step: String
  /// The step whose output it read.
  public let input: String

  public init(step: String, input: String) {
    self.step = step
    self.input = input
  }

  public var description: String { tr("step.undeclared", ["id": step, "input": input]) }
}
