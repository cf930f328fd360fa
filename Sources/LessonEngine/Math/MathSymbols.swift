/// The LaTeX commands that stand for a single symbol, with their spacing class.
///
/// D2L's formulas use a small part of LaTeX; this table is that part plus its close relatives,
/// so an unknown command is more likely a typo than a missing entry.
enum MathSymbols {
  /// The symbol for `\name`, or nil if `name` is not a symbol command.
  static func symbol(_ name: String) -> MathAtom? {
    if let letter = greek[name] { return .ordinary(letter) }
    if let text = ordinary[name] { return .ordinary(text) }
    if let text = binary[name] { return MathAtom(kind: .binary, text: text) }
    if let text = relations[name] { return MathAtom(kind: .relation, text: text) }
    if let text = large[name] { return MathAtom(kind: .largeOperator, text: text) }
    if operatorNames.contains(name) { return MathAtom(kind: .operatorName, text: name) }
    if let text = spaces[name] { return MathAtom(kind: .space, text: text) }
    if let delimiter = delimiters[name] { return delimiter }
    return nil
  }

  /// The delimiter that `\left`, `\right` or `\big` take as their argument, by command name.
  static func delimiter(command name: String) -> String? {
    delimiters[name]?.text ?? (name == "|" ? "‖" : nil)
  }

  static let greek: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ",
    "varphi": "ϕ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]

  private static let ordinary: [String: String] = [
    "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "dotsc": "…",
    "dotsb": "⋯", "top": "ᵀ", "intercal": "ᵀ", "prime": "′", "infty": "∞", "partial": "∂",
    "nabla": "∇", "forall": "∀", "exists": "∃", "emptyset": "∅", "varnothing": "∅",
    "ell": "ℓ", "hbar": "ħ", "neg": "¬", "lnot": "¬", "perp": "⊥", "bot": "⊥",
    "%": "%", "$": "$", "#": "#", "&": "&", "_": "_", "|": "‖", "vert": "|", "Vert": "‖",
    "dagger": "†", "angle": "∠", "triangle": "△", "checkmark": "✓",
    "backslash": "∖", "uparrow": "↑", "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓",
    "square": "□", "Box": "□", "diamond": "⋄", "clubsuit": "♣", "spadesuit": "♠",
    "heartsuit": "♡", "diamondsuit": "♢", "flat": "♭", "sharp": "♯", "natural": "♮",
    "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "imath": "ı", "jmath": "ȷ",
  ]

  private static let binary: [String: String] = [
    "times": "×", "cdot": "·", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
    "pm": "±", "mp": "∓", "circ": "∘", "bullet": "•", "ast": "∗", "div": "÷", "cup": "∪",
    "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
    "star": "⋆",
  ]

  private static let relations: [String: String] = [
    "in": "∈", "notin": "∉", "ni": "∋", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "cong": "≅",
    "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "subset": "⊂", "subseteq": "⊆",
    "supset": "⊃", "supseteq": "⊇", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
    "Leftrightarrow": "⇔", "longrightarrow": "⟶", "longleftarrow": "⟵", "mapsto": "↦",
    "implies": "⟹", "iff": "⟺", "mid": "|", "coloneqq": "≔", "triangleq": "≜",
    "doteq": "≐", "succ": "≻", "succeq": "⪰", "prec": "≺", "preceq": "⪯",
    "lessapprox": "⪅", "gtrapprox": "⪆", "lesssim": "≲", "gtrsim": "≳", "nleq": "≰",
    "ngeq": "≱", "nsim": "≁", "asymp": "≍", "sqsubseteq": "⊑", "sqsupseteq": "⊒",
    "leqslant": "⩽", "geqslant": "⩾", "nparallel": "∦", "leftrightarrows": "⇆",
    "rightleftharpoons": "⇌", "hookrightarrow": "↪",
    "models": "⊨", "vdash": "⊢", "parallel": "∥", "colon": ":",
  ]

  private static let large: [String: String] = [
    "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮",
    "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
  ]

  private static let operatorNames: Set<String> = [
    "tanh", "sinh", "cosh", "exp", "log", "ln", "lg", "sin", "cos", "tan", "cot", "sec",
    "csc", "arcsin", "arccos", "arctan", "max", "min", "sup", "inf", "lim", "liminf",
    "limsup", "det", "dim", "ker", "deg", "gcd", "arg", "Pr", "hom", "mod", "bmod",
  ]

  private static let spaces: [String: String] = [
    "quad": "  ", "qquad": "    ", ",": " ", ":": " ", ";": " ", " ": " ", "!": "", ">": " ",
    "enspace": " ", "thinspace": " ", "medspace": " ", "thickspace": " ",
  ]

  private static let delimiters: [String: MathAtom] = [
    "{": MathAtom(kind: .open, text: "{"), "}": MathAtom(kind: .close, text: "}"),
    "lbrace": MathAtom(kind: .open, text: "{"), "rbrace": MathAtom(kind: .close, text: "}"),
    "langle": MathAtom(kind: .open, text: "⟨"), "rangle": MathAtom(kind: .close, text: "⟩"),
    "lVert": MathAtom(kind: .open, text: "‖"), "rVert": MathAtom(kind: .close, text: "‖"),
    "lvert": MathAtom(kind: .open, text: "|"), "rvert": MathAtom(kind: .close, text: "|"),
    "lfloor": MathAtom(kind: .open, text: "⌊"), "rfloor": MathAtom(kind: .close, text: "⌋"),
    "lceil": MathAtom(kind: .open, text: "⌈"), "rceil": MathAtom(kind: .close, text: "⌉"),
    "lbrack": MathAtom(kind: .open, text: "["), "rbrack": MathAtom(kind: .close, text: "]"),
  ]

  /// The spacing class of a plain character in math mode.
  static func kind(of character: Character) -> MathAtom.Kind {
    switch character {
    case "+", "-", "*", "−", "×", "·", "±": return .binary
    case "=", "<", ">", ":", "≤", "≥", "≠", "≈", "∈", "→": return .relation
    case "(", "[": return .open
    case ")", "]": return .close
    case ",", ";": return .punctuation
    default: return .ordinary
    }
  }
}
