import LessonEngine
// The course: every lesson the tool knows, registered here and nowhere else. A new lesson is
// its own target (see docs/architecture.md) plus an import and an entry below.
import BeamSearchLesson
import BiRNNLesson
import DeepRNNLesson
import GRULesson
import LSTMLesson

let course = Course([
  GRULesson.lesson, LSTMLesson.lesson, DeepRNNLesson.lesson, BiRNNLesson.lesson, BeamSearchLesson.lesson,
])
