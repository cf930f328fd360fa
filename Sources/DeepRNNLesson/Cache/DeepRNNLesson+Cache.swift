import CourseKit
import LessonEngine

extension DeepRNNLesson {
  /// The steps whose outputs the step cache keeps: training and the experiments (minutes of
  /// work), and the heatmap's per-layer changes. The other steps take well under a second.
  public static let cacheCodecs: [StepCodec] = [
    .of(TrainStep.self), .of(ExperimentCellsStep.self), .of(ExperimentBooksStep.self),
    .of(ExperimentAuthorsStep.self), .of(ExperimentDepthStep.self), .of(HiddenHeatmapStep.self),
  ]
}
