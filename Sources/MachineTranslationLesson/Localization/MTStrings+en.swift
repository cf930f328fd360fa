extension MTStrings {
  static let en: [String: String] = [
    "lesson.title": "Machine Translation and the Dataset",
    "exercise1.title": "the number of pairs read and the sizes of the two vocabularies",
    "exercise1.hint": "A word gets its own index once it has been seen minFreq times, so more pairs mean more indices. Predict how much each vocabulary grows when the pairs double, then run `lessons run machine-translation --step mt-examples-sweep` (and `--set counts=...` for other numbers).",
    "exercise2.title": "word-level tokens for a language written without spaces",
    "exercise2.hint": "Splitting at spaces needs spaces. Ask what a \"word\" becomes when there are none, and how often such a word is seen twice; then run `lessons run machine-translation --step mt-no-spaces` and compare the three rows.",

    "axis.batch": "batch",
    "axis.steps": "steps",

    "raw.summary": "the raw file: one English–French pair per line",
    "raw.size": "fra.txt: {lines} lines, {bytes} bytes",
    "raw.legend": "⇥ the tab between English and French; ␣ a no-break space of French typography (U+202F or U+00A0)",

    "preprocess.summary": "preprocessing: spaces, lower case, punctuation apart",
    "preprocess.before": "before",
    "preprocess.after": "after",
    "preprocess.counts": "in the whole file: {spaces} no-break spaces made ordinary, {letters} capital letters lowered, {inserted} spaces inserted before punctuation",

    "tokens.summary": "word tokens: each pair as two token lists",
    "tokens.count": "{pairs} pairs: {source} English tokens, {target} French tokens",

    "histogram.summary": "the histogram of tokens per sequence, English and French",
    "histogram.source": "English (source)",
    "histogram.target": "French (target)",
    "histogram.axis": "tokens",
    "histogram.stats": "{name}: {mean} tokens per sequence on average, the longest {longest}; {share}% have fewer than 20",

    "vocab.summary": "the vocabularies: <unk> below minFreq, <pad> <bos> <eos> reserved",
    "vocab.pairs": "the first {pairs} pairs, words seen fewer than {minFreq} times read as <unk>:",
    "vocab.source": "English vocabulary",
    "vocab.target": "French vocabulary",
    "vocab.size": "{name}: {size} tokens for {words} distinct words ({unk}% of the tokens fall on <unk>); on all {pairs} pairs: {all}",

    "pad.summary": "truncation and padding to numSteps, with valid lengths",
    "pad.lines": "{count} French sequences",
    "pad.valid": "valid length {length}",
    "pad.truncated": "truncated: {lost} tokens lost, <eos> among them",

    "batch.summary": "load_data_nmt: the first minibatch, indices and words",
    "batch.valid": "valid lengths of {name}",
    "batch.sizes": "{pairs} pairs; vocabularies: {source} English tokens, {target} French tokens",

    "exercises.summary": "the section's two exercises and where they are done",
    "exercises.item1": "Try other numbers of pairs in load_data_nmt: how do the two vocabularies' sizes change? Step mt-examples-sweep builds both for several numbers (`--set counts=...`).",
    "exercises.item2": "Chinese and Japanese put no spaces between words. Is word-level tokenization still a good idea there? Step mt-no-spaces removes the spaces from the French side and measures what word tokens become.",

    "sweep.summary": "exercise 1 measured: vocabulary sizes against the number of pairs",
    "sweep.badCounts": "counts must be positive whole numbers separated by |, got \"{counts}\"",
    "sweep.pairs": "pairs",
    "sweep.source": "English",
    "sweep.sourceUnk": "<unk> en",
    "sweep.target": "French",
    "sweep.targetUnk": "<unk> fr",
    "sweep.reading": "From {from} to {to} pairs ({pairs}× as many), the English vocabulary grows {source}× and the French {target}×. A word gets its own index once it has been seen twice, so new pairs keep adding rare words; the <unk> columns show how much of the text the vocabulary still misses.",

    "nospaces.summary": "exercise 2 measured: French without spaces, tokenized by words",
    "nospaces.tokens": "tokens",
    "nospaces.perSentence": "per pair",
    "nospaces.vocab": "vocabulary",
    "nospaces.unk": "<unk>",
    "nospaces.words": "words (with spaces)",
    "nospaces.unspaced": "words (no spaces)",
    "nospaces.characters": "characters",
    "nospaces.reading": "Without spaces, splitting at spaces leaves each sentence as one token; only sentences that occur twice get an index, so {unspaced}% of the tokens fall on <unk> (with spaces, {words}%). Characters need no boundaries ({characters}% <unk>) but make sequences several times longer. Languages written without spaces are usually cut by a trained word segmenter, or into subword units learned from the data.",

    "help.batchSize": "pairs per minibatch",
    "help.bin": "lengths per bar",
    "help.counts": "numbers of pairs, separated by |",
    "help.examples": "pairs read (the book: 600)",
    "help.keepLines": "lines handed to the next steps, 0 for all (a quick run keeps a few)",
    "help.lengths": "the last bar: this length and longer",
    "help.minFreq": "a word seen fewer times is <unk>",
    "help.numSteps": "tokens per sequence",
    "help.pairs": "lines or pairs to print",
    "help.seed": "the shuffling seed",
  ]
}
