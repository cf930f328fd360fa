import Foundation
import Testing
@testable import LessonEngine

/// The braille chart and the live view of training.
@Suite(.serialized) struct LiveChartTests {
  @Test(arguments: [40, 80, 100, 160])
  func chartFitsTheWidth(width: Int) {
    let falling = (0..<500).map { 20 * exp(-Double($0) / 80) + 1 }
    let lines = BrailleChart.lines(
      series: [("perplexity", falling), ("previous", falling.map { $0 * 1.1 })],
      level: .init(name: "D2L 1.0", value: 1), height: 10, width: width, span: 500, color: true)
    for line in lines { #expect(LineFitter.columns(line) <= width, "\(line)") }
    #expect(lines.count == 10 + 3)
  }

  @Test func fallingCurveStartsHighAndEndsLow() {
    let lines = BrailleChart.lines(series: [("p", [10, 8, 6, 4, 2])], height: 4, width: 30)
    // The first plotted cell of the top row and the last one of the bottom row hold dots.
    let top = Array(lines[0].split(separator: "┤", maxSplits: 1)[1])
    let bottom = Array(lines[3].split(separator: "┤", maxSplits: 1)[1])
    #expect(top.first.map { $0 != " " } ?? false)
    #expect(bottom.last.map { $0 != " " } ?? false)
    #expect(lines[0].hasPrefix("   10.00"))
    #expect(lines[3].hasPrefix("    2.00"))
  }

  @Test func liveFrameGrowsWithTheRun() {
    let chart = LiveChart(name: "perplexity", span: 100, level: nil, height: 6)
    chart.add(20, status: "epoch 1")
    let first = chart.frame(width: 80)
    chart.add(10, status: "epoch 2")
    let second = chart.frame(width: 80)
    #expect(first != second)
    #expect(second[0] == "epoch 2")
  }

  /// Frames of the live chart in a terminal's output: the text between cursor-up moves.
  static func frames(_ output: String) -> [String] {
    output.components(separatedBy: "\u{1B}[").filter { $0.contains("┤") }
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func trainingDrawsTheCurveLiveOnATerminal() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn", "--step", "train", "--set", "epochs=40", "--set", "numHiddens=16"],
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    try session.waitFor(" ┤", timeout: 60)
    // Frames seen on the screen while the run is still training.
    var seen = Set<String>()
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline, !session.output.contains("after 40 epochs") {
      let output = session.output
      let cut = output.components(separatedBy: "\u{1B}[").count
      if let last = output.range(of: "\u{1B}[", options: .backwards), cut > 2 {
        seen.insert(String(output[..<last.lowerBound].suffix(3000)))
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    _ = try session.waitForExit(timeout: 60)
    let output = session.output
    let end = try #require(output.range(of: "after 40 epochs"))
    let before = String(output[..<end.lowerBound])
    // Redrawn in place: the cursor moves up over the frame, and at least three frames differ.
    let liveFrames = Set(before.components(separatedBy: "\u{1B}[1").filter { $0.contains("┤") && $0.contains("epoch") })
    #expect(before.contains("A\r\u{1B}[2K"))
    #expect(liveFrames.count >= 3, "\(liveFrames.count) frames")
    #expect(seen.count >= 3)
    // No line wider than the terminal (100 columns), escape sequences aside.
    for line in output.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      let visible = line.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
      #expect(LineFitter.columns(visible) <= 100, "\(visible)")
    }
  }
}
