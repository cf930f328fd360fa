import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// One test per construct of D2L's LaTeX subset (see `MathRenderer`).
@Suite struct MathRendererTests {
  private func render(_ latex: String) throws -> String { try MathRenderer.render(latex) }

  @Test func deepRNNStateShape() throws {
    #expect(try render(#"\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}"#) == "𝐇ₜ⁽ˡ⁾ ∈ ℝⁿˣʰ")
  }

  @Test func deepRNNEquation() throws {
    let latex =
      #"\mathbf{H}_t^{(l)} = \phi_l(\mathbf{H}_t^{(l-1)} \mathbf{W}_{xh}^{(l)} + \mathbf{H}_{t-1}^{(l)} \mathbf{W}_{hh}^{(l)}  + \mathbf{b}_h^{(l)})"#
    #expect(try render(latex) == "𝐇ₜ⁽ˡ⁾ = φₗ(𝐇ₜ⁽ˡ⁻¹⁾𝐖ₓₕ⁽ˡ⁾ + 𝐇ₜ₋₁⁽ˡ⁾𝐖ₕₕ⁽ˡ⁾ + 𝐛ₕ⁽ˡ⁾)")
  }

  @Test func weightWithTwoLetterSubscript() throws {
    #expect(try render(#"\mathbf{W}_{xh}^{(l)}"#) == "𝐖ₓₕ⁽ˡ⁾")
  }

  @Test func boldAlphabets() throws {
    #expect(try render(#"\mathbf{AZaz09}"#) == "𝐀𝐙𝐚𝐳𝟎𝟗")
    #expect(try render(#"\boldsymbol{\theta}"#) == "𝛉")
    #expect(try render(#"\mathbf{X}_t"#) == "𝐗ₜ")
  }

  @Test func blackboardAndCalligraphic() throws {
    #expect(try render(#"\mathbb{R} \mathbb{N} \mathbb{E}"#) == "ℝℕ𝔼")
    #expect(try render(#"\mathcal{L}"#) == "ℒ")
  }

  @Test func romanAndText() throws {
    #expect(try render(#"\mathrm{softmax}(\mathbf{o})"#) == "softmax(𝐨)")
    #expect(try render(#"x \text{ for all } t"#) == "x for all t")
    #expect(try render(#"\textrm{if}"#) == "if")
    #expect(try render(#"\text{with $x_1$}"#) == "with x₁")
  }

  @Test func greekLetters() throws {
    #expect(try render(#"\phi \sigma \alpha \beta \Omega"#) == "φσαβΩ")
  }

  @Test func functionNamesAreSpaced() throws {
    #expect(try render(#"\tanh(x)"#) == "tanh(x)")
    #expect(try render(#"\exp x"#) == "exp x")
    #expect(try render(#"2 \log p"#) == "2 log p")
  }

  @Test func operatorsAndRelations() throws {
    #expect(try render(#"a \odot b"#) == "a ⊙ b")
    #expect(try render(#"a \cdot b \times c"#) == "a · b × c")
    #expect(try render(#"x \in X"#) == "x ∈ X")
    #expect(try render(#"a = -b"#) == "a = -b")
    #expect(try render(#"-x + y"#) == "-x + y")
  }

  @Test func dots() throws {
    #expect(try render(#"1, \ldots, T"#) == "1, …, T")
    #expect(try render(#"x_1, \dots, x_n"#) == "x₁, …, xₙ")
    #expect(try render(#"a_1 + \cdots + a_n"#) == "a₁ + ⋯ + aₙ")
  }

  @Test func sumWithLimits() throws {
    #expect(try render(#"\sum_{t=1}^T x_t"#) == "∑ₜ₌₁ᵀ xₜ")
  }

  @Test func transposeIsASuperscript() throws {
    #expect(try render(#"\mathbf{W}^\top"#) == "𝐖ᵀ")
    #expect(try render(#"\mathbf{x}^{\top}\mathbf{y}"#) == "𝐱ᵀ𝐲")
  }

  @Test func scriptsWithoutUnicodeFormFallBack() throws {
    #expect(try render(#"\mathbf{W}_{hq}"#) == "𝐖_(hq)")
    #expect(try render(#"\mathbf{b}_q"#) == "𝐛_q")
    #expect(try render(#"x^{(Q)}"#) == "x^(Q)")
    // One notation per formula: a script without a Unicode form puts every script in the fallback.
    #expect(try render(#"e^{x_i}"#) == "e^(x_i)")
    #expect(try render(#"\mathbf{H}_t^{(L)} \mathbf{W}_{hq}"#) == "𝐇_t^(L)𝐖_(hq)")
  }

  @Test func scriptOrderIsSubscriptFirst() throws {
    #expect(try render(#"H^{(l)}_t"#) == "Hₜ⁽ˡ⁾")
  }

  @Test func digitsAndSignsInScripts() throws {
    #expect(try render(#"x^{2}_{i+1}"#) == "xᵢ₊₁²")
    #expect(try render(#"10^{-3}"#) == "10⁻³")
  }

  @Test func fractions() throws {
    #expect(try render(#"\frac{a}{b}"#) == "a/b")
    #expect(try render(#"\frac{a+b}{2}"#) == "(a + b)/2")
    #expect(try render(#"\frac{\partial L}{\partial \mathbf{W}}"#) == "∂L/∂𝐖")
    #expect(try render(#"\frac{1}{n-1}"#) == "1/(n - 1)")
  }

  @Test func leftRightAndSpacing() throws {
    #expect(try render(#"\left( a + b \right)"#) == "(a + b)")
    #expect(try render(#"a \quad b"#) == "a  b")
    #expect(try render(#"a\,b"#) == "a b")
    #expect(try render(#"\left\{ x \right."#) == "{x")
  }

  @Test func rootsAndAccents() throws {
    #expect(try render(#"\sqrt{d}"#) == "√d")
    #expect(try render(#"\sqrt{x+1}"#) == "√(x + 1)")
    #expect(try render(#"\hat{y}"#) == "y\u{0302}")
  }

  @Test func lineBreaksRenderLines() throws {
    #expect(try MathRenderer.renderLines(#"a = 1 \\ b = 2"#) == ["a = 1", "b = 2"])
  }

  @Test func alignedColumnsLineUp() throws {
    let latex = #"""
      \begin{aligned}
      \mathbf{H}_t &= \phi(\mathbf{X}_t) \\
      \mathbf{O}_{t} &= \mathbf{H}_t \mathbf{W}_{hq} + \mathbf{b}_q
      \end{aligned}
      """#
    #expect(
      try MathRenderer.renderLines(latex) == [
        "𝐇_t = φ(𝐗_t)",
        "𝐎_t = 𝐇_t𝐖_(hq) + 𝐛_q",
      ])
    #expect(try MathRenderer.renderLines(#"a &= b \\ ccc &= d"#) == ["  a = b", "ccc = d"])
  }

  @Test func matricesStayOnOneLine() throws {
    #expect(try render(#"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}"#) == "[1 2; 3 4]")
  }

  @Test func unknownCommandIsNamed() throws {
    #expect(throws: MathError.unknownCommand(#"\foo"#)) { try render(#"x + \foo{y}"#) }
    #expect(MathError.unknownCommand(#"\foo"#).description == #"unknown LaTeX command \foo"#)
  }

  @Test func malformedInputThrows() throws {
    #expect(throws: MathError.unbalancedBraces) { try render(#"\mathbf{H"#) }
    #expect(throws: MathError.unbalancedBraces) { try render(#"H}"#) }
    #expect(throws: MathError.doubleScript("subscript")) { try render(#"x_a_b"#) }
    #expect(throws: MathError.missingArgument(#"\frac"#)) { try render(#"\frac{a}"#) }
    #expect(throws: MathError.unterminatedEnvironment("aligned")) {
      try render(#"\begin{aligned} a"#)
    }
    #expect(throws: MathError.unknownEnvironment("tikzpicture")) {
      try render(#"\begin{tikzpicture}\end{tikzpicture}"#)
    }
  }
}
