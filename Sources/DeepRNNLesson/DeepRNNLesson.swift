import CourseKit
import D2L
import LessonEngine

/// The deep-RNN lesson (D2L's "Deep Recurrent Neural Networks"): its description for the
/// course, every step its files may name, in lesson order.
public enum DeepRNNLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "deep-rnn", titleKey: "lesson.title", module: "DeepRNNLesson",
    files: ["en": "lessons/deep-rnn.md", "vi": "lessons/vi/deep-rnn.md"],
    stepsFolder: "Sources/DeepRNNLesson/Steps",
    catalog: catalog, strings: LessonStrings.table, exercises: { DeepRNNExercises.all },
    dataFiles: CorpusCatalog.all,
    indispensableData: [DataFileSpec.timeMachine], follows: [],
    handovers: [TrainedModelHandover(TrainStep.self)],
    quickValues: [
      "epochs=2", "numHiddens=16", "chars=10", "expEpochs=1", "expHidden=8",
      "speedSeconds=0.05",
    ])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    ArchitectureStep.definition, TinyStackStep.definition, ScratchLayerStep.definition,
    ScratchStackStep.definition, ConciseModelStep.definition, ConciseAgreesStep.definition,
    TrainStep.definition, PerplexityCurveStep.definition, PredictStep.definition,
    ExercisesStep.definition, ExperimentCellsStep.definition, ExperimentBooksStep.definition,
    ExperimentAuthorsStep.definition,
  ] + DepthSteps.all)
}
