import Testing
@testable import LessonEngine

/// A name that does not exist is answered with the one the learner probably meant, and only
/// when one name is close: a letter added, dropped, changed or two swapped, or a unique prefix.
@Suite struct NameSuggestionTests {
  let lessons = ["gru", "lstm", "deep-rnn", "bi-rnn", "seq2seq", "beam-search"]

  @Test func aCloseNameIsSuggested() {
    #expect(NameSuggestion.closest(to: "gur", among: lessons) == "gru")  // swapped
    #expect(NameSuggestion.closest(to: "lsmt", among: lessons) == "lstm")
    #expect(NameSuggestion.closest(to: "deep-rn", among: lessons) == "deep-rnn")  // dropped
    #expect(NameSuggestion.closest(to: "deep", among: lessons) == "deep-rnn")  // a unique prefix
    #expect(NameSuggestion.closest(to: "epoch", among: ["epochs", "lr", "clip"]) == "epochs")
  }

  @Test func nothingIsSuggestedWhenNothingOrSeveralAreClose() {
    #expect(NameSuggestion.closest(to: "attention", among: lessons) == nil)
    #expect(NameSuggestion.closest(to: "rnn", among: ["rnn1", "rnn2"]) == nil)  // two at one letter
    #expect(NameSuggestion.note("xyz", among: lessons) == "")
    #expect(NameSuggestion.distance("gur", "gru") == 1 && NameSuggestion.distance("kitten", "sitting") == 3)
  }
}
