import DeepRNNLesson
import LessonEngine

/// The bidirectional-RNN lesson (D2L's section after deep RNNs): every step its directives may
/// name, in lesson order. It reuses deep-rnn's training step, unchanged, for the
/// one-directional model it is compared with.
public enum BiRNNLesson {
  /// The lesson's steps, for `LessonPlan`.
  public static let catalog = StepCatalog([
    BiTinyStep.definition, BiConciseAgreesStep.definition, TrainStep.definition, BiTrainStep.definition,
    BiPredictStep.definition, BiFutureStep.definition, BiSpeedStep.definition, BiExercisesStep.definition,
    BiSizesStep.definition, BiPolysemyStep.definition,
  ])
}
