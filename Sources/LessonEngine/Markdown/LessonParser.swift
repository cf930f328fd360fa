import Foundation

/// Reads lesson files: Markdown with step directives, D2L roles and LaTeX math.
///
///     let lesson = try LessonParser.load(path: "lessons/my-lesson.md")
///     let lesson = try LessonParser.parse(text: markdown, file: "lessons/my-lesson.md")
///
/// Every problem is a `LessonError` printed as `FILE:LINE: reason`: a malformed or duplicate
/// step, an unclosed fence, invalid UTF-8, unknown LaTeX, an unknown reference.
public enum LessonParser {
  /// Reads and parses the file at `path`; `file` (default: `path`) is used in diagnostics.
  public static func load(path: String, file: String? = nil) throws -> LessonDocument {
    let name = file ?? path
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw LessonError(file: name, line: nil, reason: "is a folder, not a lesson file")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      // Foundation's message is "The operation could not be completed"; the system's says why.
      let descriptor = open(path, O_RDONLY)
      let reason = descriptor < 0 ? String(cString: strerror(errno)) : error.localizedDescription
      if descriptor >= 0 { close(descriptor) }
      throw LessonError(file: name, line: nil, reason: "cannot read the lesson (\(reason))")
    }
    return try parse(bytes: data, file: name)
  }

  /// Parses raw bytes, reporting the line of the first invalid UTF-8 byte.
  public static func parse<Bytes: Collection>(bytes: Bytes, file: String) throws -> LessonDocument
  where Bytes.Element == UInt8 {
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let before = bytes.prefix(offset)
      let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
      let column = before.reversed().prefix(while: { $0 != UInt8(ascii: "\n") }).count + 1
      let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
      throw LessonError(
        file: file, line: line,
        reason:
          "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))")
    }
    return try parse(text: String(decoding: bytes, as: UTF8.self), file: file)
  }

  /// Parses lesson Markdown.
  /// - Parameters:
  ///   - text: the lesson's Markdown.
  ///   - file: the path shown in diagnostics (`lessons/my-lesson.md`).
  /// - Returns: the prose and steps in order, math rendered, references resolved.
  /// - Throws: `LessonError` (`FILE:LINE: reason`).
  public static func parse(text: String, file: String) throws -> LessonDocument {
    var markdown = text
    if markdown.hasPrefix("\u{FEFF}") { markdown.removeFirst() }
    // Windows line endings: one form for the scanner and the raw-line checks (cmark accepts
    // both, and the line count does not change).
    if markdown.utf8.contains(UInt8(ascii: "\r")) {
      markdown = markdown.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n")
    }
    // The math placeholders are private-use characters: a lesson that already holds them
    // would have its text mistaken for math.
    if let reserved = markdown.unicodeScalars.firstIndex(where: MathProtector.isReserved) {
      let line = markdown.unicodeScalars[..<reserved].filter { $0 == "\n" }.count + 1
      let scalar = markdown.unicodeScalars[reserved].value
      throw LessonError(
        file: file, line: line,
        reason: "character U+\(String(scalar, radix: 16, uppercase: true)) is reserved for math placeholders")
    }
    let protector = MathProtector(markdown: markdown)
    let (root, tooDeepLine) = CmarkDocument(markdown: protector.protectedText).tree()
    if let line = tooDeepLine {
      throw LessonError(
        file: file, line: line,
        reason:
          "Markdown nested more than \(CmarkDocument.maximumDepth) levels deep (lists, quotes, emphasis or links)"
      )
    }
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    var builder = LessonBuilder(file: file, lines: lines, protector: protector)
    let blocks = try builder.build(root)
    var resolver = ReferenceResolver(labels: builder.labels)
    resolver.words = ReferenceWords.forLesson(file: file)
    try resolver.validate(builder.references, file: file)
    return LessonDocument(file: file, blocks: resolver.resolve(blocks))
  }
}
