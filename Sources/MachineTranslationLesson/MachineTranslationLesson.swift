import D2L
import LessonEngine

/// The machine-translation lesson (D2L's "Machine Translation and the Dataset", after bi-rnn):
/// the English–French pairs from the raw file to one minibatch, and the section's exercises.
public enum MachineTranslationLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "machine-translation", titleKey: "lesson.title", module: "MachineTranslationLesson",
    files: ["en": "lessons/machine-translation.md", "vi": "lessons/vi/machine-translation.md"],
    stepsFolder: "Sources/MachineTranslationLesson/Steps",
    catalog: catalog, strings: MTStrings.table, exercises: { MTExercises.all },
    dataFiles: [DataFileSpec.fraEng], indispensableData: [DataFileSpec.fraEng],
    follows: ["bi-rnn"],
    quickValues: ["keepLines=5000", "counts=150|600", "examples=600"])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    MTRawStep.definition, MTPreprocessStep.definition, MTTokensStep.definition,
    MTHistogramStep.definition, MTVocabStep.definition, MTPadStep.definition, MTBatchStep.definition,
    MTExercisesStep.definition, MTExamplesSweepStep.definition, MTNoSpacesStep.definition,
  ])
}
