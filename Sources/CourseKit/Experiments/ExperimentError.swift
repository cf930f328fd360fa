import LessonEngine
import D2L

/// Why an experiment cannot run, worded so that the learner knows what to do.
public enum ExperimentError: Error, CustomStringConvertible, Equatable {
  /// A book the experiment trains or evaluates on is neither present nor downloadable now.
  case missingData(file: String, reason: String)
  /// The sizes leave too little text for one minibatch.
  case tooLittleData(setting: String, tokens: Int, needed: Int)

  public var description: String {
    switch self {
    case let .missingData(file, reason):
      return tr("experiment.error.missing", ["file": file, "reason": reason])
    case let .tooLittleData(setting, tokens, needed):
      return tr("experiment.error.tooLittle", ["setting": setting, "tokens": Num.int(tokens), "needed": Num.int(needed)])
    }
  }
}
