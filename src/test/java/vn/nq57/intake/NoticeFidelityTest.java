package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.deadline.DeadlineKind;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.deadline.Recurrence;

/**
 * Conclusion notices as the province really writes them: old and new tone-mark placement, composed or
 * decomposed text, capitals; deadline and recurrence words anywhere in the sentence.
 */
class NoticeFidelityTest {

	static String nfd(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD);
	}

	static NoticeParser.Result parse(String text) {
		return NoticeParser.parse(NoticeParser.paragraphs(text), RegistryFixture.matcher());
	}

	// --- 1. tone-mark placement and NFC/NFD do not change what is recognised ---

	@ParameterizedTest(name = "“{0}” is read as due {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# the same quarter written the ways agencies type it
			Quý II/2026            | 2026-06-30
			quý II/2026            | 2026-06-30
			QUÝ II/2026            | 2026-06-30
			Qúy II/2026            | 2026-06-30
			qúy 2/2026             | 2026-06-30
			QÚY II NĂM 2026        | 2026-06-30
			Quí II/2026            | 2026-06-30
			trong Qúy III/2026     | 2026-09-30
			Qúy IV năm 2027        | 2027-12-31
			""")
	@DisplayName("a quarter is a quarter however its tone mark is placed, composed or decomposed")
	void quarterWordsAnyPlacement(String phrase, LocalDate due) {
		for (String p : List.of(phrase, nfd(phrase))) {
			DeadlineSpec d = DeadlineParser.parse(p);
			assertThat(d.kind()).as(p).isEqualTo(DeadlineKind.DATE);
			assertThat(d.dueDate()).as(p).isEqualTo(due);
		}
	}

	@ParameterizedTest(name = "in “{0}” the notice finds “{1}”")
	@CsvSource(delimiter = '|', textBlock = """
			Hoàn thiện hồ sơ đề án, hoàn thành trong Qúy II/2026.          | trong Qúy II/2026
			Hoàn thiện hồ sơ đề án, hoàn thành trong QUÝ II/2026.          | trong QUÝ II/2026
			Tổng kết mô hình thủy lợi thông minh trước Quý IV/2026.        | trước Quý IV/2026
			Rà soát quy hoạch khu Hoà Bình, chậm nhất qúy 3 năm 2026.      | chậm nhất qúy 3 năm 2026
			""")
	@DisplayName("folding the sentence never hides its deadline word")
	void noticeDeadlineAnyPlacement(String sentence, String deadline) {
		assertThat(NoticeParser.deadline(sentence)).isEqualTo(deadline);
		assertThat(DeadlineParser.parse(deadline).kind()).isEqualTo(DeadlineKind.DATE);
		String decomposed = NoticeParser.deadline(VnText.clean(nfd(sentence)));
		assertThat(decomposed).isEqualTo(deadline);
	}

	@Test
	@DisplayName("a notice typed on a Mac (decomposed) with old tone marks reads like the same notice typed on Windows")
	void wholeNoticeAnyPlacement() {
		String windows = """
				THÔNG BÁO
				Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với các sở
				Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:
				1. Giao Sở Văn hóa, Thể thao và Du lịch:
				- Xây dựng bộ dữ liệu số về di sản văn hóa, hoàn thành trong Quý II/2026.
				- Số hóa hiện vật bảo tàng tỉnh, hoàn thành trước ngày 30/9/2026.
				2. Giao Sở Nông nghiệp và Môi trường:
				- Triển khai quan trắc thủy văn tự động trên sông Trà Khúc trong Quý III/2026.
				Nơi nhận:
				""";
		String mac = nfd(windows.replace("Văn hóa", "Văn hoá").replace("Số hóa", "Số hoá").replace("Quý II", "Qúy II")
			.replace("thủy văn", "thuỷ văn").replace("Quý III", "QÚY III"));
		NoticeParser.Result a = parse(windows);
		NoticeParser.Result b = parse(mac);
		assertThat(a.rows()).hasSize(3);
		assertThat(b.rows()).extracting(DraftRow::leads).containsExactlyElementsOf(a.rows().stream().map(DraftRow::leads).toList());
		assertThat(b.rows()).extracting(DraftRow::leads).containsExactly("Sở Văn hóa, Thể thao và Du lịch",
				"Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường");
		for (int i = 0; i < a.rows().size(); i++) {
			LocalDate due = DeadlineParser.parse(a.rows().get(i).deadline()).dueDate();
			assertThat(due).isNotNull();
			assertThat(DeadlineParser.parse(b.rows().get(i).deadline()).dueDate()).as(b.rows().get(i).title()).isEqualTo(due);
		}
	}

	// --- 3. recurrence and deadline words anywhere in the sentence ---

	@ParameterizedTest(name = "“{0}”: “{1}”")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# sentence                                                                                  | deadline found           | kind
			Cập nhật dữ liệu giá đất lên cổng thông tin, thực hiện thường xuyên.                      | Thường xuyên             | ONGOING
			Theo dõi, đôn đốc việc ứng dụng chữ ký số (thường xuyên).                                  | Thường xuyên             | ONGOING
			Thường xuyên kiểm tra an toàn thông tin các hệ thống dùng chung.                           | Thường xuyên             | ONGOING
			Kiểm tra thường xuyên hơn các điểm truy cập công cộng.                                     | -                        | -
			Đưa vào vận hành nền tảng bản đồ số trong Quý III/2026.                                    | trong Quý III/2026       | DATE
			Ban hành quy chế khai thác dữ liệu (hoàn thành trước ngày 15/5/2026).                      | trước ngày 15/5/2026     | DATE
			Ban hành quy chế khai thác dữ liệu (Hoàn thành trước ngày 15/5/2026).                      | trước ngày 15/5/2026     | DATE
			Trình phê duyệt đề án đào tạo nhân lực số, chậm nhất tháng 10 năm 2026.                    | chậm nhất tháng 10 năm 2026 | DATE
			Định kỳ hằng quý báo cáo kết quả chuyển đổi số về Sở Khoa học và Công nghệ.               | Định kỳ hằng quý         | RECURRING
			Tổng hợp, định kỳ hằng quý báo cáo UBND tỉnh kết quả thực hiện.                            | định kỳ hằng quý         | RECURRING
			Báo cáo UBND tỉnh kết quả giải ngân hằng tháng.                                            | hằng tháng               | RECURRING
			Đánh giá mức độ hài lòng của người dân, báo cáo định kỳ 6 tháng.                          | định kỳ 6 tháng          | RECURRING
			Rà soát danh mục thủ tục hành chính hàng năm.                                               | hàng năm                 | RECURRING
			""")
	@DisplayName("deadline and recurrence words are found wherever the sentence puts them")
	void deadlineWordsAnywhere(String sentence, String deadline, DeadlineKind kind) {
		String found = NoticeParser.deadline(sentence);
		assertThat(found).isEqualTo(deadline);
		if (kind != null) {
			assertThat(DeadlineParser.parse(found).kind()).isEqualTo(kind);
		}
	}

	@Test
	@DisplayName("in a notice, a task said to recur “hằng quý” mid-sentence recurs; a date in brackets leaves the title")
	void recurrenceInANotice() {
		NoticeParser.Result r = parse("""
				Phó Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:
				1. Giao Sở Tài chính:
				- Tổng hợp nhu cầu kinh phí chuyển đổi số, định kỳ hằng quý báo cáo UBND tỉnh.
				- Thẩm định dự toán nền tảng dữ liệu dùng chung (hoàn thành trước ngày 15/5/2026).
				- Công khai tiến độ giải ngân trên cổng thông tin, thực hiện thường xuyên.
				Nơi nhận:
				""");
		assertThat(r.rows()).extracting(DraftRow::deadline).containsExactly("định kỳ hằng quý", "trước ngày 15/5/2026",
				"Thường xuyên");
		assertThat(DeadlineParser.parse(r.rows().get(0).deadline()).recurrence()).isEqualTo(Recurrence.QUARTERLY);
		assertThat(r.rows().get(1).title()).isEqualTo("Thẩm định dự toán nền tảng dữ liệu dùng chung");
	}

	// --- 2. plain paragraphs under a numbered agency heading are that agency's tasks ---

	@Test
	@DisplayName("paragraphs without a bullet under “3. Giao Sở …:” are that agency's tasks, like bulleted ones")
	void plainParagraphsUnderAnAgency() {
		NoticeParser.Result r = parse("""
				Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:
				1. Giao Sở Tài chính:
				- Bố trí kinh phí năm 2027 cho các nhiệm vụ chuyển đổi số, hoàn thành trước ngày 30/11/2026.
				2. Giao Sở Nội vụ:
				Tham mưu kiện toàn Ban Chỉ đạo chuyển đổi số của tỉnh trong tháng 6/2026.
				Xây dựng khung vị trí việc làm cho cán bộ chuyên trách công nghệ thông tin, trình UBND tỉnh trong Quý III/2026.
				3. Giao Sở Y tế: Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.
				Kết nối dữ liệu khám chữa bệnh với nền tảng dữ liệu dùng chung của tỉnh
				trong năm 2026.
				Nơi nhận:
				""");
		assertThat(r.rows()).extracting(DraftRow::leads).containsExactly("Sở Tài chính", "Sở Nội vụ", "Sở Nội vụ",
				"Sở Y tế", "Sở Y tế");
		assertThat(r.rows().get(1).title()).startsWith("Tham mưu kiện toàn Ban Chỉ đạo");
		assertThat(r.rows().get(2).title()).startsWith("Xây dựng khung vị trí việc làm");
		assertThat(r.rows().get(2).deadline()).isEqualTo("trong Quý III/2026");
		// a paragraph broken mid-sentence stays one task
		assertThat(r.rows().get(4).title()).startsWith("Kết nối dữ liệu khám chữa bệnh").contains("dùng chung của tỉnh");
		assertThat(r.rows().get(4).deadline()).isEqualTo("trong năm 2026");
		assertThat(sources(r)).containsExactly("Mục 1, ý 1", "Mục 2, ý 1", "Mục 2, ý 2", "Mục 3", "Mục 3, ý 1");
	}

	static List<String> sources(NoticeParser.Result r) {
		return r.rows().stream().map(d -> d.source().replaceAll(" – .*", "")).toList();
	}

	// --- 4. names in any case and with the usual abbreviations ---

	@ParameterizedTest(name = "“{0}” addresses {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# heading as written                          | the registry's agency
			1. Giao Sở KH&CN:                              | Sở Khoa học và Công nghệ
			1. Giao Sở KHCN:                               | Sở Khoa học và Công nghệ
			1. GIAO SỞ KHOA HỌC VÀ CÔNG NGHỆ:              | Sở Khoa học và Công nghệ
			1. Giao sở khoa học và công nghệ:              | Sở Khoa học và Công nghệ
			1. Giao BQL KKT Dung Quất:                     | Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi
			1. Giao Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi: | Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi
			1. Giao UBND các xã, phường, đặc khu:          | UBND các xã, phường, đặc khu
			1. Giao Ubnd các xã, phường, đặc khu:          | UBND các xã, phường, đặc khu
			1. Giao uBND các xã, phường, đặc khu:          | UBND các xã, phường, đặc khu
			1. GIAO UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU:          | UBND các xã, phường, đặc khu
			1. Đối với Văn phòng Ubnd tỉnh:                | Văn phòng UBND tỉnh
			1. ĐỐI VỚI SỞ TÀI CHÍNH:                       | Sở Tài chính
			1. Yêu cầu Sở GD&ĐT:                           | Sở Giáo dục và Đào tạo
			1. Giao Sở VHTTDL:                             | Sở Văn hóa, Thể thao và Du lịch
			1. Giao Sở Văn hoá, Thể thao và Du lịch:       | Sở Văn hóa, Thể thao và Du lịch
			""")
	@DisplayName("agency headings in any case and with the usual abbreviations address the registry's agency")
	void namesAnyCase(String heading, String lead) {
		NoticeParser.Result r = parse("Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:\n" + heading
				+ "\n- Triển khai ứng dụng trí tuệ nhân tạo trong xử lý hồ sơ, hoàn thành trong Quý IV/2026.\nNơi nhận:\n");
		assertThat(r.rows()).extracting(DraftRow::leads).containsExactly(lead);
		NoticeParser.Result nfd = parse(nfd("Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:\n" + heading
				+ "\n- Triển khai ứng dụng trí tuệ nhân tạo trong xử lý hồ sơ.\nNơi nhận:\n"));
		assertThat(nfd.rows()).extracting(DraftRow::leads).containsExactly(lead);
	}

	// --- 5. every candidate keeps the exact phrase it was read from ---

	@ParameterizedTest(name = "“{0}” is quoted whole, “{1}” marked")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# paragraph as written                                                                        | marked
			Hoàn thiện cơ sở dữ liệu ngành y tế, hoàn thành trong Qúy II/2026.                            | trong Qúy II/2026
			Ban hành quy chế khai thác dữ liệu (hoàn thành trước ngày 15/5/2026).                          | trước ngày 15/5/2026
			Tổng hợp, định kỳ hằng quý báo cáo UBND tỉnh kết quả thực hiện.                                | định kỳ hằng quý
			Cập nhật dữ liệu giá đất lên cổng thông tin, thực hiện thường xuyên.                          | thường xuyên
			Nghiên cứu mô hình thành phố thông minh cho các phường trung tâm.                              | -
			""")
	@DisplayName("a notice candidate keeps the exact paragraph it was read from, with its deadline phrase marked for the preview")
	void quoteKept(String paragraph, String marked) {
		String notice = "Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:\n1. Giao Sở Y tế:\n- " + paragraph + "\nNơi nhận:\n";
		DraftRow row = parse(notice).rows().get(0);
		assertThat(row.quote()).isEqualTo(paragraph);
		assertThat(notice).contains(row.quote());
		List<DraftRow.Segment> marks = row.quoteSegments().stream().filter(DraftRow.Segment::marked).toList();
		if (marked == null) {
			assertThat(marks).isEmpty();
			assertThat(row.quoteSegments()).extracting(DraftRow.Segment::text).containsExactly(paragraph);
		}
		else {
			assertThat(marks).extracting(DraftRow.Segment::text).containsExactly(marked);
			assertThat(String.join("", row.quoteSegments().stream().map(DraftRow.Segment::text).toList())).isEqualTo(paragraph);
		}
		// an edit in the preview keeps the quote
		assertThat(row.edit(null, "Sửa tên", null, row.leads(), null, null, row.deadline()).quote()).isEqualTo(paragraph);
	}

	@Test
	@DisplayName("a paragraph broken across lines is quoted as the one sentence it is; appendix rows have no quote")
	void quoteAcrossLines() {
		NoticeParser.Result r = parse("""
				Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:
				1. Giao Sở Nội vụ:
				Kết nối dữ liệu cán bộ, công chức với cơ sở dữ liệu quốc gia
				trong năm 2026.
				Nơi nhận:
				""");
		assertThat(r.rows().get(0).quote()).isEqualTo("Kết nối dữ liệu cán bộ, công chức với cơ sở dữ liệu quốc gia trong năm 2026.");
		assertThat(r.rows().get(0).quoteSegments()).filteredOn(DraftRow.Segment::marked).extracting(DraftRow.Segment::text)
			.containsExactly("trong năm 2026");
		assertThat(DraftRow.task(1, null, "1", "Nhiệm vụ", null, "Sở Nội vụ", null, null, "Năm 2026", "Bảng 1, dòng 3").quote())
			.isNull();
	}
}
