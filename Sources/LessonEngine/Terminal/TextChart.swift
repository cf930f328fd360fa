import Foundation

/// A line chart drawn with characters, for perplexity curves in a terminal (D2L's animated
/// plot, after the fact): the same braille chart the live view draws during training.
public enum TextChart {
  public static let markers: [Character] = ["●", "▲", "■", "◆", "○"]

  /// The chart's lines: a y axis with labels, each series a braille line (`BrailleChart`),
  /// `width` columns of plot, a legend under it when there is more than one series.
  public static func lines(series: [(name: String, values: [Double])], height: Int, width: Int) -> [String] {
    BrailleChart.lines(series: series, height: height, width: width + 11)
  }
}
