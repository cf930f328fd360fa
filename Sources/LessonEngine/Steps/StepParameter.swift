/// A parameter a step accepts: its name, what values are valid, and how to describe them.
///
/// Defaults live in the lesson file (`step=train epochs=500`); `--set epochs=100` overrides
/// them; both are validated here, so a bad value is refused before anything runs.
public struct StepParameter: Sendable {
  public enum Kind: Sendable {
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    case text
    case choice([String])
  }

  public let name: String
  public let kind: Kind
  /// What the parameter means, in the current language (looked up when read, like a step's
  /// summary, so that a catalogue made before `--lang` is applied still speaks it): lessons
  /// pass their table's `help.NAME` string.
  public var help: String { helpText() }
  private let helpText: @Sendable () -> String

  public init(name: String, kind: Kind, help: @escaping @Sendable @autoclosure () -> String) {
    self.name = name
    self.kind = kind
    self.helpText = help
  }

  public static func integer(_ name: String, _ range: ClosedRange<Int>, _ help: @escaping @Sendable @autoclosure () -> String) -> StepParameter {
    StepParameter(name: name, kind: .integer(range), help: help())
  }
  public static func number(_ name: String, _ range: ClosedRange<Double>, _ help: @escaping @Sendable @autoclosure () -> String) -> StepParameter {
    StepParameter(name: name, kind: .number(range), help: help())
  }
  public static func text(_ name: String, _ help: @escaping @Sendable @autoclosure () -> String) -> StepParameter {
    StepParameter(name: name, kind: .text, help: help())
  }
  public static func choice(_ name: String, _ options: [String], _ help: @escaping @Sendable @autoclosure () -> String) -> StepParameter {
    StepParameter(name: name, kind: .choice(options), help: help())
  }

  /// nil when `value` is valid, else why not.
  public func problem(with value: String) -> String? {
    switch kind {
    case .integer(let range):
      guard let v = Int(value) else { return tr("parameter.integer", ["name": name, "value": value]) }
      return range.contains(v) ? nil : tr("parameter.range", ["name": name, "low": range.lowerBound, "high": range.upperBound, "value": v])
    case .number(let range):
      guard let v = Double(value), v.isFinite else { return tr("parameter.number", ["name": name, "value": value]) }
      return range.contains(v) ? nil : tr("parameter.range", ["name": name, "low": range.lowerBound, "high": range.upperBound, "value": value])
    case .text:
      return nil
    case .choice(let options):
      return options.contains(value) ? nil : tr("parameter.choice", ["name": name, "options": options.joined(separator: ", "), "value": value])
    }
  }
}

/// The validated parameter values of one step run.
public struct StepValues: Sendable {
  private let values: [String: String]

  public init(_ values: [String: String]) { self.values = values }

  /// Every value by parameter name.
  public var all: [String: String] { values }

  /// These values with `name` set to `value`.
  public func setting(_ name: String, to value: String) -> StepValues {
    var copy = values
    copy[name] = value
    return StepValues(copy)
  }

  public func int(_ name: String) -> Int {
    guard let v = values[name].flatMap(Int.init) else { preconditionFailure("step parameter '\(name)' was not declared as an integer") }
    return v
  }
  public func double(_ name: String) -> Double {
    guard let v = values[name].flatMap(Double.init) else { preconditionFailure("step parameter '\(name)' was not declared as a number") }
    return v
  }
  public func float(_ name: String) -> Float { Float(double(name)) }
  public func string(_ name: String) -> String {
    guard let v = values[name] else { preconditionFailure("step parameter '\(name)' has no value") }
    return v
  }
}
