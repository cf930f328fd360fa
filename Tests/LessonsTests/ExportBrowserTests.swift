import Foundation
import Testing

/// `lessons export` checked in a real browser: after a short walk, the English and Vietnamese
/// pages are opened in headless Chromium at 1280 and 375 px, screenshotted, and any console
/// message fails the test.
///
/// Chromium runs one page per process (`--headless --screenshot`), with `--enable-logging=stderr
/// --v=0`, which prints every console message as a `CONSOLE` line on stderr; the page has no
/// script, so any such line is the browser complaining. The scan is first shown to catch a
/// deliberate `console.error`, so the test cannot pass by not seeing. Network access is cut off
/// (`--host-resolver-rules`), and the HTML itself is checked for anything it would fetch.
///
/// `EXPORT_SCREENSHOTS=DIR` keeps the screenshots (light theme, and dark at 375 px) in DIR:
/// that is how docs/screenshots/ is made.
@Suite(.serialized) struct ExportBrowserTests {
  /// Debian's `chromium`, or another Chromium on the PATH.
  static let chromium: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  @Test(.enabled(if: chromium != nil, "headless Chromium is not installed (apt-get install chromium)"),
        .enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func exportedPagesRenderInChromiumWithoutConsoleErrors() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-browser-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let home = ["LESSONS_CACHE_DIR": folder.appendingPathComponent("home").path]

    // The scan sees a console message when there is one.
    let bad = folder.appendingPathComponent("bad.html")
    try Data("<!DOCTYPE html><meta charset=utf-8><p>x<script>console.error('deliberate')</script>".utf8).write(to: bad)
    let badRun = try Self.screenshot(bad, width: 375, to: folder.appendingPathComponent("bad.png"))
    #expect(badRun.console.contains { $0.contains("deliberate") }, "the console scan missed a console.error: \(badRun.stderr)")

    for language in ["en", "vi"] {
      let walk = try LessonsBinary.run(["run", "deep-rnn", "--lang", language] + WalkthroughTests.quick, environment: home)
      try #require(walk.status == 0, "\(walk.stderr)")
      let page = folder.appendingPathComponent("\(language).html")
      let export = try LessonsBinary.run(["export", "deep-rnn", "--html", page.path, "--lang", language], environment: home)
      #expect(export.status == 0, "\(export.stderr)")
      let wrote = language == "en" ? "17 of 17 steps with their outputs" : "17 trên 17 bước kèm đầu ra"
      #expect(export.stdout.contains(wrote), "\(export.stdout)")
      let html = try String(contentsOf: page, encoding: .utf8)
      Self.checkSelfContained(html, language: language)

      for width in [1280, 375] {
        let png = folder.appendingPathComponent("deep-rnn-\(language)-\(width).png")
        let run = try Self.screenshot(page, width: width, to: png)
        #expect(run.status == 0, "chromium failed: \(run.stderr)")
        #expect(run.console.isEmpty, "console messages at \(width) px: \(run.console)")
        let size = try Self.pngSize(png)
        #expect(size.width == width && size.height == 900, "screenshot is \(size)")
        try Self.keep(png)
      }
      let dark = folder.appendingPathComponent("deep-rnn-\(language)-375-dark.png")
      let darkRun = try Self.screenshot(page, width: 375, to: dark, dark: true)
      #expect(darkRun.console.isEmpty, "console messages in the dark theme: \(darkRun.console)")
      try Self.keep(dark)
    }
  }

  /// The acceptance checks on the HTML itself.
  static func checkSelfContained(_ html: String, language: String) {
    #expect(html.utf8.count <= 3_000_000, "\(language): \(html.utf8.count) bytes")
    #expect(html.contains("<meta charset=\"utf-8\">") && html.contains("<html lang=\"\(language)\">"))
    #expect(html.components(separatedBy: "<math").count - 1 >= 10, "\(language): too few <math> elements")
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 >= 2, "\(language): fewer than two SVG charts")
    #expect(html.contains("<svg class=\"heatmap\""))
    #expect(html.contains("prefers-color-scheme: dark"))
    let text = ExportTests.textOutsideAnnotations(html)
    let latex = try! NSRegularExpression(pattern: #"\\(mathbf|mathbb|frac|tanh|sigma|odot|begin|end|phi|times|top|left|right|text|label)\b|\$\$|:eqref:|:numref:|:label:"#)
    let found = latex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
    #expect(found.isEmpty, "\(language): raw LaTeX outside <annotation>: \(found.prefix(5))")
    // Nothing fetched: no script, stylesheet, image or font from anywhere; links in prose may
    // point out (`<a href>`), nothing else may.
    let fetch = try! NSRegularExpression(pattern: #"<script|<link|<iframe|@import|url\(|\bsrc\s*=\s*"(?!data:)|xlink:href"#, options: .caseInsensitive)
    let fetches = fetch.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { (html as NSString).substring(with: $0.range) }
    #expect(fetches.isEmpty, "\(language): the page would fetch \(fetches.prefix(5))")
    if language == "vi" { #expect(html.contains("Bước 1/17") && html.contains("Biên nhận")) }
  }

  struct BrowserRun {
    let status: Int32
    let stderr: String
    /// The console messages Chromium logged.
    var console: [String] { stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init) }
  }

  /// Opens `page` in headless Chromium at `width` × 900 px and writes a screenshot.
  static func screenshot(_ page: URL, width: Int, to png: URL, dark: Bool = false) throws -> BrowserRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium!)
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run",
      "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND",
      "--user-data-dir=" + png.deletingLastPathComponent().appendingPathComponent("chromium-profile").path,
      "--window-size=\(width),900", "--screenshot=" + png.path,
    ] + (dark ? ["--force-dark-mode"] : []) + [page.absoluteString]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return BrowserRun(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
  }

  /// The width and height in a PNG's header.
  static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
    let bytes = [UInt8](try Data(contentsOf: url).prefix(24))
    guard bytes.count == 24, bytes[1...3] == [0x50, 0x4E, 0x47] else { return (0, 0) }
    func be(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
  }

  /// Copies a screenshot to `EXPORT_SCREENSHOTS`, when set.
  static func keep(_ png: URL) throws {
    guard let folder = ProcessInfo.processInfo.environment["EXPORT_SCREENSHOTS"], !folder.isEmpty else { return }
    let target = URL(fileURLWithPath: folder).appendingPathComponent(png.lastPathComponent)
    try? FileManager.default.removeItem(at: target)
    try FileManager.default.copyItem(at: png, to: target)
  }
}
