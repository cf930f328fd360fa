import CourseKit
import D2L
import LessonEngine

/// The beam-search lesson (the chapter's last section): greedy, exhaustive and beam search on
/// the book's worked example, on the character language model and on the machine-translation
/// model, measured.
public enum BeamSearchLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "beam-search", titleKey: "lesson.title", module: "BeamSearchLesson",
    files: ["en": "lessons/beam-search.md", "vi": "lessons/vi/beam-search.md"],
    stepsFolder: "Sources/BeamSearchLesson/Steps",
    catalog: catalog, strings: BeamStrings.table, exercises: { BeamSearchExercises.all },
    dataFiles: [DataFileSpec.timeMachine, DataFileSpec.fraEng], indispensableData: [],
    follows: ["seq2seq", "bi-rnn"],  // the chapter's last section (a lesson not registered is ignored)
    quickValues: ["epochs=2", "numHiddens=8", "numLayers=1", "chars=8", "pairs=4", "rounds=1"],
    cacheCodecs: [.of(BeamCharTrainStep.self), .of(BeamSeq2SeqStep.self)])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    BeamExampleStep.definition, BeamSeq2SeqStep.definition, BeamTranslateStep.definition,
    BeamTableStep.definition, BeamAlphaStep.definition, BeamCharTrainStep.definition, BeamCharStep.definition,
    BeamExercisesStep.definition,
  ])
}
