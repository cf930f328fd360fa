import Foundation

/// D2L's text functions for the translation pairs (`read_data_nmt`, `preprocess_nmt`,
/// `tokenize_nmt`), character for character as the book's Python computes them.

/// The raw text of `fra-eng/fra.txt` (D2L's `read_data_nmt`), or only its first `lines` lines
/// when given: the book reads the whole file but tokenizes only the first pairs, and every
/// later step is per line, so cutting first changes nothing but the time it takes.
/// - Throws: the locator's errors, or `DataError` for an empty or binary file.
public func readDataNMT(lines: Int? = nil, locator: DataLocator = DataLocator()) throws -> String {
  let url = try locator.locate(.fraEng, extractingFrom: .fraEngZip)
  var bytes = universalNewlines(try TextFile.readBytes(at: url))
  if let lines, lines >= 0 {
    var seen = 0
    if let end = bytes.firstIndex(where: { byte in
      if byte == UInt8(ascii: "\n") { seen += 1 }
      return seen == lines
    }) {
      bytes.removeSubrange(end...)
    }
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Python's text mode, which the book's `open(...)` reads in: CRLF and a lone CR become LF.
private func universalNewlines(_ bytes: [UInt8]) -> [UInt8] {
  guard bytes.contains(UInt8(ascii: "\r")) else { return bytes }
  var out: [UInt8] = []
  out.reserveCapacity(bytes.count)
  for (i, byte) in bytes.enumerated() where byte != UInt8(ascii: "\r") || i + 1 == bytes.count || bytes[i + 1] != UInt8(ascii: "\n") {
    out.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : byte)
  }
  return out
}

/// D2L's `preprocess_nmt`: non-breaking spaces (U+202F, U+00A0) become spaces, everything is
/// lower-cased, and a space is put before `,` `.` `!` `?` unless one is there already, so that
/// punctuation becomes a word of its own ("Go." → "go .").
public func preprocessNMT(_ text: String) -> String {
  var replaced = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    replaced.append(scalar == "\u{202F}" || scalar == "\u{A0}" ? " " : scalar)
  }
  // Python's str.lower() and Swift's lowercased() both apply Unicode's full lower-case mapping.
  let lowered = String(replaced).lowercased().unicodeScalars
  var out = String.UnicodeScalarView()
  out.reserveCapacity(lowered.count + lowered.count / 8)
  var previous: Unicode.Scalar?
  for scalar in lowered {
    // The book compares with the previous character of the input, not of the output.
    if let previous, previous != " ", scalar == "," || scalar == "." || scalar == "!" || scalar == "?" {
      out.append(" ")
    }
    out.append(scalar)
    previous = scalar
  }
  return String(out)
}

/// D2L's `tokenize_nmt`: each line `source<TAB>target` becomes two token lists, split at single
/// spaces (as Python's `split(' ')`, so two spaces in a row make an empty token). Lines without
/// exactly one tab are skipped. With `numExamples` (0 or nil: all), the book stops once the line
/// index *exceeds* it, so lines 0…numExamples are read: 601 pairs for 600.
public func tokenizeNMT(_ text: String, numExamples: Int? = nil) -> (source: [[String]], target: [[String]]) {
  var source: [[String]] = [], target: [[String]] = []
  for (i, line) in split(Substring(text).unicodeScalars, at: "\n").enumerated() {
    if let numExamples, numExamples > 0, i > numExamples { break }
    let parts = split(line, at: "\t")
    guard parts.count == 2 else { continue }
    source.append(split(parts[0], at: " ").map { String($0) })
    target.append(split(parts[1], at: " ").map { String($0) })
  }
  return (source, target)
}

/// Python's `str.split(separator)`: by code points (a Swift `Character` would keep a space and a
/// combining mark after it together), empty pieces kept.
private func split(_ text: Substring.UnicodeScalarView, at separator: Unicode.Scalar) -> [Substring.UnicodeScalarView] {
  text.split(separator: separator, omittingEmptySubsequences: false)
}
