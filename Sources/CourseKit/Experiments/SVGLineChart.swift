import LessonEngine
import Foundation

/// A line chart as a standalone SVG file: axes with round-numbered ticks, axis labels, a
/// title, a legend, and one polyline (with point markers) per series. Enough to look at an
/// experiment's curves in a browser, with no plotting library.
public struct SVGLineChart {
  public struct Series {
    public var name: String
    public var points: [(x: Double, y: Double)]

    public init(name: String, points: [(x: Double, y: Double)]) {
      self.name = name
      self.points = points
    }
  }

  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [Series]
  public var width = 720.0
  public var height = 440.0

  /// Colour-blind-safe colours (Okabe and Ito), one per series in turn.
  public static let gridColor = "#e5e5e5"
  public static let legendBorder = "#cccccc"
  public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

  /// The SVG document.
  public func render() -> String {
    let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    // Whole-number x values (epochs) get whole-number ticks.
    let xs = Self.ticks(finite.map(\.x), integers: finite.allSatisfy { $0.x == $0.x.rounded() }), ys = Self.ticks(finite.map(\.y))
    // The plot area inside the margins (room for tick labels, axis labels and the title).
    let left = 70.0, right = width - 20, top = 40.0, bottom = height - 55
    func px(_ x: Double) -> Double { left + (x - xs.lo) / (xs.hi - xs.lo) * (right - left) }
    func py(_ y: Double) -> Double { bottom - (y - ys.lo) / (ys.hi - ys.lo) * (bottom - top) }
    var out: [String] = []
    out.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    out.append(#"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(width))" height="\#(f(height))" viewBox="0 0 \#(f(width)) \#(f(height))" font-family="sans-serif" font-size="12">"#)
    out.append(#"<rect width="100%" height="100%" fill="white"/>"#)
    out.append(#"<text x="\#(f(width / 2))" y="22" text-anchor="middle" font-size="15">\#(Self.escape(title))</text>"#)
    // Grid lines and tick labels.
    for x in xs.values {
      out.append(#"<line x1="\#(f(px(x)))" y1="\#(f(top))" x2="\#(f(px(x)))" y2="\#(f(bottom))" stroke="\#(Self.gridColor)"/>"#)
      out.append(#"<text x="\#(f(px(x)))" y="\#(f(bottom + 16))" text-anchor="middle">\#(Self.label(x))</text>"#)
    }
    for y in ys.values {
      out.append(#"<line x1="\#(f(left))" y1="\#(f(py(y)))" x2="\#(f(right))" y2="\#(f(py(y)))" stroke="\#(Self.gridColor)"/>"#)
      out.append(#"<text x="\#(f(left - 6))" y="\#(f(py(y) + 4))" text-anchor="end">\#(Self.label(y))</text>"#)
    }
    // Axes and their labels.
    out.append(#"<line x1="\#(f(left))" y1="\#(f(bottom))" x2="\#(f(right))" y2="\#(f(bottom))" stroke="black"/>"#)
    out.append(#"<line x1="\#(f(left))" y1="\#(f(top))" x2="\#(f(left))" y2="\#(f(bottom))" stroke="black"/>"#)
    out.append(#"<text x="\#(f((left + right) / 2))" y="\#(f(height - 12))" text-anchor="middle">\#(Self.escape(xLabel))</text>"#)
    out.append(#"<text x="16" y="\#(f((top + bottom) / 2))" text-anchor="middle" transform="rotate(-90 16 \#(f((top + bottom) / 2)))">\#(Self.escape(yLabel))</text>"#)
    // One polyline per series, markers on its points (skipped when too dense to see).
    for (k, s) in series.enumerated() {
      let color = Self.colors[k % Self.colors.count]
      let points = s.points.filter { $0.x.isFinite && $0.y.isFinite }
      let path = points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
      out.append(#"<polyline fill="none" stroke="\#(color)" stroke-width="2" points="\#(path)"/>"#)
      if points.count <= 60 {
        for p in points { out.append(#"<circle cx="\#(f(px(p.x)))" cy="\#(f(py(p.y)))" r="3" fill="\#(color)"/>"#) }
      }
    }
    // The legend, top right inside the plot, on a white box so that lines do not cross it
    // (about 8 px per character at 12 px: no font metrics in a hand-written SVG).
    let legendWidth = 30 + 8 * Double(series.map(\.name.count).max() ?? 0)
    if !series.isEmpty {
      out.append(#"<rect x="\#(f(right - legendWidth - 6))" y="\#(f(top + 2))" width="\#(f(legendWidth))" height="\#(f(18 * Double(series.count) + 6))" fill="white" fill-opacity="0.85" stroke="\#(Self.legendBorder)"/>"#)
    }
    for (k, s) in series.enumerated() {
      let y = top + 14 + 18 * Double(k), x = right - legendWidth
      let color = Self.colors[k % Self.colors.count]
      out.append(#"<line x1="\#(f(x))" y1="\#(f(y - 4))" x2="\#(f(x + 16))" y2="\#(f(y - 4))" stroke="\#(color)" stroke-width="3"/>"#)
      out.append(#"<text x="\#(f(x + 20))" y="\#(f(y))">\#(Self.escape(s.name))</text>"#)
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// Axis bounds and ticks at round numbers (1, 2 or 5 × a power of ten) covering `values`.
  public static func ticks(_ values: [Double], integers: Bool = false) -> (lo: Double, hi: Double, values: [Double]) {
    guard var lo = values.min(), var hi = values.max() else { return (0, 1, [0, 0.5, 1]) }
    if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
    let raw = (hi - lo) / 5
    let power = pow(10, floor(log10(raw)))
    var step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    if integers { step = max(step, 1) }
    lo = floor(lo / step) * step
    hi = ceil(hi / step) * step
    let count = Int(((hi - lo) / step).rounded())
    return (lo, hi, (0...count).map { lo + Double($0) * step })
  }

  /// A tick label: thousands as `k`, otherwise at most 3 significant decimals.
  public static func label(_ v: Double) -> String {
    if abs(v) >= 1000 { return String(format: "%gk", v / 1000) }
    return String(format: "%g", (v * 1000).rounded() / 1000)
  }

  /// Text for XML character data and attribute values.
  public static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  private func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
