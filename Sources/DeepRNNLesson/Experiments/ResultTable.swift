import LessonEngine
import Foundation

/// A table of results: printed with aligned columns in the terminal, saved as CSV.
public struct ResultTable: Codable, Equatable {
  public var columns: [String]
  public var rows: [[String]]

  /// The table as text lines: text columns left-aligned, numeric columns right-aligned, a
  /// rule under the header.
  public func lines(indent: String = "  ") -> [String] {
    let widths = columns.indices.map { c in ([columns[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0 }
    let numeric = columns.indices.map { c in rows.allSatisfy { c >= $0.count || Self.looksNumeric($0[c]) } }
    func format(_ cells: [String]) -> String {
      let padded = columns.indices.map { c -> String in
        let cell = c < cells.count ? cells[c] : ""
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return numeric[c] ? pad + cell : cell + pad
      }
      return indent + padded.joined(separator: "  ")
    }
    let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return [format(columns), rule] + rows.map(format)
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
