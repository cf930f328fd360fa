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
  /// The steps whose outputs `input` reads, run quietly first by `--step`.
  static var requires: [String] { get }

  /// Gathers the input from this run's parameter values and earlier steps' outputs.
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
      results.store(try body(try input(values, results), out), of: Self.self)
    }
  }
}

extension LessonStep where Input == StepValues {
  /// A step that needs nothing but its parameters.
  public static func input(_ values: StepValues, _ results: StepResults) throws -> StepValues { values }
}

/// The outputs of the steps run so far in one walk through a lesson, each under its step's type,
/// like a notebook's variables.
public final class StepResults {
  private var outputs: [String: Any] = [:]

  public init() {}

  /// Keeps `output` as step `S`'s result, replacing an earlier run's.
  public func store<S: LessonStep>(_ output: S.Output, of step: S.Type) { outputs[S.id] = output }

  /// Step `S`'s result.
  /// - Throws: `StepError` naming the step to run first.
  public func output<S: LessonStep>(of step: S.Type) throws -> S.Output {
    guard let output = outputs[S.id] as? S.Output else { throw StepError(tr("step.runFirst", ["id": S.id])) }
    return output
  }

  /// Step `S`'s result, or nil when it has not run.
  public func outputIfRun<S: LessonStep>(of step: S.Type) -> S.Output? { outputs[S.id] as? S.Output }
}
