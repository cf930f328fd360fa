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
    catalog: catalog, strings: DeepRNNStrings.table, exercises: { DeepRNNExercises.all },
    dataFiles: CorpusCatalog.all,
    indispensableData: [DataFileSpec.timeMachine], follows: [],
    handovers: [TrainedModelHandover(TrainStep.self)],
    quickValues: [
      "epochs=2", "numHiddens=16", "chars=10", "expEpochs=1", "expHidden=8",
      "speedSeconds=0.05",
    ],
    cacheCodecs: cacheCodecs, published: published, experiments: DeepRNNExperiments.all)

  /// What D2L 0.17's PyTorch build of the chapter printed after `train_ch8` for its run (LSTM,
  /// 2 layers × 256, 500 epochs on The Time Machine; the executed notebook
  /// d2l-ai/d2l-pytorch-slides-classic, chapter_recurrent-modern/deep-rnn.ipynb): "perplexity
  /// 1.0, 210022.3 tokens/sec on cuda:0". The training chart draws it beside the curve.
  public static let published = PublishedResult(source: "D2L", perplexity: 1.0, tokensPerSecond: 210_022.3, epochs: 500)

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    ArchitectureStep.definition, TinyStackStep.definition, ScratchLayerStep.definition,
    ScratchStackStep.definition, ConciseModelStep.definition, ConciseAgreesStep.definition,
    TrainStep.definition, PerplexityCurveStep.definition, PredictStep.definition,
    ExercisesStep.definition, ExperimentCellsStep.definition, ExperimentBooksStep.definition,
    ExperimentAuthorsStep.definition,
  ] + DepthSteps.all)
}
