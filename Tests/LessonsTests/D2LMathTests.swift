import Testing

@testable import LessonEngine

/// The LaTeX of D2L's chapters beyond the deep-RNN lesson's: each construct renders to
/// Unicode on one line, with no command left.
@Suite struct D2LMathTests {
  private func render(_ latex: String) throws -> String { try MathRenderer.render(latex) }

  @Test(arguments: [
    // A brace naming a part of a formula, with its note.
    (#"\underbrace{\left[\sum_{h} P(h)\right]}_{\pi_2}"#, "[∑ₕ P(h)]⏟(π₂)"),
    (#"\overbrace{a+b}^{n}"#, "a + b⏞(n)"),
    // Arrows over a letter: a forward and a backward hidden state.
    (#"\overrightarrow{\mathbf{H}}_t"#, "𝐇⃗ₜ"),
    (#"\overleftarrow{\mathbf{H}}_t"#, "𝐇⃖ₜ"),
    // Notes over and under symbols.
    (#"a \stackrel{\mathrm{def}}{=} b"#, "a ≝ b"),
    (#"a \overset{?}{=} b"#, "a ≟ b"),
    (#"x \overset{n}{\to} y"#, "x →ⁿ y"),
    (#"\underset{x}{\operatorname{argmax}} f"#, "argmaxₓ f"),
    // Text, operator names, bold symbols, transpose, conditionals.
    (#"\text{if } x > 0"#, "if x > 0"),
    (#"\operatorname{softmax}(\mathbf{o})"#, "softmax(𝐨)"),
    (#"\boldsymbol{\theta}^\top \mathbf{x}"#, "𝛉ᵀ𝐱"),
    (#"P(x_t \mid x_{t-1})"#, "P(xₜ | xₜ₋₁)"),
    (#"\left(\frac{a+b}{2}\right)"#, "((a + b)/2)"),
    // Limits, binomials, negation, orders, set difference.
    (#"\sum_{t=1}^T \prod_{i=1}^n x_i"#, "∑ₜ₌₁ᵀ ∏ᵢ₌₁ⁿ xᵢ"),
    (#"{n \choose k} p^k"#, "C(n, k)pᵏ"),
    (#"n \choose k"#, "C(n, k)"),
    (#"\binom{n}{k}"#, "C(n, k)"),
    (#"a \not= b \not\in S"#, "a ≠ b ∉ S"),
    (#"\mathbf{A} \succ 0, \mathbf{B} \succeq 0"#, "𝐀 ≻ 0, 𝐁 ⪰ 0"),
    (#"A \backslash B"#, "A∖B"),
    (#"a \> b"#, "a b"),
  ])
  func rendersTheBooksConstructs(latex: String, expected: String) throws {
    #expect(try render(latex) == expected)
  }

  @Test func malformedConstructsAreErrorsNotCrashes() {
    #expect(throws: MathError.missingArgument(#"\stackrel"#)) { try render(#"\stackrel{a}"#) }
    #expect(throws: MathError.missingArgument(#"\underbrace"#)) { try render(#"\underbrace"#) }
    #expect(throws: MathError.missingArgument(#"\not"#)) { try render(#"\not"#) }
    #expect(throws: MathError.unexpected(#"\choose"#)) { try render(#"{a \choose b \choose c}"#) }
  }
}
