import Foundation

/// Misuse of the library (a wrong shape, an index out of range) stops the program with a plain
/// message that names what was wrong, in every build.
///
/// Not `precondition`: release builds of this package use `-Ounchecked`, where preconditions
/// are not checked at all, and optimised builds drop their messages; a learner would get
/// silent garbage or an unexplained trap instead of "matmul: shapes (2, 3) and (4, 5) do not fit".
@inline(__always)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if _slowPath(!condition()) { fail(message()) }
}

/// Stops with `error: message` on standard error and exit status 1 (no crash trace).
public func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  exit(EXIT_FAILURE)
}
