import D2L
import LessonEngine

/// The seq2seq lesson (D2L's "Sequence to Sequence Learning"): the RNN encoder and decoder at
/// the book's toy sizes, masking, the book's training run, BLEU and the four translations, the
/// `mean` against `sum` question measured, and the section's exercises.
public enum Seq2SeqLesson {
  /// The lesson as the course registers it.
  public static let lesson = Lesson(
    name: "seq2seq", titleKey: "lesson.title", module: "Seq2SeqLesson",
    files: ["en": "lessons/seq2seq.md", "vi": "lessons/vi/seq2seq.md"],
    stepsFolder: "Sources/Seq2SeqLesson/Steps",
    catalog: catalog, strings: S2SStrings.table, exercises: { S2SExercises.all },
    dataFiles: [DataFileSpec.fraEng], indispensableData: [DataFileSpec.fraEng],
    follows: ["encoder-decoder"],
    quickValues: ["epochs=2", "settings=numLayers=1"],
    cacheCodecs: [.of(S2STrainStep.self)])

  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    S2SEncoderStep.definition, S2SDecoderStep.definition, S2SMaskStep.definition, S2SMaskedLossStep.definition,
    S2STrainStep.definition, S2SBleuExampleStep.definition, S2STranslateStep.definition, S2SMeanSumStep.definition,
    S2SExercisesStep.definition, S2SHyperStep.definition, S2SNoMaskStep.definition, S2SSizesStep.definition,
    S2SNoTeacherStep.definition, S2SLSTMStep.definition,
  ])
}

/// The book's four test sentences and its French references, for the exercises' comparisons.
public enum BookSentences {
  public static let english = ["go .", "i lost .", "he's calm .", "i'm home ."]
  public static let french = ["va !", "j'ai perdu .", "il est calme .", "je suis chez moi ."]
}
