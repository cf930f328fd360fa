import D2L
import Foundation

/// One verified fact about an answer, printed llm.c style: `OK` or `NOT OK`, the name, and on
/// failure what was expected, what came out, the largest difference and what is likely wrong.
public struct CheckResult: Sendable, CustomStringConvertible {
  /// What was checked, e.g. `L=2 (I=5, H=4): H_t^(2), t = 1…5`.
  public let name: String
  /// Did the answer pass?
  public let passed: Bool
  /// Expected vs got and the diagnosis (one fact per line); a short note when passed.
  public let detail: String
  /// The largest absolute difference from the expected values, when values were compared.
  public let maxDifference: Float?
  /// What kind of fact this is, the same in every case checked (`structure`, `H^(2)`, ...), so a
  /// summary row can refer to a failure already shown rather than repeat it.
  public let topic: String

  public init(name: String, passed: Bool, detail: String = "", maxDifference: Float? = nil) {
    self.init(name: name, topic: name, passed: passed, detail: detail, maxDifference: maxDifference)
  }

  public init(name: String, topic: String, passed: Bool, detail: String = "", maxDifference: Float? = nil) {
    self.name = name
    self.topic = topic
    self.passed = passed
    self.detail = detail
    self.maxDifference = maxDifference
  }

  /// `OK      name  (maxdiff 2.4e-07)`, or `NOT OK  name` followed by the indented detail.
  public var description: String {
    var line = (passed ? "OK      " : "NOT OK  ") + name
    if passed, let d = maxDifference { line += "  (maxdiff \(CheckResult.format(d)))" }
    guard !passed, !detail.isEmpty else { return line }
    let indented = detail.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }
    return ([line] + indented).joined(separator: "\n")
  }

  /// A difference in scientific notation with two decimals (`3.10e-01`).
  public static func format(_ value: Float) -> String { String(format: "%.2e", Double(value)) }
}

extension Array where Element == CheckResult {
  /// Did every check pass?
  public var allPassed: Bool { allSatisfy(\.passed) }

  /// `7 of 9 checks OK`, the closing line of a report.
  public var summary: String {
    ct("summary", ["passed": filter(\.passed).count, "count": count])
  }
}
