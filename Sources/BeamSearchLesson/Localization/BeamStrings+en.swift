extension BeamStrings {
  static let en: [String: String] = [
    "lesson.title": "Beam Search",
    "exercise1.title": "the beam step: keep the k best of k × |V| extensions (and: is exhaustive search a beam search?)",
    "exercise1.hint": "1. Every open hypothesis i gives |V| candidates: tokens + [v], log P + logProbabilities[i][v], finished when v == eos. 2. A finished hypothesis is one candidate, itself: never append to it. 3. Put all candidates in one list and keep the beamSize with the largest logProbability; sort positions (indices) so that equal ones keep the order they were made in. 4. No length penalty here: the search divides by L^α once, at the end. Then think: with beamSize = |V|^T′, what is ever dropped?",
    "exercise2.title": "beam search for machine translation: the beam size, the translations and the speed",
    "exercise2.hint": "Run `lessons run beam-search --step beam-table`, then `s` to try other beam sizes. Look at the BLEU column and the time per sentence together: how much does each step up in k cost, and what does it buy?",
    "exercise3.title": "which search does the character model's predict use, and can it be improved?",
    "exercise3.hint": "`predict` takes the argmax at every step: greedy search. `lessons run beam-search --step beam-char` puts it beside beam search; compare the perplexities, then read the texts. Is the most probable text the one you would want?",

    "example.summary": "the book's worked example: greedy 0.048, beam search finds 0.054",
    "example.tables": "P(next token | the tokens so far), from the book's two figures:",
    "example.otherwise": "(any other prefix: 0.25 each; the book draws none)",
    "example.greedy": "greedy search takes the most probable token at every step:",
    "example.beam": "beam search, k = {k}: the hypotheses kept after each step t′, with P:",
    "example.chosen": "the final choice, by (1/L^α) log P with α = {alpha}:",
    "example.exhaustive": "exhaustive search over every output (it asked the model for {count} states):",
    "example.costs": "states the model computed: greedy {greedy}, beam {beam}, exhaustive {exhaustive}.",

    "charTrain.summary": "the character language model, trained on The Time Machine",
    "charTrain.done": "trained: perplexity {ppl} on the training text, {seconds} s.",

    "char.summary": "exercise 3: predict (greedy) against beam search on the character model",
    "char.badBeams": "beams must be beam sizes from 1 to 1024 separated by |, got '{beams}'",
    "char.prefix": "prefix \"{prefix}\":",
    "char.row": "perplexity {ppl}   {ms} ms",
    "char.summaryLine": "{lower} of {count} beam-search continuations are more probable (lower perplexity) than greedy's.",

    "exercises.summary": "the section's exercises, and where this lesson answers them",
    "exercises.item1": "Write the beam step yourself (`lessons check 1 --lesson beam-search`); the library's tests run beam search with k = |V|^T′ and get exhaustive search's output and score.",
    "exercises.item2": "Measured by `lessons run beam-search --step beam-table` (BLEU, changed translations and time per k) and `--step beam-alpha` (the length penalty).",
    "exercises.item3": "predict is greedy search; `lessons run beam-search --step beam-char` measures what beam search changes.",
  ]
}
