import D2L
import LessonEngine
import ArgumentParser
import Foundation

/// `lessons export`: the lesson as one web page, as the learner last ran it.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a lesson as one self-contained web page, with the outputs of its last run.",
    discussion: """
      The page holds the prose, the math (MathML), the code, and each step's outputs from the \
      last `lessons run` (charts and heatmaps as SVG), with a receipt of the run. It fetches \
      nothing from the network. --run runs the lesson first, without pausing.
      """)

  @OptionGroup var options: LessonOptions

  @Option(name: .customLong("html"), help: "The page to write (default: the lesson's name with .html; .vi.html in Vietnamese).")
  var html: String?

  @Flag(name: .customLong("run"), help: "Run the lesson first (without pausing), recording its outputs.")
  var runFirst = false

  @Option(name: .customLong("set"), help: "With --run: override a step parameter, e.g. --set epochs=5 (repeatable).")
  var overrides: [String] = []

  func validate() throws {
    if !overrides.isEmpty && !runFirst { throw ValidationError(tr("option.setNeedsRun")) }
    if html?.isEmpty == true { throw ValidationError(tr("option.htmlName")) }
  }

  func run() throws {
    let plan = try options.loadPlan(overrides: overrides)
    let name = URL(fileURLWithPath: plan.document.file).deletingPathExtension().lastPathComponent
    if runFirst {
      let runner = options.runner(plan, interactive: false)
      do {
        try runner.run()
      } catch let error as LessonError {
        Console.error(error.description)
        throw ExitCode.failure
      } catch is LessonInterrupted {
        throw ExitCode(130)
      }
    }
    let markdown: String
    do {
      markdown = try String(contentsOfFile: try LessonLocator.locate(options.lesson, language: options.lang, course: course), encoding: .utf8)
    } catch let error as LessonError {
      Console.error(error.description)
      throw ExitCode.failure
    }
    let recordURL = RunRecord.url(lesson: name, language: options.lang)
    var record: RunRecord?
    do {
      record = try RunRecord.load(from: recordURL)
    } catch {
      Console.error(tr("export.noOutputs", ["error": "\(error)"]))
    }
    if record == nil { Console.error(tr("export.noRecord", ["name": name, "path": recordURL.path])) }
    // Each language's page its own name by default, so that one export never overwrites the other's.
    let file = html ?? (options.lang == "en" ? "\(name).html" : "\(name).\(options.lang).html")
    let page = LessonExporter(plan: plan, markdown: markdown, record: record, lesson: name).html()
    let url = URL(fileURLWithPath: file)
    do {
      try writeAtomically(Data(page.utf8), to: url)
    } catch {
      Console.error("\(error)")
      throw ExitCode.failure
    }
    let ran = plan.entries.filter { record?.step($0.step.id) != nil }.count
    let kilobytes = (page.utf8.count + 1023) / 1024
    Console.write(tr("export.wrote", ["file": file, "kb": kilobytes, "ran": ran, "total": plan.entries.count]) + "\n")
  }
}
