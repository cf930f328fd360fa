import Foundation

/// Project Gutenberg files wrap a book in a header and a licence footer, marked by lines such
/// as `*** START OF THIS PROJECT GUTENBERG EBOOK ... ***` and `*** END OF ... ***`. Training
/// on a book should see only the book.
enum GutenbergMarker: Equatable {
  case start, end

  /// The marker a line (terminator excluded) begins with, if any. `***START OF` without the
  /// space is accepted too, as some older files write it.
  init?<Line: Collection<UInt8>>(line: Line) {
    var rest = line[...]
    guard rest.starts(with: Self.stars) else { return nil }
    rest = rest.dropFirst(Self.stars.count)
    if rest.first == 0x20 { rest = rest.dropFirst() }
    if rest.starts(with: Self.startWords) {
      self = .start
    } else if rest.starts(with: Self.endWords) {
      self = .end
    } else {
      return nil
    }
  }

  private static let stars = Array("***".utf8)
  private static let startWords = Array("START OF".utf8)
  private static let endWords = Array("END OF".utf8)
}

/// The byte range of the book inside a Project Gutenberg file: from just after the
/// `*** START OF` line to just before the `*** END OF` line (both excluded). Without a start
/// marker the range starts at 0; without an end marker (after the start) it runs to the end.
/// Lines end with `\n`, `\r\n` or `\r`.
func gutenbergBodyRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
  var bodyStart = 0
  var bodyEnd = bytes.count
  var seenStart = false
  var lineStart = 0
  var i = 0
  while lineStart < bytes.count {
    // Find the end of this line and the start of the next one.
    i = lineStart
    while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
    var next = i
    if next < bytes.count { next += (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) ? 2 : 1 }
    switch GutenbergMarker(line: UnsafeBufferPointer(rebasing: bytes[lineStart..<i])) {
    case .start? where !seenStart:
      seenStart = true
      bodyStart = next
    case .end?:
      bodyEnd = lineStart
      return bodyStart..<max(bodyStart, bodyEnd)
    default:
      break
    }
    lineStart = next
  }
  return bodyStart..<bodyEnd
}

/// The book inside a Project Gutenberg text, header and licence cut off; the whole text
/// when it has no markers.
public func gutenbergBody(_ text: String) -> String {
  var text = text
  return text.withUTF8 { bytes in
    String(decoding: UnsafeBufferPointer(rebasing: bytes[gutenbergBodyRange(bytes)]), as: UTF8.self)
  }
}

/// The books at `paths`, each cut to its Gutenberg body, concatenated into one text (each
/// book ends with a line break, so the last line of one never runs into the next).
/// - Throws: `DataError` for an empty or binary file; Foundation's error for unreadable ones.
public func loadBooks(paths: [String]) throws -> String {
  var combined = ""
  for path in paths {
    let body = gutenbergBody(try TextFile.readString(at: URL(fileURLWithPath: path)))
    combined += body
    if let last = body.utf8.last, last != 0x0A && last != 0x0D { combined += "\n" }
  }
  return combined
}

/// The books called `names` (e.g. `wells-war-of-the-worlds.txt`), found by `locator`; see
/// `loadBooks(paths:)`.
public func loadBooks(named names: [String], locator: DataLocator = DataLocator()) throws -> String {
  try loadBooks(paths: names.map { try locator.locate(named: $0).path })
}
