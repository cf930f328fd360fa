import Foundation

/// Misuse of the library (a wrong shape, an index out of range) stops the program as a failed
/// precondition, with a plain message that names what was wrong, in every build.
///
/// Not `precondition` itself: optimised builds drop its message, and a learner would get an
/// unexplained trap instead of "matmul: shapes (2, 3) and (4, 5) do not fit". Call it once per
/// operation, outside the loops over elements.
@inline(__always)
func check(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if _slowPath(!condition()) { fail(message(), file: file, line: line) }
}

/// Stops on misuse of the library: writes `error: message` to standard error, then traps as a
/// failed precondition (a debugger stops there; the library never calls `exit()`).
public func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  preconditionFailure(message, file: file, line: line)
}
