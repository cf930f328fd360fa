/// A step stopped because the learner pressed Ctrl-C: the walk ends there, with status 130,
/// rather than reporting a failure.
public struct LessonInterrupted: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String = "interrupted") { self.description = description }
}
