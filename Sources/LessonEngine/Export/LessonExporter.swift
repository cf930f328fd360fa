import Foundation

/// A lesson as one self-contained web page, as the learner last ran it: its prose with math
/// as MathML, its code coloured as in the terminal, each step's outputs from the run record
/// (charts and heatmaps as inline SVG), each step's state, and a receipt of the run.
///
///     let page = LessonExporter(plan: plan, markdown: text, record: record, lesson: "my-lesson").html()
///
/// The page fetches nothing: styles are inline, fonts are the system's, and there is no script.
public struct LessonExporter {
  public let plan: LessonPlan
  /// The lesson file's Markdown, as read.
  public let markdown: String
  /// The last run, if any (`RunRecord.load`).
  public let record: RunRecord?
  /// The lesson's name (as `lessons list` shows it), for the commands the page mentions.
  public let lesson: String
  /// When the page is made (the receipt says it).
  public var exported = Date()

  public init(plan: LessonPlan, markdown: String, record: RunRecord?, lesson: String) {
    self.plan = plan
    self.markdown = markdown
    self.record = record
    self.lesson = lesson
  }

  /// The whole page.
  public func html() -> String {
    let total = plan.entries.count
    let prose = ProseHTML(document: plan.document) { step in
      guard let k = plan.entries.firstIndex(where: { $0.step.id == step.id }) else { return "" }
      return StepHTML(
        number: k + 1, total: total, step: step, summary: plan.entries[k].definition.summary, lesson: lesson,
        record: record?.step(step.id)
      ).html
    }
    let body = prose.render(markdown)
    return HTMLPage.page(
      title: title, language: Language.current.rawValue, body: body + Receipt(plan: plan, record: record, lesson: lesson, exported: exported).html)
  }

  /// The text of the lesson's first `# ` heading, without its markup, else the lesson's name.
  var title: String {
    for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
      let text = line.dropFirst(2).filter { !"*_`$".contains($0) }.trimmingCharacters(in: .whitespaces)
      if !text.isEmpty { return text }
    }
    return lesson
  }
}

/// The end of the page: when and where the run was made, and each step's state, time and
/// parameters (their seeds among them).
struct Receipt {
  let plan: LessonPlan
  let record: RunRecord?
  let lesson: String
  let exported: Date

  var html: String {
    let t = ExportStrings.table
    var out = #"<section class="receipt" id="receipt"><h2>"# + HTML.escape(t("receipt")) + "</h2>\n"
    guard let record else {
      return out + "<p>" + HTML.escape(t("receipt.none", ["lesson": lesson])) + "</p>\n" + exportedLine + "</section>\n"
    }
    out += "<dl>"
    let seeds = plan.entries.compactMap { entry -> String? in
      guard let step = record.step(entry.step.id) else { return nil }
      let pairs = step.parameters.filter { $0.key.lowercased().contains("seed") }.sorted { $0.key < $1.key }
      return pairs.isEmpty ? nil : "\(entry.step.id): " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
    for (key, value) in [
      ("receipt.date", Self.date(record.started)), ("receipt.cpu", record.cpu), ("receipt.kernels", record.kernels),
      ("receipt.version", record.version),
      ("receipt.seeds", t("receipt.seedsFixed") + " " + (seeds.isEmpty ? "—" : seeds.joined(separator: "; "))),
    ] {
      out += "<dt>\(HTML.escape(t(key)))</dt><dd>\(HTML.escape(value))</dd>"
    }
    out += "</dl>\n" + exportedLine
    out += #"<div class="table-scroll"><table><thead><tr><th>#</th><th>"# + HTML.escape(t("receipt.step")) + "</th><th>"
    out += HTML.escape(t("receipt.state")) + "</th><th class=\"num\">" + HTML.escape(t("receipt.time")) + "</th><th>"
    out += HTML.escape(t("receipt.parameters")) + "</th></tr></thead><tbody>\n"
    var totalSeconds = 0.0
    for (k, entry) in plan.entries.enumerated() {
      let step = record.step(entry.step.id)
      let state = t(step.map { "state.\($0.state.rawValue)" } ?? "state.notRun")
      let time = step.map { StepHTML.seconds($0.seconds) + " s" } ?? "—"
      totalSeconds += step?.seconds ?? 0
      let parameters = (step?.parameters ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      out += "<tr><td>\(k + 1)</td><td><a href=\"#step-\(HTML.escape(entry.step.id))\"><code>\(HTML.escape(entry.step.id))</code></a></td>"
      out += "<td>\(HTML.escape(state))</td><td class=\"num\">\(time)</td><td class=\"params\">\(HTML.escape(parameters))</td></tr>\n"
    }
    out += "</tbody><tfoot><tr><td></td><td>" + HTML.escape(t("receipt.total")) + "</td><td></td><td class=\"num\">"
    out += StepHTML.seconds(totalSeconds) + " s</td><td></td></tr></tfoot></table></div>\n"
    return out + "</section>\n"
  }

  private var exportedLine: String {
    #"<p class="exported">"# + HTML.escape(ExportStrings.table("receipt.exported")) + " " + Self.date(exported) + "</p>\n"
  }

  /// `2026-12-06 02:31 UTC`.
  static func date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }
}
