import Foundation
import Testing

/// D2L-format files through `lessons run FILE`, end to end: what the book's own files need
/// (references outside the file, LaTeX beyond the renderer, stray labels) opens with exit 0 and
/// a list of warnings at the end, each reference once; `--tab` picks the framework.
@Suite struct D2LFormatWalkTests {
  static let intro = "# A chapter\n\nSome prose.\n\n"

  private func walk(_ text: String, _ options: [String] = []) throws -> (LessonsBinary.Result, String) {
    try Reliability.withTemporaryDirectory { dir in
      let file = dir.appendingPathComponent("chapter.md")
      try text.write(to: file, atomically: true, encoding: .utf8)
      return (try LessonsBinary.run(["run", file.path, "--no-color"] + options), file.path)
    }
  }

  /// Formerly errors in `ReliabilityLessonFileTests`; a reader of the book's files needs them to
  /// open. (`LessonParseOptions.strict` still refuses each, as `LessonParserTests` shows.)
  @Test(arguments: [
    ("unknown LaTeX command", "The state $\\mathbf{H} \\in \\reals$.\n", ":5: unknown LaTeX command \\reals"),
    ("unbalanced LaTeX braces", "The state $\\mathbf{H$.\n", ":5: unbalanced braces in LaTeX"),
    ("unknown LaTeX environment", "$$\\begin{tikzpicture}x\\end{tikzpicture}$$\n", ":5: unknown LaTeX environment 'tikzpicture'"),
    ("LaTeX nested too deeply", "$" + String(repeating: "{", count: 500) + "x" + String(repeating: "}", count: 500) + "$\n",
     ":5: LaTeX nested more than 64 levels deep"),
    ("unknown reference", "As :numref:`sec_nowhere` shows.\n", ":5: reference 'sec_nowhere' is outside this file, shown as “§ nowhere”"),
  ])
  func bookProblemsAreListedAtTheEnd(name: String, body: String, warning: String) throws {
    let (result, path) = try walk(Self.intro + body)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("\nShown differently from the book (1):\n  " + path + warning + "\n"), "\(result.stdout)")
  }

  @Test func aStrayLabelOpensQuietly() throws {
    let (result, _) = try walk(Self.intro + "Words :label:`sec_x` here.\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("Shown differently"), "\(result.stdout)")
    #expect(result.stdout.contains("Words here."), "\(result.stdout)")
  }

  @Test func eachReferenceIsListedOnce() throws {
    let body = "See :numref:`sec_lstm`, :numref:`sec_gru` and :numref:`sec_lstm`.\n\nAgain :numref:`sec_lstm`.\n"
    let (result, path) = try walk(Self.intro + body)
    #expect(result.status == 0)
    #expect(result.stdout.contains("See § lstm, § gru and § lstm."))
    let list = result.stdout.components(separatedBy: "Shown differently from the book (2):\n").last ?? ""
    #expect(list == "  \(path):5: reference 'sec_lstm' is outside this file, shown as “§ lstm”\n  \(path):5: reference 'sec_gru' is outside this file, shown as “§ gru”\n", "\(result.stdout)")
  }

  @Test func tabOptionPicksTheFramework() throws {
    let body = "```{.python .input}\nimport mx_like\n```\n\n```{.python .input}\n#@tab pytorch\nimport torch_like\n```\n"
    let (pytorch, _) = try walk(Self.intro + body)
    #expect(pytorch.stdout.contains("import torch_like") && !pytorch.stdout.contains("mx_like"))
    #expect(!pytorch.stdout.contains("#@tab"))
    let (mxnet, _) = try walk(Self.intro + body, ["--tab", "mxnet"])
    #expect(mxnet.stdout.contains("import mx_like") && !mxnet.stdout.contains("torch_like"))
    let (all, _) = try walk(Self.intro + body, ["--tab", "all"])
    #expect(all.stdout.contains("import mx_like") && all.stdout.contains("import torch_like"))
    let (bad, _) = try walk(Self.intro + body, ["--tab", "caffe"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("unknown framework 'caffe'"), "\(bad.stderr)")
  }
}
