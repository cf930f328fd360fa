/// One thing `lessons author check` found wrong, where it is: `FILE:LINE: reason`.
public struct AuthorProblem: Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int?
  public let reason: String

  public init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}
