import D2L
import Foundation

/// One cached step result on disk: `STEP-KEY.json` (a header line, then the body) and, when
/// the step's output is cachable, `STEP-KEY.output.EXT` (the output itself, e.g. safetensors).
///
/// The header names the format, the key and the build that wrote the entry, and the SHA-1 of
/// the body; the body holds what the step printed, how long it took, when, and the SHA-1 of
/// the output file. Any mismatch (a truncated or flipped file, another format, another build
/// or kernel level) makes the entry unusable, with the reason.
struct CacheEntry {
  /// The format this tool writes and reads; an entry of another format is ignored.
  static let format = 1

  struct Header: Codable, Equatable {
    var format: Int
    var lesson: String
    var step: String
    var key: String
    var inputs: String
    var tool: String
    var kernelLevel: String
    var bodySHA1: String
  }

  struct Body: Codable, Equatable {
    var events: [StepEvent]
    var seconds: Double
    var date: Date
    /// The output file's name (beside the entry) and SHA-1, when the output was kept.
    var outputFile: String?
    var outputSHA1: String?
  }

  var header: Header
  var body: Body

  /// The entry as bytes: the header as one JSON line, then the body.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let bodyData = try encoder.encode(body)
    var header = header
    header.bodySHA1 = sha1Hex(bodyData)
    return try encoder.encode(header) + Data("\n".utf8) + bodyData
  }

  /// Just the header, for listings and for telling another build's entry from a broken one.
  static func header(of data: Data) throws -> Header {
    guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { throw CacheProblem("no header line") }
    guard let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]) else {
      throw CacheProblem("the header is not readable")
    }
    return header
  }

  /// Reads and checks an entry written by `encoded()`.
  /// - Throws: `CacheProblem` saying what is wrong.
  static func decode(_ data: Data) throws -> CacheEntry {
    let header = try header(of: data)
    guard header.format == format else {
      throw CacheProblem("format \(header.format), this tool reads format \(format)")
    }
    let bodyData = data[(data.firstIndex(of: UInt8(ascii: "\n"))! + 1)...]
    guard sha1Hex(bodyData) == header.bodySHA1 else { throw CacheProblem("damaged or truncated (checksum differs)") }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let body = try? decoder.decode(Body.self, from: bodyData) else { throw CacheProblem("the body is not readable") }
    return CacheEntry(header: header, body: body)
  }
}

/// Why a cache entry cannot be used, in a few words.
struct CacheProblem: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
