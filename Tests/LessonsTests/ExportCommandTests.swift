import Foundation
import Testing

/// `lessons export` from the command line: with no run, a broken record, a bad destination,
/// and `--run`, which walks the lesson first.
@Suite(.serialized) struct ExportCommandTests {
  static func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func withoutARunThePageSaysSoAndStillHasTheLesson() throws {
    let folder = try Self.temporaryFolder("none")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    let result = try LessonsBinary.run(["export", "deep-rnn", "--html", page.path], environment: ["LESSONS_CACHE_DIR": folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("no run of deep-rnn recorded"))
    #expect(result.stdout.contains("0 of 17 steps with their outputs"))
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.components(separatedBy: "class=\"step state-notRun\"").count - 1 == 17)
    #expect(html.contains("<math") && html.contains("no run recorded yet"))
  }

  @Test func aBrokenRecordIsNamedAndIgnored() throws {
    let folder = try Self.temporaryFolder("broken")
    defer { try? FileManager.default.removeItem(at: folder) }
    let results = folder.appendingPathComponent("runs")
    try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
    try Data("{\"format\": 1, \"less".utf8).write(to: results.appendingPathComponent("deep-rnn.en.run.json"))
    let page = folder.appendingPathComponent("page.html")
    let result = try LessonsBinary.run(["export", "deep-rnn", "--html", page.path, "--lang", "en"], environment: ["LESSONS_CACHE_DIR": folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("deep-rnn.en.run.json: not a run record"))
    #expect(!result.stderr.contains("Fatal error"))
    #expect(FileManager.default.fileExists(atPath: page.path))
  }

  @Test func badArgumentsAndDestinationsAreClearErrors() throws {
    let setWithoutRun = try LessonsBinary.run(["export", "deep-rnn", "--html", "/tmp/x.html", "--set", "epochs=1"])
    #expect(setWithoutRun.status != 0 && setWithoutRun.stderr.contains("--set needs --run"))
    let missing = try LessonsBinary.run(["export", "deep-rnn", "--html", "/nonexistent-folder/page.html"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot write /nonexistent-folder/page.html: No such file or directory"), "\(missing.stderr)")
    let noLesson = try LessonsBinary.run(["export", "no-such-lesson", "--html", "/tmp/x.html"])
    #expect(noLesson.status == 1 && !noLesson.stderr.contains("Fatal error"))
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func runFirstRecordsEveryStepThenExports() throws {
    let folder = try Self.temporaryFolder("run")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    let result = try LessonsBinary.run(
      ["export", "deep-rnn", "--html", page.path, "--lang", "vi", "--run"] + WalkthroughTests.quick,
      environment: ["LESSONS_CACHE_DIR": folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("17 trên 17 bước kèm đầu ra"))  // in the lesson's language
    let record = folder.appendingPathComponent("runs/deep-rnn.vi.run.json")
    #expect(FileManager.default.fileExists(atPath: record.path))
    let html = try String(contentsOf: page, encoding: .utf8)
    // The run's own numbers: the epochs set on the command line, in the receipt.
    #expect(html.contains("epochs=2") && html.contains("Biên nhận"))
    #expect(html.components(separatedBy: "class=\"step state-ran\"").count - 1 == 17)
  }
}
