extension BeamStrings {
  static let vi: [String: String] = [
    "lesson.title": "Tìm kiếm Chùm",
    "exercise1.title": "bước chùm: giữ k ứng viên tốt nhất trong k × |V| phần mở rộng (và: tìm kiếm vét cạn có phải là một dạng tìm kiếm chùm?)",
    "exercise1.hint": "1. Mỗi giả thuyết còn mở i cho |V| ứng viên: tokens + [v], log P + logProbabilities[i][v], kết thúc khi v == eos. 2. Giả thuyết đã kết thúc là một ứng viên, chính nó: không bao giờ nối thêm. 3. Gom mọi ứng viên vào một danh sách rồi giữ beamSize ứng viên có logProbability lớn nhất; sắp xếp các chỉ số để những ứng viên bằng nhau giữ đúng thứ tự được tạo ra. 4. Không dùng hệ số phạt độ dài ở đây: phép tìm kiếm chia cho L^α một lần, ở cuối. Rồi hãy nghĩ: với beamSize = |V|^T′, có gì bị loại bỏ không?",
    "exercise2.title": "tìm kiếm chùm cho dịch máy: kích thước chùm, bản dịch và tốc độ",
    "exercise2.hint": "Chạy `lessons run beam-search --step beam-table`, rồi nhấn `s` để thử các kích thước chùm khác. Hãy xem cột BLEU cùng với thời gian cho mỗi câu: mỗi lần tăng k tốn thêm bao nhiêu, và đổi lại được gì?",
    "exercise3.title": "hàm predict của mô hình ký tự dùng phép tìm kiếm nào, và có thể cải thiện không?",
    "exercise3.hint": "`predict` lấy argmax ở mỗi bước: đó là tìm kiếm tham lam. `lessons run beam-search --step beam-char` đặt nó cạnh tìm kiếm chùm; hãy so sánh độ rối rồi đọc các đoạn văn. Đoạn văn có xác suất cao nhất có phải là đoạn bạn muốn không?",

    "example.summary": "ví dụ của sách: tham lam được 0,048, tìm kiếm chùm tìm ra 0,054",
    "example.tables": "P(token kế tiếp | các token đã có), lấy từ hai hình của sách:",
    "example.otherwise": "(mọi tiền tố khác: 0,25 cho mỗi token; sách không vẽ)",
    "example.greedy": "tìm kiếm tham lam lấy token có xác suất cao nhất ở mỗi bước:",
    "example.beam": "tìm kiếm chùm, k = {k}: các giả thuyết được giữ sau mỗi bước t′, kèm P:",
    "example.chosen": "lựa chọn cuối cùng, theo (1/L^α) log P với α = {alpha}:",
    "example.exhaustive": "tìm kiếm vét cạn trên mọi chuỗi đầu ra (đã hỏi mô hình {count} trạng thái):",
    "example.costs": "số trạng thái mô hình đã tính: tham lam {greedy}, chùm {beam}, vét cạn {exhaustive}.",

    "charTrain.summary": "mô hình ngôn ngữ ký tự, huấn luyện trên Cỗ máy Thời gian",
    "charTrain.done": "đã huấn luyện: độ rối {ppl} trên văn bản huấn luyện, {seconds} s.",

    "char.summary": "bài tập 3: predict (tham lam) so với tìm kiếm chùm trên mô hình ký tự",
    "char.badBeams": "beams phải là các kích thước chùm từ 1 đến 1024, ngăn cách bởi |, nhận được '{beams}'",
    "char.prefix": "tiền tố \"{prefix}\":",
    "char.row": "độ rối {ppl}   {ms} ms",
    "char.summaryLine": "{lower} trên {count} đoạn nối tiếp của tìm kiếm chùm có xác suất cao hơn (độ rối thấp hơn) đoạn của tìm kiếm tham lam.",

    "exercises.summary": "các bài tập của mục, và nơi bài học này trả lời chúng",
    "exercises.item1": "Hãy tự viết bước chùm (`lessons check 1 --lesson beam-search`); các bài kiểm thử của thư viện chạy tìm kiếm chùm với k = |V|^T′ và nhận đúng chuỗi đầu ra cùng điểm số của tìm kiếm vét cạn.",
    "exercises.item2": "Được đo bằng `lessons run beam-search --step beam-table` (BLEU, số bản dịch thay đổi và thời gian theo từng k) và `--step beam-alpha` (hệ số phạt độ dài).",
    "exercises.item3": "predict là tìm kiếm tham lam; `lessons run beam-search --step beam-char` đo xem tìm kiếm chùm thay đổi được gì.",
  ]
}
