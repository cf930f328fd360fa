extension EDStrings {
  static let en: [String: String] = [
    "lesson.title": "The Encoder–Decoder Architecture",
    "exercise1.title": "must the encoder and the decoder be the same kind of network?",
    "exercise1.hint": "The interface asks one thing of the two halves: the decoder's initState must accept what the encoder returns. Look at the types of MeanEncoder and LastStateEncoder, then run `lessons run encoder-decoder --step ed-mixed` and compare.",
    "exercise2.title": "other applications of the encoder–decoder architecture",
    "exercise2.hint": "Look for any task whose input and output are both sequences (or whose input is something else, such as an image, and whose output is a sequence), of lengths that need not match.",

    "axis.batch": "batch",
    "axis.steps": "steps",
    "axis.hidden": "hidden",
    "axis.layers": "layers",
    "axis.vocab": "vocab",

    "interface.summary": "the interface at the book's toy sizes: three calls and their shapes",
    "interface.tokens": "token indices",
    "interface.summary1": "one vector per sequence: the average of its valid tokens' embeddings, through a dense layer",
    "interface.state": "the decoder's first state",
    "interface.scores": "a score for every word, at every step",
    "interface.after": "after the last step: the next call's state",
    "interface.same": "EncoderDecoder(encoder, decoder)(X, X) gives the same scores (largest difference {difference})",

    "generate.summary": "writing one token at a time through the same interface (untrained)",
    "generate.step": "step {step}: input {input} → best word {best}",
    "generate.source": "source {source} → written {written}",
    "generate.note": "in this toy vocabulary <bos> is {bos} and <eos> is {eos}; the model is untrained, so the words mean nothing, and it stops at <eos> or after maxSteps words",

    "exercises.summary": "the section's two exercises and where they are done",
    "exercises.item1": "If neural networks implement the encoder and the decoder, must they be the same type of network? Step ed-mixed trains a translator whose encoder only averages embeddings, and one whose encoder is a GRU, under the same GRU decoder.",
    "exercises.item2": "Besides machine translation, where else does the encoder–decoder architecture fit? Think of summarising a text, answering a question about it, turning speech into text, describing an image in words, or code from a description: wherever a sequence (or an image) goes in and a sequence of another length comes out.",

    "mixed.summary": "exercise 1 measured: an averaging encoder and a GRU encoder under the same decoder",
    "mixed.averaging": "averaging encoder",
    "mixed.recurrent": "GRU encoder",
    "mixed.chart": "cross-entropy per valid target token, per epoch",
    "mixed.result": "{name}: {loss} per token at the end, trained in {seconds} s",
    "mixed.reading": "Both translators keep the same interface and train with the same code: the encoder may be any network whose output the decoder's initState accepts. What differs is what the summary can hold. An average forgets word order (\"tom saw mary\" and \"mary saw tom\" average to the same vector); a recurrent encoder's last state depends on it. Compare the two curves and the translations above.",

    "help.batch": "sequences",
    "help.embedSize": "numbers per embedding",
    "help.epochs": "epochs for each model",
    "help.maxSteps": "words to write at most",
    "help.numHiddens": "hidden units",
    "help.references": "their French references, separated by |",
    "help.seed": "random seed",
    "help.sentences": "English sentences, preprocessed (\"go .\"), separated by |",
    "help.steps": "steps per sequence",
    "help.vocabSize": "words in the toy vocabulary",
  ]
}
