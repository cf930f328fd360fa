import Testing
@testable import LessonEngine

/// Fitting an output line to the terminal breaks it at spaces, indents what follows, and keeps
/// the runs of spaces inside a line: a matrix's right-aligned columns stay aligned.
@Suite struct LineFitterTests {
  @Test func runsOfSpacesInsideALineAreKept() {
    let line = "    [  0,  5,  3]   <unk> ! <eos> <pad> <pad>"
    #expect(LineFitter.fit(line, width: 40) == ["    [  0,  5,  3]   <unk> ! <eos> <pad>", "      <pad>"])
  }

  @Test func aBreakDropsTheSpacesAroundIt() {
    #expect(LineFitter.paragraph("alpha    beta gamma", width: 8, first: "", rest: "  ") == ["alpha", "  beta", "  gamma"])
    #expect(LineFitter.paragraph("alpha beta    gamma", width: 12, first: "", rest: "") == ["alpha beta", "gamma"])
  }
}
