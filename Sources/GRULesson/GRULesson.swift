import CourseKit
import D2L
import LessonEngine

/// The GRU lesson (D2L's "Gated Recurrent Units", the chapter's first section): its
/// description for the course and every step its files may name, in lesson order.
public enum GRULesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "gru", titleKey: "lesson.title", module: "GRULesson",
    files: ["en": "lessons/gru.md", "vi": "lessons/vi/gru.md"],
    stepsFolder: "Sources/GRULesson/Steps",
    catalog: catalog, strings: GRUStrings.table, exercises: { GRUExercises.all },
    dataFiles: [DataFileSpec.timeMachine], indispensableData: [DataFileSpec.timeMachine],
    quickValues: ["epochs=2", "numHiddens=16", "seconds=0.05", "rounds=1", "variantEpochs=1", "variantHiddens=8"],
    cacheCodecs: [.of(GRUScratchTrainStep.self), .of(GRUConciseTrainStep.self)],
    published: GRUPublished.concise.result)

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    GRUTinyStep.definition, GRUOnlyOneInputStep.definition, GRUScratchTrainStep.definition,
    GRUConciseAgreesStep.definition, GRUConciseTrainStep.definition, GRUPublishedStep.definition,
    GRUGatesStep.definition, GRUVariantsStep.definition, GRUCostStep.definition, GRUExercisesStep.definition,
  ])
}
