import Foundation
import Testing
@testable import D2L

/// The team really runs its parts at the same time, and its barrier orders their steps.
@Suite(.serialized) struct WorkerTeamTests {
  @Test func partsRunConcurrently() throws {
    let team = WorkerTeam.shared
    try #require(team.size >= 2, "needs 2 cores")
    // Each part sleeps 200 ms: run one after the other, that is 400 ms; together, 200 ms.
    let start = Date()
    team.run(parts: team.size) { _ in Thread.sleep(forTimeInterval: 0.2) }
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < 0.35, "parts took \(elapsed) s: they did not overlap")
  }

  @Test func barrierSeparatesSteps() throws {
    let team = WorkerTeam.shared
    try #require(team.size >= 2, "needs 2 cores")
    let steps = 500
    let log = UnsafeMutablePointer<Int>.allocate(capacity: steps * team.size)
    defer { log.deallocate() }
    let shared = UnsafeSendable(log)
    // Each part writes its step number, then every part checks that all parts wrote it.
    var ok = true
    let flag = UnsafeSendable(withUnsafeMutablePointer(to: &ok) { $0 })
    team.run(parts: team.size) { p in
      for t in 0..<steps {
        shared.value[t * team.size + p] = t
        team.sync(parts: team.size)
        for q in 0..<team.size where shared.value[t * team.size + q] != t { flag.value.pointee = false }
        team.sync(parts: team.size)
      }
    }
    #expect(ok)
  }
}
