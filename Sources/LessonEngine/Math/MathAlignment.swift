/// Lays out the rows of an alignment (`aligned`, or `\\` and `&` at the top level) as lines.
///
/// As in LaTeX's `aligned`, columns alternate right- and left-aligned, so `a &= b \\ cd &= e`
/// lines up the `=` signs.
enum MathAlignment {
  static func lines(_ rows: [MathParser.Row]) -> [String] {
    // An environment that fills a whole row (`\begin{aligned}…\end{aligned}` as the formula)
    // contributes its own, already aligned lines.
    func spliced(_ row: MathParser.Row) -> [String]? {
      row.count == 1 && row[0].count == 1 ? row[0][0].lines : nil
    }
    let rendered: [[String]?] = rows.map { row in
      spliced(row) == nil
        ? row.enumerated().map { MathLayout.join($1, script: false, continuesCell: $0 > 0) } : nil
    }
    var widths: [Int] = []
    for cells in rendered.compactMap({ $0 }) {
      for (column, cell) in cells.enumerated() {
        if column == widths.count { widths.append(0) }
        widths[column] = max(widths[column], DisplayWidth.of(cell))
      }
    }
    var lines: [String] = []
    for (row, cells) in zip(rows, rendered) {
      guard let cells else {
        lines += spliced(row)!
        continue
      }
      var line = ""
      for (column, cell) in cells.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
        line += column % 2 == 0 ? padding + cell : cell + padding
      }
      lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
    }
    return lines
  }
}
