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
      return """
        this experiment needs the data file '\(file)', which is not here and could not be fetched:
        \(reason)
        Fetch it when online with: lessons data fetch \(file)   (or: lessons data fetch --all)
        """
    case let .tooLittleData(setting, tokens, needed):
      return "setting '\(setting)' has \(tokens) training tokens, fewer than the \(needed) of one minibatch; "
        + "raise --train-tokens or lower --batch-size / --num-steps"
    }
  }
}
