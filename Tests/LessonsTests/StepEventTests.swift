import Foundation
import LessonEngine
import Testing

/// A step's output is kept as events: replaying them prints the same thing and keeps the same
/// events, and they survive a round trip through JSON (the step cache stores them so).
@Suite struct StepEventTests {
  func sample(_ out: StepOutput) {
    out.say("  hello")
    out.latex(#"\mathbf{H}_t^{(l)}"#)
    out.equation("H₁⁽²⁾ = 0.5")
    out.chart(StepChart(title: "ppl", series: [.init(name: "train", values: [9, 5, 3, 2])], height: 4))
    out.heatmap(StepHeatmap(text: "ab", units: [0, 3], values: [[-1, 1], [0.2, -0.4]], unitLabel: "unit"))
  }

  @Test func replayKeepsTheSameEventsAndJSONRoundTrips() throws {
    let first = StepOutput(color: false, width: 80)
    first.quiet = true
    sample(first)
    let events = first.takeEvents()
    #expect(events.count == 5)
    #expect(first.events.isEmpty)
    let second = StepOutput(color: false, width: 80)
    second.quiet = true
    second.replay(events)
    #expect(second.takeEvents() == events)
    let decoded = try JSONDecoder().decode([StepEvent].self, from: JSONEncoder().encode(events))
    #expect(decoded == events)
  }

  @Test func heatmapShadesFollowTheValues() {
    let lines = HeatmapText.lines(StepHeatmap(text: "ab", units: [0], values: [[-1, 1]], unitLabel: "unit"), color: false)
    #expect(lines == ["          \"ab\"", "    unit 0  █"])
  }
}
