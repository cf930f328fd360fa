import Foundation
import Testing

@testable import D2L

/// Fetching corpora on first use, against a real HTTP server on the loopback address that each
/// test starts and stops: every failure a learner's network can produce, and none leaves a file.
@Suite struct DataFetchTests {
  /// A made-up corpus of 64 KiB, with its catalogue entry as served by `server`.
  static let body = Data((0..<65_536).map { UInt8(97 + ($0 * 7919) % 26) })
  static let spec = DataFileSpec(
    name: "tiny-book.txt", title: "Tiny", author: "Test",
    remoteURL: URL(string: "https://example.invalid/tiny-book.txt"), sha1: sha1Hex(body), byteCount: body.count)

  /// A locator that downloads from `mirror` into `cache` and retries quickly.
  static func locator(mirror: URL, cache: URL) -> DataLocator {
    var locator = DataLocator(dataDirectory: nil, cacheDirectory: cache.path, mirror: mirror)
    locator.retryDelay = 0.01
    return locator
  }

  /// What `cache` holds after the test: nothing at all means no partial or temporary file.
  static func contents(_ cache: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).sorted()
  }

  @Test(.enabled(if: DataTestFiles.available && CorpusCatalog.all.allSatisfy {
    FileManager.default.fileExists(atPath: DataTestFiles.directory! + "/" + $0.name) }, "needs all nine corpora in D2L_DATA_DIR"))
  func everyBookOfTheCatalogueIsFetchedAndVerified() throws {
    let server = try LoopbackHTTPServer { path, _ in
      guard let data = FileManager.default.contents(atPath: DataTestFiles.directory! + path) else { return .status(404) }
      return .ok(data)
    }
    defer { server.stop() }
    try DataTestFiles.withTemporaryDirectory { cache in
      let locator = Self.locator(mirror: server.baseURL, cache: cache)
      for spec in CorpusCatalog.all {
        let url = try locator.locate(spec)
        #expect(url.deletingLastPathComponent().standardizedFileURL == cache.standardizedFileURL)
        #expect(try Data(contentsOf: url).count == spec.byteCount)
      }
      #expect(server.requests.sorted() == CorpusCatalog.all.map { "/" + $0.name }.sorted())
      #expect(Self.contents(cache) == CorpusCatalog.all.map(\.name).sorted())
      // Present now: a second lookup does not download again.
      _ = try locator.locate(.timeMachine)
      #expect(server.requests.count == CorpusCatalog.all.count)
    }
  }

  @Test func aBodyThatFailsItsChecksumIsRefusedAndNotKept() throws {
    var corrupt = Self.body
    corrupt[1000] ^= 0x20
    let server = try LoopbackHTTPServer { [corrupt] _, _ in .ok(corrupt) }
    defer { server.stop() }
    try DataTestFiles.withTemporaryDirectory { cache in
      let message = DataTestFiles.errorText { _ = try Self.locator(mirror: server.baseURL, cache: cache).locate(Self.spec) } ?? ""
      #expect(message.contains("SHA-1 \(sha1Hex(corrupt)), expected \(Self.spec.sha1!)"))
      #expect(message.contains("nothing was kept"))
      #expect(server.requests.count == 1, "a wrong checksum would only repeat: no retry")
      #expect(Self.contents(cache).isEmpty)
    }
  }

  @Test func aMissingFileOnTheServerIsA404() throws {
    let server = try LoopbackHTTPServer { _, _ in .status(404) }
    defer { server.stop() }
    try DataTestFiles.withTemporaryDirectory { cache in
      let message = DataTestFiles.errorText { _ = try Self.locator(mirror: server.baseURL, cache: cache).locate(Self.spec) } ?? ""
      #expect(message.contains("HTTP status 404"))
      #expect(message.contains("\(server.baseURL.absoluteString)/tiny-book.txt"))
      #expect(server.requests == ["/tiny-book.txt"])
      #expect(Self.contents(cache).isEmpty)
    }
  }

  @Test func aRefusedConnectionIsRetriedThenReported() throws {
    let port = try LoopbackHTTPServer.closedPort()
    try DataTestFiles.withTemporaryDirectory { cache in
      let mirror = URL(string: "http://127.0.0.1:\(port)")!
      let message = DataTestFiles.errorText { _ = try Self.locator(mirror: mirror, cache: cache).locate(Self.spec) } ?? ""
      #expect(message.contains("connection error"))
      #expect(message.contains("tried 3 times"))
      #expect(Self.contents(cache).isEmpty)
    }
  }

  @Test func aConnectionDroppedMidBodyLeavesNoPartialFile() throws {
    let server = try LoopbackHTTPServer { _, _ in .dropAfter(bytes: 30_000, of: Self.body) }
    defer { server.stop() }
    try DataTestFiles.withTemporaryDirectory { cache in
      let message = DataTestFiles.errorText { _ = try Self.locator(mirror: server.baseURL, cache: cache).locate(Self.spec) } ?? ""
      #expect(message.contains("failed"), "\(message)")
      #expect(message.contains("tried 3 times"), "\(message)")
      #expect(server.requests.count == 3)
      #expect(Self.contents(cache).isEmpty)
    }
  }

  @Test(arguments: [LoopbackHTTPServer.Response.status(503), .dropAfter(bytes: 100, of: body)])
  func aTransientFailureIsRetriedAndTheRetrySucceeds(first: LoopbackHTTPServer.Response) throws {
    let server = try LoopbackHTTPServer { _, count in count == 0 ? first : .ok(Self.body) }
    defer { server.stop() }
    try DataTestFiles.withTemporaryDirectory { cache in
      let url = try Self.locator(mirror: server.baseURL, cache: cache).locate(Self.spec)
      #expect(try Data(contentsOf: url) == Self.body)
      #expect(server.requests.count == 2)
      #expect(Self.contents(cache) == ["tiny-book.txt"])
    }
  }

  @Test func theMirrorReplacesEverySource() {
    let locator = DataLocator(dataDirectory: nil, mirror: URL(string: "http://127.0.0.1:1/books")!)
    for spec in CorpusCatalog.all {
      #expect(locator.sourceURL(for: spec)?.absoluteString == "http://127.0.0.1:1/books/\(spec.name)")
    }
    #expect(DataLocator(dataDirectory: nil, mirror: nil).sourceURL(for: .timeMachine) == DataFileSpec.timeMachine.remoteURL)
  }

  @Test func theCatalogueHasNineDistinctPinnedCorpora() {
    #expect(CorpusCatalog.all.count == 9)
    #expect(Set(CorpusCatalog.all.map(\.name)).count == 9)
    for spec in CorpusCatalog.all {
      #expect(spec.sha1?.count == 40 && spec.byteCount != nil && spec.remoteURL != nil && !spec.title.isEmpty)
    }
  }
}
