/// A problem in a lesson file that the walk can live with: the file still opens, and the
/// problem is shown where it happens in a readable form and listed at the end.
///
/// D2L's own chapters refer to sections of other chapters and use LaTeX beyond the renderer's
/// reach; a reader who opens one file still wants to read it. The project's own lessons are
/// held to a stricter standard: `LessonParseOptions.strict` turns the first warning into a
/// `LessonError`, and a caller that collected warnings can refuse them itself.
public struct LessonWarning: Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Equatable, Sendable {
    /// A `:numref:`/`:eqref:`/`:ref:` to a label this file does not define.
    case unknownReference
    /// An `:eqref:` whose label names a section, figure or table.
    case referenceNotEquation
    /// LaTeX the renderer cannot render; its source is shown instead.
    case unrenderedMath
    /// A `:label:` with no heading, figure, table or equation before it.
    case strayLabel
    /// A label defined twice; the first one counts.
    case duplicateLabel
  }

  public var file: String
  /// 1-based line.
  public var line: Int
  public var kind: Kind
  /// What the warning is about: the label, or the LaTeX source.
  public var subject: String
  /// The reason, as the strict parser reports it (`unknown reference 'sec_lstm'`).
  public var message: String

  public init(file: String, line: Int, kind: Kind, subject: String, message: String) {
    self.file = file
    self.line = line
    self.kind = kind
    self.subject = subject
    self.message = message
  }

  /// `FILE:LINE: message`.
  public var description: String { "\(file):\(line): \(message)" }

  /// The warning as the error a strict caller reports.
  public var error: LessonError { LessonError(file: file, line: line, reason: message) }

  /// Whether a reader of the walk is told about it: what is shown differently from the book
  /// (a reference or formula). Label bookkeeping matters to authors only.
  public var concernsReader: Bool {
    switch kind {
    case .unknownReference, .referenceNotEquation, .unrenderedMath: return true
    case .strayLabel, .duplicateLabel: return false
    }
  }

  /// One warning per reference label or formula, the first occurrence of each, in file order.
  public static func distinct(_ warnings: [LessonWarning]) -> [LessonWarning] {
    var seen: Set<String> = []
    return warnings.filter { seen.insert($0.kind.rawValue + "\u{0}" + $0.subject).inserted }
  }
}

/// How a lesson file is read.
public struct LessonParseOptions: Equatable, Sendable {
  /// The framework whose code and prose tabs are shown.
  public var tab: FrameworkTab
  /// Refuse the first warning as a `LessonError` (the project's own lessons, the authoring
  /// check); otherwise collect warnings on `LessonDocument.warnings`.
  public var strict: Bool

  public init(tab: FrameworkTab = .pytorch, strict: Bool) {
    self.tab = tab
    self.strict = strict
  }

  /// Every problem is an error.
  public static let strict = LessonParseOptions(strict: true)
  /// D2L's book as it is: problems become warnings, pytorch's tab is shown.
  public static let lenient = LessonParseOptions(strict: false)
}

extension LessonWarning {
  /// The list printed at the end of a walk: a header, then `FILE:LINE: message` per warning.
  static func summary(_ warnings: [LessonWarning]) -> String {
    ([tr("warnings.header", ["count": warnings.count])] + warnings.map { "  " + $0.description })
      .joined(separator: "\n")
  }
}
