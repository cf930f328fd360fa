import LessonEngine
// The course: every lesson the tool knows, registered here and nowhere else. A new lesson is
// its own target (see docs/architecture.md) plus an import and an entry below.
import BeamSearchLesson
import BiRNNLesson
import DeepRNNLesson
import EncoderDecoderLesson
import GRULesson
import LSTMLesson
import MachineTranslationLesson
import Seq2SeqLesson

let course = Course([
  GRULesson.lesson, LSTMLesson.lesson, DeepRNNLesson.lesson, BiRNNLesson.lesson,
  MachineTranslationLesson.lesson, EncoderDecoderLesson.lesson, Seq2SeqLesson.lesson,
  BeamSearchLesson.lesson,
])
