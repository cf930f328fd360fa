import D2L
import LessonEngine

/// The dataset as it comes: `fra-eng/fra.txt`, one English–French pair per line. The first lines
/// are printed with the invisible characters made visible (the tab between the two sides and
/// the no-break spaces of French typography), since the next step changes exactly those.
public enum MTRawStep: LessonStep {
  public static let id = "mt-raw"
  public static var summary: String { tr("raw.summary") }
  public static let parameters: [StepParameter] = [
    .integer("pairs", 1...50, tr("help.pairs")),
    .integer("keepLines", 0...1_000_000, tr("help.keepLines")),
  ]

  public typealias Input = StepValues

  /// The file as read (its first `keepLines` lines when that is not 0).
  public typealias Output = String

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> String {
    let pairs = values.int("pairs")
    // ANCHOR: mt-raw
    let raw = try readDataNMT()  // fra-eng/fra.txt
    let lines = raw.split(separator: "\n")  // English, a tab, French
    // ANCHOR_END: mt-raw
    out.say("  " + tr("raw.size", ["lines": Num.int(lines.count), "bytes": Num.int(raw.utf8.count)]))
    out.say()
    for line in lines.prefix(pairs) { out.say("    " + Visible.marked(String(line))) }
    out.say()
    out.say("  " + tr("raw.legend"))
    let keep = values.int("keepLines")
    return keep > 0 && keep < lines.count ? lines.prefix(keep).joined(separator: "\n") + "\n" : raw
  }
}

/// Invisible characters shown: the tab as ⇥, a no-break space (U+00A0) or a narrow no-break
/// space (U+202F) as ␣.
public enum Visible {
  public static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}"]

  public static func marked(_ text: String) -> String {
    String(text.map { $0 == "\t" ? "⇥" : noBreakSpaces.contains($0) ? "␣" : $0 })
  }
}
