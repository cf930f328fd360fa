import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why a download did not deliver the file, in the words a learner needs to act on it.
public enum DownloadFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The server answered with a status other than 2xx.
  case httpStatus(Int)
  /// No connection, or it broke (refused, reset, DNS, TLS).
  case connection(String)
  /// Nothing arrived for the whole timeout.
  case timeout(seconds: Double)
  /// The body ended early, or had another size than the catalogue's.
  case wrongSize(received: Int, expected: Int)
  /// The body's SHA-1 is not the catalogue's.
  case checksum(got: String, expected: String)

  /// Whether trying again may succeed: a dropped or refused connection, a timeout, a server
  /// error (5xx), a body cut short. A 404 or a wrong checksum would only repeat.
  public var isTransient: Bool {
    switch self {
    case .httpStatus(let status): return status >= 500 || status == 429 || status == 408
    case .connection, .timeout, .wrongSize: return true
    case .checksum: return false
    }
  }

  public var description: String {
    switch self {
    case .httpStatus(let status):
      return "HTTP status \(status) (\(HTTPURLResponse.localizedString(forStatusCode: status)))"
    case .connection(let reason): return "connection error: \(reason)"
    case .timeout(let seconds): return "timed out: nothing received for \(Int(seconds)) s"
    case let .wrongSize(received, expected):
      return "received \(received) bytes, expected \(expected) (the connection dropped mid-file?)"
    case let .checksum(got, expected):
      return "the downloaded file has SHA-1 \(got), expected \(expected)"
    }
  }
}

/// A blocking HTTP GET that streams the body and reports its progress.
public enum HTTPDownload: Sendable {
  /// How far a download has come: bytes so far, the total when the server said, and since when.
  public struct Progress: Sendable {
    public var received: Int
    public var expected: Int?
    public var started: Date
  }

  /// Downloads `url` and returns its body.
  /// - Parameters:
  ///   - url: where the file is.
  ///   - timeout: seconds without any byte arriving before it gives up.
  ///   - progress: called as bytes arrive (on another thread).
  /// - Throws: `DownloadFailure` saying why.
  public static func fetch(
    _ url: URL, timeout: Double = 30, progress: (@Sendable (Progress) -> Void)? = nil
  ) throws -> Data {
    let receiver = BodyReceiver(progress: progress)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    session.dataTask(with: url).resume()
    receiver.done.wait()
    if let error = receiver.error { throw failure(from: error, timeout: timeout) }
    if let status = receiver.status, !(200..<300).contains(status) { throw DownloadFailure.httpStatus(status) }
    if let expected = receiver.expectedLength, receiver.body.count != expected {
      throw DownloadFailure.wrongSize(received: receiver.body.count, expected: expected)
    }
    return receiver.body
  }

  /// Foundation's error as a `DownloadFailure`.
  private static func failure(from error: Error, timeout: Double) -> DownloadFailure {
    if let urlError = error as? URLError, urlError.code == .timedOut { return .timeout(seconds: timeout) }
    return .connection(error.localizedDescription)
  }
}

/// Collects a body chunk by chunk as URLSession delivers it; the semaphore opens at the end.
private final class BodyReceiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  let progress: (@Sendable (HTTPDownload.Progress) -> Void)?
  // Written on URLSession's delegate queue only, read after `done` opens.
  var body = Data()
  var status: Int?
  var expectedLength: Int?
  var error: Error?
  let started = Date()

  init(progress: (@Sendable (HTTPDownload.Progress) -> Void)?) { self.progress = progress }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    status = (response as? HTTPURLResponse)?.statusCode
    expectedLength = response.expectedContentLength >= 0 ? Int(response.expectedContentLength) : nil
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    body.append(data)
    if let status, (200..<300).contains(status) {
      progress?(.init(received: body.count, expected: expectedLength, started: started))
    }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    self.error = error
    done.signal()
  }
}
