extension LSTMStrings {
  static let vi: [String: String] = [
    "lesson.title": "Bộ nhớ Ngắn hạn Dài (LSTM)",
    "exercise1.title": "siêu tham số so với thời gian chạy, độ rối và chuỗi đầu ra",
    "exercise1.hint": "Chạy lại bước huấn luyện từ đầu với ít epoch hơn và kích thước khác, ví dụ `--set epochs=50 --set numHiddens=64`, rồi so token/s, độ rối và dự đoán với lần chạy của bài.",
    "exercise2.title": "dùng từ thay cho ký tự",
    "exercise2.hint": "Chỉ bộ tách token và bộ từ vựng thay đổi: đầu vào thành các vectơ one-hot trên hàng nghìn từ, tầng đầu ra cũng vậy. Phần dữ liệu đã có bộ tách từ; xem bước bài tập để biết những gì lớn lên.",
    "exercise3.title": "chi phí của GRU, LSTM và RNN ở cùng số đơn vị ẩn, khi huấn luyện và khi suy luận",
    "exercise3.hint": "`lessons run lstm --step lstm-cost` đo ba loại ô; hãy so số FLOP mỗi token với thời gian mỗi token.",
    "exercise4.title": "vì sao trạng thái ẩn cần thêm một hàm tanh",
    "exercise4.hint": "Ô nhớ ứng viên nằm trong (−1, 1), nhưng ô nhớ cộng thêm một ứng viên ở mỗi bước, nhân với cổng đầu vào, và giữ ô nhớ cũ, nhân với cổng quên: không có gì giữ Cₜ trong (−1, 1). Viết bước đó trong exercises/Sources/LSTMExercise4/NoTanhLSTM.swift: bốn dòng cổng và Cₜ như LSTM; chỉ Hₜ = Oₜ ⊙ Cₜ thay đổi (không có tanh). Giữ mọi hệ số điều chỉnh, cổng quên nhân với Cₜ₋₁, cổng đầu vào nhân với C̃ₜ. Sau đó `lessons run lstm --step lstm-hidden-range` đo Hₜ khi có và khi không có tanh.",
    "exercise5.title": "mô hình LSTM dự đoán chuỗi thời gian",
    "exercise5.hint": "Thay đầu vào one-hot bằng giá trị của chuỗi (d = 1) và tầng đầu ra trên bộ từ vựng bằng một đơn vị với hàm mất mát bình phương; bản thân ô LSTM không đổi.",

    "axis.steps": "bước",
    "axis.batch": "batch",
    "axis.inputs": "đầu vào",
    "axis.hidden": "ẩn",

    "tiny.summary": "LSTM tự lập trình trên một ví dụ nhỏ: mọi cổng, ô nhớ và trạng thái, từng bước",
    "tiny.zero": "H₀ = C₀ = 0. Ở mỗi bước (mỗi hàng một chuỗi):",
    "tiny.range": "|Cₜ| lớn nhất ở trên là {c}; |Hₜ| lớn nhất là {h}, nằm trong (−1, 1) nhờ hàm tanh của Hₜ và cổng đầu ra.",

    "scratchTrain.summary": "huấn luyện LSTM tự lập trình với thiết lập của mục sách",
    "conciseTrain.summary": "huấn luyện LSTM súc tích với cùng thiết lập",

    "agrees.summary": "LSTM súc tích mang trọng số đã huấn luyện của LSTM tự lập trình",
    "agrees.difference": "chênh lệch lớn nhất trên mọi Hₜ: {h}; trên ô nhớ cuối C_T: {c}. LSTM của PyTorch chính là LSTM của mục sách, từng cổng một (hai hệ số điều chỉnh của mỗi cổng cộng lại thành một).",

    "published.summary": "độ rối, token/s và dự đoán cạnh kết quả D2L",
    "published.columns": "lần chạy|epoch|độ rối|token/s|phần cứng",
    "published.d2lScratch": "D2L 0.17, LSTM tự lập trình",
    "published.d2lConcise": "D2L 0.17, nn.LSTM",
    "published.gpu": "một GPU CUDA (cuda:0)",
    "published.hardware": "{cpu}, {threads} luồng",
    "published.cpu": "CPU của máy này",
    "published.ourScratch": "lần chạy này, LSTMScratch",
    "published.ourConcise": "lần chạy này, LSTM",
    "published.ratio": "Trên CPU này, LSTM tự lập trình chạy bằng {scratch} lần tốc độ của bản tự lập trình của D2L trên GPU, bản súc tích bằng {concise} lần của D2L; tầng hợp nhất nhanh gấp {fused} lần bản tự lập trình. Độ rối cuối của mô hình tự lập trình cao hơn mô hình súc tích {gap}. (token/s: trung vị qua các epoch.)",

    "gates.summary": "các cổng nhìn thấy được: cổng đầu vào, cổng quên và cổng đầu ra trên một câu",
    "gates.unit": "đơn vị",
    "gates.legend": "LSTM tự lập trình đã huấn luyện đọc câu dưới đây từ trạng thái 0. Trong {hidden} đơn vị ẩn, {count} đơn vị có cổng biến động nhiều nhất được vẽ, mỗi đơn vị một hàng, mỗi ký tự một cột ({steps} bước); màu xanh (ô trống khi không có màu) là cổng đóng (0), màu đỏ (█) là cổng mở (1), màu nhạt là cổng mở một nửa.",
    "gates.input": "cổng đầu vào Iₜ (ghi bao nhiêu phần của ứng viên C̃ₜ):",
    "gates.forget": "cổng quên Fₜ (giữ lại bao nhiêu phần của Cₜ₋₁):",
    "gates.output": "cổng đầu ra Oₜ (cho thấy bao nhiêu phần của tanh(Cₜ) thành Hₜ):",
    "gates.measured": "Đo trên cả {hidden} đơn vị: trung bình của cổng quên là {space} ở các bước đọc dấu cách, {start} ở chữ cái đầu của một từ và {inside} ở các chữ cái còn lại.",
    "gates.keepsAtSpace": "Vậy ở ranh giới giữa hai từ, LSTM này giữ lại ô nhớ nhiều hơn so với bên trong một từ.",
    "gates.forgetsAtSpace": "Vậy ở ranh giới giữa hai từ, LSTM này quên ô nhớ nhiều hơn so với bên trong một từ.",

    "range.summary": "bài tập 4: miền giá trị của Hₜ khi bỏ hàm tanh thứ hai",
    "range.trained": "LSTM đã huấn luyện trên câu: |Hₜ| lớn nhất {h}, |Cₜ| lớn nhất {c}. Cùng trọng số đó khi bỏ tanh của Hₜ (Hₜ = Oₜ ⊙ Cₜ): |Hₜ| lớn nhất {without}.",
    "range.settings": "hai LSTM từ cùng một hạt giống, {hidden} đơn vị ẩn, {epochs} epoch, tốc độ học 1, cắt gradient 1; miền giá trị trên cùng câu đó:",
    "range.columns": "trạng thái ẩn|độ rối|Hₜ lớn nhất|Cₜ lớn nhất",
    "range.with": "Hₜ = Oₜ ⊙ tanh(Cₜ)",
    "range.without": "Hₜ = Oₜ ⊙ Cₜ",

    "cost.summary": "bài tập 3: chi phí của RNN, GRU và LSTM ở cùng số đơn vị ẩn",
    "cost.columns": "ô|token/s huấn luyện|token/s suy luận|MFLOP/token huấn luyện|MFLOP/token suy luận",
    "cost.measured": "Mỗi token, GRU cần {gruFlops} lần khối lượng tính của RNN và LSTM cần {lstmFlops} lần; đo ở đây (một tầng, batch 32 × 35, {threads} luồng), một token huấn luyện tốn {gruTime} lần thời gian của RNN với GRU và {lstmTime} lần với LSTM, một token suy luận tốn {gruInference} lần và {lstmInference} lần.",

    "exercises.summary": "các bài tập của mục sách, và chỗ bài học này trả lời chúng",
    "exercises.item1": "Siêu tham số so với thời gian chạy, độ rối và đầu ra: `lessons run lstm --step lstm-scratch-train --set epochs=50 --set numHiddens=64`, hoặc phím `s` ở các bước huấn luyện.",
    "exercises.item2": "Dùng từ thay cho ký tự: ô giữ nguyên; bộ tách token, bộ từ vựng (hàng nghìn từ thay vì 28 ký tự), đầu vào one-hot và tầng đầu ra lớn lên theo, và lượng dữ liệu cần để mô hình gặp mỗi từ đủ nhiều lần cũng vậy.",
    "exercises.item3": "Chi phí của GRU, LSTM và RNN: bước lstm-cost đo chúng khi huấn luyện và khi suy luận.",
    "exercises.item4": "Hàm tanh thứ hai: bước lstm-hidden-range đo miền giá trị của Hₜ khi có và khi không có nó.",
    "exercises.item5": "Chuỗi thời gian: mỗi bước một đầu vào thay cho vectơ one-hot, một đầu ra với hàm mất mát bình phương thay cho softmax trên bộ từ vựng; ô LSTM vẫn như cũ.",
  ]
}
