import LessonEngine
import Foundation

/// A table of results: printed with aligned columns in the terminal, saved as CSV.
public struct ResultTable: Codable, Equatable {
  public var columns: [String]
  public var rows: [[String]]

  public init(columns: [String], rows: [[String]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The table as text lines: text columns left-aligned, numeric columns right-aligned, a
  /// rule under the header, at most `width` display columns wide when it can be.
  ///
  /// A table wider than `width` is wrapped by design, in two moves: first its headings break
  /// at their spaces (`held-out` over `Wells`), so that a column is only as wide as its values
  /// or its longest heading word; if it is still too wide, its columns are split into
  /// several tables printed one under the other, each repeating the first column.
  public func lines(indent: String = "  ", width: Int = .max) -> [String] {
    let all = Array(columns.indices)
    let natural = render(all, indent: indent, widths: all.map { columnWidth($0, wrapHeadings: false) })
    if natural.allSatisfy({ LineFitter.columns($0) <= width }) { return natural }
    // Narrowest columns (values, or a heading's longest word), then widened where the room
    // allows, cheapest first, so that as many headings as possible stay on one line.
    var widths = all.map { columnWidth($0, wrapHeadings: true) }
    let fullWidths = all.map { columnWidth($0, wrapHeadings: false) }
    var spare = width - LineFitter.columns(indent) - widths.reduce(0, +) - 2 * (columns.count - 1)
    if spare >= 0 {
      for c in all.sorted(by: { fullWidths[$0] - widths[$0] < fullWidths[$1] - widths[$1] }) {
        let extra = fullWidths[c] - widths[c]
        if extra <= spare {
          widths[c] = fullWidths[c]
          spare -= extra
        }
      }
      return render(all, indent: indent, widths: widths)
    }
    if columns.count < 3 { return render(all, indent: indent, widths: widths) }
    // Split: the first column, then as many further columns as fit, repeatedly.
    var groups: [[Int]] = [], current = [0], used = LineFitter.columns(indent) + widths[0]
    for c in all.dropFirst() {
      if current.count > 1, used + 2 + widths[c] > width {
        groups.append(current)
        current = [0]
        used = LineFitter.columns(indent) + widths[0]
      }
      current.append(c)
      used += 2 + widths[c]
    }
    groups.append(current)
    return groups.enumerated().flatMap { k, group in
      (k > 0 ? [""] : []) + render(group, indent: indent, widths: group.map { widths[$0] })
    }
  }

  /// Column `c`'s width: its widest value, and its heading (or the heading's longest word).
  private func columnWidth(_ c: Int, wrapHeadings: Bool) -> Int {
    let heading = wrapHeadings
      ? columns[c].split(separator: " ").map { LineFitter.columns($0) }.max() ?? 0 : LineFitter.columns(columns[c])
    return max(heading, rows.map { c < $0.count ? LineFitter.columns($0[c]) : 0 }.max() ?? 0)
  }

  /// The lines of the columns `selected`, `widths` wide, headings broken to fit them.
  private func render(_ selected: [Int], indent: String, widths: [Int]) -> [String] {
    let numeric = selected.map { c in rows.allSatisfy { c >= $0.count || Self.looksNumeric($0[c]) } }
    func format(_ cells: [String]) -> String {
      let padded = cells.indices.map { k -> String in
        let pad = String(repeating: " ", count: max(0, widths[k] - LineFitter.columns(cells[k])))
        return numeric[k] ? pad + cells[k] : cells[k] + pad
      }
      var line = indent + padded.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
    let headings = selected.enumerated().map { k, c in
      LineFitter.paragraph(columns[c], width: widths[k], first: "", rest: "")
    }
    let headingRows = headings.map(\.count).max() ?? 1
    // Headings sit on the rule: a shorter heading is pushed down to its last line.
    let headingLines = (0..<headingRows).map { row in
      format(headings.map { h in
        let k = row - (headingRows - h.count)
        return k >= 0 ? h[k] : ""
      })
    }
    let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return headingLines + [rule] + rows.map { row in format(selected.map { $0 < row.count ? row[$0] : "" }) }
  }

  /// The table as CSV (RFC 4180: cells with commas, quotes or line breaks are quoted).
  public var csv: String {
    func quote(_ cell: String) -> String {
      cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
    return ([columns] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  private static func looksNumeric(_ cell: String) -> Bool {
    // Digits with a sign, decimal point, percent or unit suffix (k, M, s): `-16.6%`, `212k`.
    cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || ".,-+%kMs".contains($0) }
      && (cell.first!.isNumber || ((cell.first == "-" || cell.first == "+") && cell.dropFirst().first?.isNumber == true))
  }
}
