import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A blocking HTTP GET, used by `DataLocator` to fetch D2L's public data files.
public enum HTTPDownload: Sendable {
  /// Downloads `url` and returns its body; fails on transport errors and non-2xx statuses.
  /// - Throws: `DataError.downloadFailed` with the reason.
  public static func fetch(_ url: URL) throws -> Data {
    // A class box: the completion handler runs on another thread and hands the result back.
    final class ResultBox: @unchecked Sendable { var result: Result<Data, Error>? }
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    let request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 60)
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      if let error {
        box.result = .failure(
          DataError.downloadFailed(url: url.absoluteString, reason: error.localizedDescription))
      } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
        box.result = .failure(
          DataError.downloadFailed(url: url.absoluteString, reason: "HTTP status \(http.statusCode)"))
      } else {
        box.result = .success(data ?? Data())
      }
      done.signal()
    }
    task.resume()
    done.wait()
    return try box.result!.get()
  }
}
