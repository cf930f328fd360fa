extension GRUStrings {
  static let vi: [String: String] = [
    "lesson.title": "Nút Hồi tiếp có Cổng (GRU)",
    "exercise1.title": "giá trị cổng tốt nhất khi chỉ đầu vào tại t′ được dùng để dự đoán đầu ra tại t",
    "exercise1.hint": "Hãy nghĩ xem mỗi cổng làm gì tại t′ và sau đó: tại t′ trạng thái phải nhận X_t′ và bỏ quá khứ, rồi giữ nguyên những gì đã có. `lessons run gru --step gru-only-one-input` dựng một GRU như thế bằng tay; đổi tPrime và steps bằng phím `s`.",
    "exercise2.title": "siêu tham số so với thời gian chạy, độ rối và chuỗi đầu ra",
    "exercise2.hint": "Chạy lại bước huấn luyện từ đầu với ít epoch hơn và kích thước khác, ví dụ `--set epochs=50 --set numHiddens=64`, rồi so token/s, độ rối và dự đoán với lần chạy của bài.",
    "exercise3.title": "RNN so với GRU: thời gian chạy, độ rối và đầu ra",
    "exercise3.hint": "`lessons run gru --step gru-cost` đo ba loại ô ở cùng một số đơn vị ẩn; `lessons experiment 2` của bài RNN sâu huấn luyện GRU và LSTM cạnh nhau để so độ rối.",
    "exercise4.title": "GRU chỉ có cổng đặt lại, hoặc chỉ có cổng cập nhật",
    "exercise4.hint": "Viết cả hai bước trong exercises/Sources/GRUExercise4/PartialGRU.swift. 1. Chỉ cổng đặt lại: Z_t = 0, nên H_t chính là ứng viên, tanh(X W_xh + (R ⊙ H) W_hh + b_h), với R = σ(X W_xr + H W_hr + b_r). 2. Chỉ cổng cập nhật: R_t = 1, nên ứng viên đọc toàn bộ H: tanh(X W_xh + H W_hh + b_h); rồi H_t = Z ⊙ H + (1 − Z) ⊙ H̃. 3. Giữ mọi hệ số điều chỉnh, và `1 - Z` nhân với ứng viên, không phải với H. Khi cả hai đạt, bước kiểm tra huấn luyện chúng cạnh GRU đầy đủ; `lessons run gru --step gru-variants` làm việc đó với các biến thể của thư viện.",

    "axis.steps": "bước",
    "axis.batch": "batch",
    "axis.inputs": "đầu vào",
    "axis.hidden": "ẩn",

    "tiny.summary": "GRU tự lập trình trên một ví dụ nhỏ: mọi cổng và trạng thái, từng bước",
    "tiny.zero": "H₀ = 0. Ở mỗi bước (mỗi hàng một chuỗi):",
    "tiny.range": "mọi giá trị của cổng đặt lại và cổng cập nhật ở trên nằm trong ({low} … {high}) ⊂ (0, 1): hàm sigmoid không bao giờ mở hẳn hay đóng hẳn.",
    "tiny.last": "H_T, trạng thái mà minibatch kế tiếp sẽ bắt đầu từ đó",

    "only.summary": "bài tập 1: các cổng chỉ cho X_t′ đi tới đầu ra",
    "only.order": "t′ = {t} phải đứng trước bước cuối T = {T}",
    "only.setup": "dấu hiệu bằng 1 tại t′ = {t}: ở đó R và Z đóng (bỏ quá khứ, nhận X_t′); ở các bước khác Z vẫn mở (giữ trạng thái).",
    "only.measured": "đo được: H_{T} = {H}, còn tanh(giá trị tại t′) = {expected}. Thay giá trị ở mọi bước khác làm H_T đổi {others}; cộng 1 vào giá trị tại t′ làm nó đổi {prime}.",

    "scratchTrain.summary": "huấn luyện GRU tự lập trình với thiết lập của mục sách",
    "conciseTrain.summary": "huấn luyện GRU súc tích với cùng thiết lập",

    "agrees.summary": "GRU súc tích mang trọng số đã huấn luyện của GRU tự lập trình",
    "agrees.book": "chênh lệch lớn nhất so với GRU tự lập trình theo đúng phương trình của sách: {difference}. GRU súc tích không tính",
    "agrees.product": "chênh lệch lớn nhất so với GRU tự lập trình đặt cổng đặt lại lên tích: {difference}. Giống nn.GRU của PyTorch (và cuDNN), GRU súc tích tính",

    "published.summary": "độ rối, token/s và dự đoán cạnh kết quả D2L",
    "published.columns": "lần chạy|epoch|độ rối|token/s|phần cứng",
    "published.d2lScratch": "D2L 0.17, GRU tự lập trình",
    "published.d2lConcise": "D2L 0.17, nn.GRU",
    "published.gpu": "một GPU CUDA (cuda:0)",
    "published.hardware": "{cpu}, {threads} luồng",
    "published.cpu": "CPU của máy này",
    "published.ourScratch": "lần chạy này, GRUScratch",
    "published.ourConcise": "lần chạy này, GRU",
    "published.ratio": "Trên CPU này, GRU tự lập trình chạy bằng {scratch} lần tốc độ của bản tự lập trình của D2L trên GPU, bản súc tích bằng {concise} lần của D2L; tầng hợp nhất nhanh gấp {fused} lần bản tự lập trình. Độ rối cuối của mô hình tự lập trình cao hơn mô hình súc tích {gap}. (token/s: trung vị qua các epoch.)",

    "gates.summary": "các cổng nhìn thấy được: cổng đặt lại và cổng cập nhật trên một câu",
    "gates.unit": "đơn vị",
    "gates.legend": "GRU tự lập trình đã huấn luyện đọc câu dưới đây từ trạng thái 0. Trong {hidden} đơn vị ẩn, {count} đơn vị có cổng biến động nhiều nhất được vẽ, mỗi đơn vị một hàng, mỗi ký tự một cột ({steps} bước); màu xanh (ô trống khi không có màu) là cổng đóng (0), màu đỏ (█) là cổng mở (1), màu nhạt là cổng mở một nửa.",
    "gates.reset": "cổng đặt lại Rₜ (ứng viên đọc bao nhiêu phần của Hₜ₋₁):",
    "gates.update": "cổng cập nhật Zₜ (giữ lại bao nhiêu phần của Hₜ₋₁):",
    "gates.measured": "Đo trên cả {hidden} đơn vị: trung bình của cổng cập nhật là {space} ở các bước đọc dấu cách, {start} ở chữ cái đầu của một từ và {inside} ở các chữ cái còn lại.",
    "gates.keepsAtSpace": "Vậy ở ranh giới giữa hai từ, GRU này giữ lại trạng thái cũ nhiều hơn so với bên trong một từ.",
    "gates.writesAtSpace": "Vậy ở ranh giới giữa hai từ, GRU này nhận ứng viên mới nhiều hơn so với bên trong một từ.",

    "variants.summary": "bài tập 4: GRU đầy đủ, chỉ cổng đặt lại, chỉ cổng cập nhật, cạnh nhau",
    "variants.settings": "cùng một hạt giống, {hidden} đơn vị ẩn, {epochs} epoch, tốc độ học 1, cắt gradient 1:",
    "variants.columns": "mô hình|tham số|độ rối|token/s|dự đoán(\"time traveller\")",
    "variants.both": "GRU (cả hai cổng)",
    "variants.resetOnly": "chỉ cổng đặt lại",
    "variants.updateOnly": "chỉ cổng cập nhật",

    "cost.summary": "bài tập 3: chi phí của RNN, GRU và LSTM ở cùng số đơn vị ẩn",
    "cost.columns": "ô|token/s huấn luyện|token/s suy luận|MFLOP/token huấn luyện|MFLOP/token suy luận",
    "cost.measured": "Mỗi token, GRU cần {gruFlops} lần khối lượng tính của RNN và LSTM cần {lstmFlops} lần; đo ở đây (một tầng, batch 32 × 35, {threads} luồng), một token huấn luyện tốn {gruTime} lần thời gian của RNN với GRU và {lstmTime} lần với LSTM, một token suy luận tốn {gruInference} lần và {lstmInference} lần.",

    "exercises.summary": "các bài tập của mục sách, và chỗ bài học này trả lời chúng",
    "exercises.item1": "Giá trị cổng khi chỉ X_t′ được dùng để dự đoán đầu ra tại t > t′: bước gru-only-one-input dựng một GRU như thế bằng tay và đo nó.",
    "exercises.item2": "Siêu tham số so với thời gian chạy, độ rối và đầu ra: `lessons run gru --step gru-scratch-train --set epochs=50 --set numHiddens=64`, hoặc phím `s` ở các bước huấn luyện.",
    "exercises.item3": "RNN so với GRU: bước gru-cost đo tốc độ huấn luyện và suy luận cùng khối lượng tính mỗi token.",
    "exercises.item4": "Chỉ cổng đặt lại, hoặc chỉ cổng cập nhật: bước gru-variants huấn luyện chúng cạnh GRU đầy đủ từ cùng trọng số.",
  ]
}
