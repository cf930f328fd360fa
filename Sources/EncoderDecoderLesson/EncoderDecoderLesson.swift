import D2L
import LessonEngine

/// The encoder–decoder lesson (D2L's "Encoder-Decoder Architecture"): the interface, run once on
/// a small model that keeps it without recurrence in its encoder, and the section's exercises.
public enum EncoderDecoderLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "encoder-decoder", titleKey: "lesson.title", module: "EncoderDecoderLesson",
    files: ["en": "lessons/encoder-decoder.md", "vi": "lessons/vi/encoder-decoder.md"],
    stepsFolder: "Sources/EncoderDecoderLesson/Steps",
    catalog: catalog, strings: EDStrings.table, exercises: { EDExercises.all },
    dataFiles: [DataFileSpec.fraEng], follows: ["machine-translation"],
    quickValues: ["epochs=2"])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    EDInterfaceStep.definition, EDGenerateStep.definition, EDExercisesStep.definition, EDMixedStep.definition,
  ])
}
