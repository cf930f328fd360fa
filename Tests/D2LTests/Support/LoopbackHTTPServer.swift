import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for download tests: started and stopped by the test
/// itself, one connection at a time, each answered as `respond` says and then closed.
final class LoopbackHTTPServer: @unchecked Sendable {
  /// How to answer one request.
  enum Response {
    /// 200 with this body.
    case ok(Data)
    /// This status and a short body.
    case status(Int)
    /// 200 announcing the whole body's length, then only the first `bytes` of it, then a
    /// closed connection: a download dropped mid-file.
    case dropAfter(bytes: Int, of: Data)
  }

  /// The port it listens on.
  let port: UInt16
  var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
  /// The paths requested so far, in order.
  var requests: [String] { lock.withLock { requested } }

  private let listener: Int32
  private let respond: @Sendable (_ path: String, _ count: Int) -> Response
  private let lock = NSLock()
  private var requested: [String] = []
  private let stopped = DispatchSemaphore(value: 0)

  /// Starts listening; `respond` gets the path and how many requests came before this one.
  init(respond: @escaping @Sendable (_ path: String, _ count: Int) -> Response) throws {
    self.respond = respond
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = UInt16(bigEndian: address.sin_port)
    Thread.detachNewThread { [self] in serve() }
  }

  /// A port on which nothing listens, for a refused connection.
  static func closedPort() throws -> UInt16 {
    let server = try LoopbackHTTPServer { _, _ in .status(500) }
    let port = server.port
    server.stop()
    return port
  }

  /// Stops accepting and waits for the accept loop to end.
  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    stopped.wait()
  }

  private func serve() {
    defer { stopped.signal() }
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 { return }
      answer(connection)
      close(connection)
    }
  }

  private func answer(_ connection: Int32) {
    guard let path = readRequestPath(connection) else { return }
    let count = lock.withLock { () -> Int in
      requested.append(path)
      return requested.count - 1
    }
    switch respond(path, count) {
    case .ok(let body):
      send(connection, header(200, length: body.count) + body)
    case .status(let status):
      let body = Data("status \(status)\n".utf8)
      send(connection, header(status, length: body.count) + body)
    case .dropAfter(let bytes, let body):
      send(connection, header(200, length: body.count) + body.prefix(bytes))
    }
  }

  /// The request line's path, after reading the headers to their blank line.
  private func readRequestPath(_ connection: Int32) -> String? {
    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(Data("\r\n\r\n".utf8)) {
      let n = read(connection, &buffer, buffer.count)
      if n <= 0 { return nil }
      received.append(buffer, count: n)
    }
    let firstLine = String(decoding: received, as: UTF8.self).split(separator: "\r\n").first ?? ""
    let parts = firstLine.split(separator: " ")
    return parts.count >= 2 ? String(parts[1]) : nil
  }

  private func header(_ status: Int, length: Int) -> Data {
    Data("HTTP/1.1 \(status) X\r\nContent-Length: \(length)\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n".utf8)
  }

  private func send(_ connection: Int32, _ data: Data) {
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(connection, raw.baseAddress! + offset, raw.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }
}
