package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The theme an obstacle or proposal is filed under, from its words (accents and case ignored, whole words). */
class ReportThemeTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Chưa được bố trí kinh phí năm 2027.                              | FUNDING
			Đề nghị UBND tỉnh bổ sung NGÂN SÁCH cho nhiệm vụ                 | FUNDING
			Chưa có hướng dẫn của Trung ương về cơ chế thí điểm              | INSTITUTIONS
			chua co van ban huong dan                                        | INSTITUTIONS
			Thiếu cán bộ có chuyên môn về chuyển đổi số                      | PEOPLE
			Hạ tầng trung tâm dữ liệu chưa đáp ứng                           | INFRASTRUCTURE
			Một số đơn vị phối hợp gửi số liệu chậm.                         | COORDINATION
			Các đơn vị gửi hồ sơ chậm                                        | COORDINATION
			Chăm sóc khách hàng chưa tốt                                     | OTHER
			Mang lại hiệu quả chưa cao                                       | OTHER
			                                                                 | OTHER
			""")
	void classify(String text, ReportTheme expected) {
		assertThat(ReportTheme.classify(text)).isEqualTo(expected);
	}
}
