import LessonEngine

/// The deep-RNN lesson: every step its directives may name, in lesson order.
public enum DeepRNNLesson {
  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    ArchitectureStep.definition, TinyStackStep.definition, ScratchLayerStep.definition,
    ScratchStackStep.definition, ConciseModelStep.definition, ConciseAgreesStep.definition,
    TrainStep.definition, PerplexityCurveStep.definition, PredictStep.definition,
    ExercisesStep.definition, ExperimentCellsStep.definition, ExperimentBooksStep.definition,
    ExperimentAuthorsStep.definition,
  ] + DepthSteps.all)
}
