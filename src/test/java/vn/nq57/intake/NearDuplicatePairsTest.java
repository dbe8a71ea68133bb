package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/**
 * Pairs of tasks as provincial plans write them, judged by a person: the same task in other words (true) or two
 * tasks that only share the stock openings of Resolution 57's plans ("Triển khai…", "Xây dựng…", "Tổ chức thực
 * hiện…") and a topic word (false). The threshold {@link Similarity#NEAR_DUPLICATE} must separate them (it is
 * calibrated on this table and on the samples' pairs in {@code SimilarityTest}).
 */
class NearDuplicatePairsTest {

	@ParameterizedTest(name = "{2}: “{0}” / “{1}”")
	@CsvSource(delimiter = '|', textBlock = """
			# the same task in other words
			Xây dựng cơ sở dữ liệu đất đai của tỉnh                                      | Xây dựng và vận hành cơ sở dữ liệu đất đai tỉnh Quảng Ngãi                       | true
			Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh                      | Triển khai thực hiện bệnh án điện tử ở các bệnh viện tuyến tỉnh                   | true
			Tổ chức thực hiện phủ sóng 5G tại các khu công nghiệp                        | Phủ sóng mạng 5G toàn bộ các khu công nghiệp trên địa bàn tỉnh                    | true
			Số hóa hồ sơ hộ tịch lưu trữ tại UBND các xã, phường                         | Số hóa toàn bộ hồ sơ hộ tịch đang lưu trữ tại Ủy ban nhân dân cấp xã, phường      | true
			Ban hành quy chế quản lý, khai thác nền tảng dữ liệu dùng chung của tỉnh     | Xây dựng, ban hành quy chế khai thác nền tảng dữ liệu dùng chung tỉnh             | true
			Đào tạo kỹ năng số cho cán bộ, công chức cấp xã                              | Tổ chức đào tạo kỹ năng số cho đội ngũ cán bộ, công chức cấp xã                   | true
			# stock openings and a topic word in common, different tasks
			Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh                      | Triển khai thanh toán không dùng tiền mặt tại các bệnh viện tuyến tỉnh             | false
			Xây dựng cơ sở dữ liệu đất đai của tỉnh                                      | Xây dựng cơ sở dữ liệu giá nhà ở của tỉnh                                          | false
			Tổ chức thực hiện chuyển đổi số trong giáo dục                               | Tổ chức thực hiện chuyển đổi số trong nông nghiệp                                  | false
			Xây dựng kế hoạch ứng dụng trí tuệ nhân tạo trong y tế                        | Xây dựng kế hoạch phát triển nguồn nhân lực công nghệ thông tin                   | false
			Triển khai nền tảng học tập trực tuyến mở cho người dân                       | Triển khai nền tảng hội nghị trực tuyến cho cấp xã                                 | false
			Tổ chức thực hiện phủ sóng 5G tại các khu công nghiệp                        | Tổ chức thực hiện xử lý nước thải tại các khu công nghiệp                          | false
			Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị                  | Triển khai thực hiện Nghị quyết số 71-NQ/TW của Bộ Chính trị                       | false
			Xây dựng, ban hành quy chế quản lý trung tâm dữ liệu tỉnh                     | Xây dựng, ban hành quy chế quản lý hoạt động khoa học và công nghệ                | false
			""")
	@DisplayName("the same task in other words is a near duplicate; shared stock openings and a topic word are not")
	void judgedPairs(String a, String b, boolean same) {
		double s = Similarity.of(a, b);
		if (same) {
			assertThat(s).as("%s / %s: %.3f", a, b, s).isGreaterThanOrEqualTo(Similarity.NEAR_DUPLICATE);
		}
		else {
			assertThat(s).as("%s / %s: %.3f", a, b, s).isLessThan(Similarity.NEAR_DUPLICATE);
		}
	}
}
