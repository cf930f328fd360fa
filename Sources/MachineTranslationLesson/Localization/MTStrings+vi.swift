extension MTStrings {
  static let vi: [String: String] = [
    "lesson.title": "Dịch máy và Bộ dữ liệu",
    "exercise1.title": "số cặp câu được đọc và kích thước của hai bộ từ vựng",
    "exercise1.hint": "Một từ được cấp chỉ số riêng khi nó đã xuất hiện đủ minFreq lần, nên càng nhiều cặp thì càng nhiều chỉ số. Hãy đoán xem mỗi bộ từ vựng lớn thêm bao nhiêu khi số cặp tăng gấp đôi, rồi chạy `lessons run machine-translation --step mt-examples-sweep` (và `--set counts=...` cho những số khác).",
    "exercise2.title": "token mức từ cho một ngôn ngữ viết không có khoảng trắng",
    "exercise2.hint": "Tách theo khoảng trắng thì cần có khoảng trắng. Hãy tự hỏi một \"từ\" sẽ thành gì khi không có khoảng trắng nào, và một từ như thế có hay xuất hiện hai lần không; rồi chạy `lessons run machine-translation --step mt-no-spaces` và so sánh ba hàng.",

    "axis.batch": "batch",
    "axis.steps": "bước",

    "raw.summary": "tệp thô: mỗi dòng một cặp Anh–Pháp",
    "raw.size": "fra.txt: {lines} dòng, {bytes} byte",
    "raw.legend": "⇥ ký tự tab giữa tiếng Anh và tiếng Pháp; ␣ khoảng trắng không ngắt dòng theo cách trình bày của tiếng Pháp (U+202F hoặc U+00A0)",

    "preprocess.summary": "tiền xử lý: khoảng trắng, chữ thường, tách dấu câu",
    "preprocess.before": "trước",
    "preprocess.after": "sau",
    "preprocess.counts": "trên cả tệp: {spaces} khoảng trắng không ngắt dòng được đổi thành khoảng trắng thường, {letters} chữ hoa được đổi thành chữ thường, {inserted} khoảng trắng được chèn trước dấu câu",

    "tokens.summary": "token mức từ: mỗi cặp thành hai danh sách token",
    "tokens.count": "{pairs} cặp: {source} token tiếng Anh, {target} token tiếng Pháp",

    "histogram.summary": "biểu đồ tần suất số token mỗi chuỗi, tiếng Anh và tiếng Pháp",
    "histogram.source": "tiếng Anh (nguồn)",
    "histogram.target": "tiếng Pháp (đích)",
    "histogram.axis": "token",
    "histogram.stats": "{name}: trung bình {mean} token mỗi chuỗi, dài nhất {longest}; {share}% có ít hơn 20 token",

    "vocab.summary": "các bộ từ vựng: <unk> dưới minFreq, dành riêng <pad> <bos> <eos>",
    "vocab.pairs": "{pairs} cặp đầu tiên, từ nào xuất hiện ít hơn {minFreq} lần được đọc thành <unk>:",
    "vocab.source": "bộ từ vựng tiếng Anh",
    "vocab.target": "bộ từ vựng tiếng Pháp",
    "vocab.size": "{name}: {size} token cho {words} từ khác nhau ({unk}% số token rơi vào <unk>); trên cả {pairs} cặp: {all}",

    "pad.summary": "cắt bớt và đệm cho đủ numSteps, kèm độ dài hợp lệ",
    "pad.lines": "{count} chuỗi tiếng Pháp",
    "pad.valid": "độ dài hợp lệ {length}",
    "pad.truncated": "đã cắt bớt: mất {lost} token, trong đó có <eos>",

    "batch.summary": "load_data_nmt: minibatch đầu tiên, chỉ số và từ",
    "batch.valid": "độ dài hợp lệ của {name}",
    "batch.sizes": "{pairs} cặp; bộ từ vựng: {source} token tiếng Anh, {target} token tiếng Pháp",

    "exercises.summary": "hai bài tập của phần này và nơi thực hiện chúng",
    "exercises.item1": "Thử những số cặp khác trong load_data_nmt: kích thước của hai bộ từ vựng thay đổi ra sao? Bước mt-examples-sweep dựng cả hai với nhiều số cặp khác nhau (`--set counts=...`).",
    "exercises.item2": "Tiếng Trung và tiếng Nhật không đặt khoảng trắng giữa các từ. Tách token mức từ có còn là ý hay ở đó không? Bước mt-no-spaces xóa khoảng trắng ở phía tiếng Pháp và đo xem token mức từ trở thành gì.",

    "sweep.summary": "bài tập 1 có đo đạc: kích thước bộ từ vựng theo số cặp",
    "sweep.badCounts": "counts phải là các số nguyên dương ngăn cách bởi |, nhưng nhận được \"{counts}\"",
    "sweep.pairs": "số cặp",
    "sweep.source": "tiếng Anh",
    "sweep.sourceUnk": "<unk> Anh",
    "sweep.target": "tiếng Pháp",
    "sweep.targetUnk": "<unk> Pháp",
    "sweep.reading": "Từ {from} lên {to} cặp (gấp {pairs} lần), bộ từ vựng tiếng Anh lớn gấp {source} lần và tiếng Pháp gấp {target} lần. Một từ được cấp chỉ số riêng khi đã xuất hiện hai lần, nên cặp mới cứ mang thêm từ hiếm; các cột <unk> cho thấy bộ từ vựng còn bỏ sót bao nhiêu phần văn bản.",

    "nospaces.summary": "bài tập 2 có đo đạc: tiếng Pháp không khoảng trắng, tách token theo từ",
    "nospaces.tokens": "token",
    "nospaces.perSentence": "mỗi cặp",
    "nospaces.vocab": "từ vựng",
    "nospaces.unk": "<unk>",
    "nospaces.words": "từ (có khoảng trắng)",
    "nospaces.unspaced": "từ (không khoảng trắng)",
    "nospaces.characters": "ký tự",
    "nospaces.reading": "Không có khoảng trắng, tách theo khoảng trắng để lại mỗi câu thành một token; chỉ những câu xuất hiện hai lần mới được cấp chỉ số, nên {unspaced}% số token rơi vào <unk> (có khoảng trắng: {words}%). Ký tự không cần ranh giới ({characters}% <unk>) nhưng làm chuỗi dài gấp nhiều lần. Những ngôn ngữ viết không có khoảng trắng thường được cắt bằng một bộ tách từ đã huấn luyện, hoặc thành các đơn vị dưới mức từ học từ dữ liệu.",

    "help.batchSize": "số cặp mỗi minibatch",
    "help.bin": "số độ dài mỗi thanh",
    "help.counts": "các số cặp, ngăn cách bởi |",
    "help.examples": "số cặp được đọc (sách: 600)",
    "help.keepLines": "số dòng chuyển cho các bước sau, 0 là tất cả (chạy nhanh thì giữ ít)",
    "help.lengths": "thanh cuối: độ dài này và dài hơn",
    "help.minFreq": "từ xuất hiện ít hơn số lần này là <unk>",
    "help.numSteps": "số token mỗi chuỗi",
    "help.pairs": "số dòng hay số cặp được in",
    "help.seed": "hạt giống xáo trộn",
  ]
}
