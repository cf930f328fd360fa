/// What the walk needs from a lesson's playground to let the learner change a step's code:
/// `e` opens it in an editor, builds and runs it; a walk shows edited steps as `(edited)`.
public protocol StepEditing {
  /// Whether the learner has their own version of step `id`'s code.
  func isEdited(_ id: String) -> Bool
  /// The learner's version of the code the lesson shows for `id`, if edited.
  func editedCode(_ id: String) -> String?
  /// Opens the step's code in an editor, then builds and runs it in the step's place.
  /// Returns whether the edited code ran; a compile error is shown, not thrown.
  func edit(_ request: StepEditRequest) -> Bool
  /// Builds and runs the learner's version in the step's place, without an editor.
  func runEdited(_ request: StepEditRequest) throws -> Bool
}

/// One step to edit or run edited, with what it gets in the walk.
public struct StepEditRequest {
  public let entry: LessonPlan.Entry
  /// The step's values now (the lesson's defaults, `--set`, and `s`).
  public let values: StepValues
  /// The walk's results so far, for inputs handed over rather than recomputed.
  public let results: StepResults
  /// Where the step prints.
  public let output: StepOutput
  /// The lesson file and the command line's overrides, so that the step's inputs are the same.
  public let lessonFile: String
  public let overrides: [String]

  public init(
    entry: LessonPlan.Entry, values: StepValues, results: StepResults, output: StepOutput,
    lessonFile: String, overrides: [String]
  ) {
    self.entry = entry
    self.values = values
    self.results = results
    self.output = output
    self.lessonFile = lessonFile
    self.overrides = overrides
  }
}
