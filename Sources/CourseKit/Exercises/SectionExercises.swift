import LessonEngine

/// A section's exercises step: it prints the section's exercises as a numbered list, item n
/// being `exercises.item<n>` of the lesson's strings, and is summed up by `exercises.summary`.
/// The lesson names its step's id, how many exercises there are and its strings; the rest is
/// the same in every lesson.
public protocol SectionExercisesStep: LessonStep where Input == StepValues, Output == Void {
  /// How many exercises the section has (items 1 to `count`).
  static var count: Int { get }
  /// The lesson's strings.
  static var strings: StringTable { get }
}

extension SectionExercisesStep {
  public static var summary: String { strings("exercises.summary") }

  public static func run(_ values: StepValues, _ out: StepOutput) {
    for n in 1...count {
      for line in LineFitter.paragraph(strings("exercises.item\(n)"), width: out.width, first: "  \(n). ", rest: "     ") {
        out.say(line)
      }
    }
  }
}

extension ExerciseInfo {
  /// A section's exercises in order, exercise n's title and hint being `exercise<n>.title` and
  /// `exercise<n>.hint` of the lesson's `strings` (in the current language).
  /// - Parameter kinds: what doing each exercise means, exercise 1 first.
  public static func numbered(_ kinds: [Kind], strings: StringTable) -> [ExerciseInfo] {
    kinds.enumerated().map { index, kind in
      let n = index + 1
      return ExerciseInfo(number: n, title: strings("exercise\(n).title"), kind: kind, hint: strings("exercise\(n).hint"))
    }
  }
}
