import CourseKit
import D2L
import LessonEngine

/// The LSTM lesson (D2L's "Long Short-Term Memory", the chapter's second section): its
/// description for the course and every step its files may name, in lesson order.
public enum LSTMLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "lstm", titleKey: "lesson.title", module: "LSTMLesson",
    files: ["en": "lessons/lstm.md", "vi": "lessons/vi/lstm.md"],
    stepsFolder: "Sources/LSTMLesson/Steps",
    catalog: catalog, strings: LSTMStrings.table, exercises: { LSTMExercises.all },
    dataFiles: [DataFileSpec.timeMachine], indispensableData: [DataFileSpec.timeMachine],
    follows: ["gru"],
    quickValues: ["epochs=2", "numHiddens=16", "seconds=0.05", "rounds=1", "variantEpochs=1", "variantHiddens=8"],
    cacheCodecs: [.of(LSTMScratchTrainStep.self), .of(LSTMConciseTrainStep.self)],
    published: LSTMPublished.concise.result)

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    LSTMTinyStep.definition, LSTMScratchTrainStep.definition, LSTMConciseAgreesStep.definition,
    LSTMConciseTrainStep.definition, LSTMPublishedStep.definition, LSTMGatesStep.definition,
    LSTMHiddenRangeStep.definition, LSTMCostStep.definition, LSTMExercisesStep.definition,
  ])
}
