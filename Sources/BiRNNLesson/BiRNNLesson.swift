import CourseKit
import D2L
import LessonEngine

/// The bidirectional-RNN lesson (D2L's section after deep RNNs): its description for the course
/// and every step its files may name, in lesson order.
public enum BiRNNLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "bi-rnn", titleKey: "lesson.title", module: "BiRNNLesson",
    files: ["en": "lessons/bi-rnn.md", "vi": "lessons/vi/bi-rnn.md"],
    stepsFolder: "Sources/BiRNNLesson/Steps",
    catalog: catalog, strings: BiRNNStrings.table, exercises: { BiRNNExercises.all },
    dataFiles: [DataFileSpec.timeMachine], indispensableData: [DataFileSpec.timeMachine],
    follows: ["deep-rnn"],
    quickValues: [
      "epochs=2", "numHiddens=8", "numLayers=1", "chars=10", "sequences=3", "numSteps=8",
      "rounds=1", "seconds=0.05",
    ],
    cacheCodecs: [.of(BiTrainStep.self)])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    BiTinyStep.definition, BiConciseAgreesStep.definition, BiTrainStep.definition,
    BiPredictStep.definition, BiFutureStep.definition, BiSpeedStep.definition, BiExercisesStep.definition,
    BiSizesStep.definition, BiPolysemyStep.definition,
  ])
}
