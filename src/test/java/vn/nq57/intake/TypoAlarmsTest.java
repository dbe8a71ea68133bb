package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.intake.TestDocs.row;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * No false typo alarms: a syllable said twice where one word ends and the next begins is correct Vietnamese, a
 * syllable of the registry's own names is a syllable, and a collective named loosely is not misspelt; the real
 * slips are still found.
 */
@IntegrationTest
class TypoAlarmsTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;

	@ParameterizedTest(name = "“{0}”: {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# text                                                                    | slip reported
			Nâng cấp hạ tầng viễn thông thông minh cho các khu dân cư                 | -
			Sở Khoa học và Công nghệ phối hợp cơ quan truyền thông thông báo kết quả | -
			Phát triển hệ thống thống kê ngành khoa học                              | -
			Hỗ trợ đầu tư tư vấn chuyển giao công nghệ nghệ thuật số                  | -
			Tăng cường năng lực lực lượng an ninh mạng                                | -
			Số hóa dữ liệu ngân hàng hàng hóa nông sản                                 | -
			Xây dựng các các chỉ tiêu thống kê về kinh tế số                          | các các
			Tổng hợp báo cáo cáo kết quả thực hiện                                    | cáo cáo
			Rà soát thông tin tin học hóa hồ sơ                                        | tin tin
			Đánh giá mức độ thông thông minh của đô thị                               | thông thông
			""")
	@DisplayName("a doubled syllable is a slip only when the two do not make two real words with their neighbours")
	void doubledSyllables(String text, String slip) {
		List<String> found = Spelling.check(text).stream().map(Spelling.Slip::written).map(String::toLowerCase).toList();
		if (slip == null) {
			assertThat(found).isEmpty();
		}
		else {
			assertThat(found).containsExactly(slip);
		}
	}

	@Test
	@DisplayName("a syllable of the registry's names is never an impossible syllable; one that is nowhere still is")
	void registrySyllables() {
		// a place name of an ethnic language may break the rule of Vietnamese tones ("Êch" ends in ch without sắc or nặng)
		var words = Spelling.wordsOf(List.of("Xã Pờ Êch", "Đặc khu Lý Sơn"));
		assertThat(Spelling.check("Chủ tịch UBND xã Pờ Êch", words)).isEmpty();
		assertThat(Spelling.check("Chủ tịch UBND xã Pờ Êch", Spelling.WORDS)).extracting(Spelling.Slip::written)
			.containsExactly("Êch");
		// a slip nowhere in the registry is still a slip
		assertThat(Spelling.check("Giám đôc Sở Y tế", words)).extracting(Spelling.Slip::written).containsExactly("đôc");
	}

	@Test
	@DisplayName("through the dry run: a collective named loosely is understood without a typo alarm, a misspelt department still has one")
	void looseCollective() {
		List<List<String>> sheet = new ArrayList<>();
		sheet.add(TestDocs.standardHeader());
		sheet.add(TestDocs.group("I", "Chính quyền số", 3));
		sheet.add(row("1", "Cập nhật thủ tục hành chính lên cổng dịch vụ công của tỉnh", "Chủ tịch UBND các xã, phường, đặc khu",
				"UBND các xã, phường và đặc khu", "Sở Nội vụ", "Thủ tục được cập nhật", "Quý IV/2026"));
		sheet.add(row("2", "Bồi dưỡng kỹ năng số cho công chức tư pháp cấp xã", "Giám đốc Sở Tư pháp", "Sở Tư phapp",
				"Sở Nội vụ", "Lớp bồi dưỡng", "Năm 2026"));
		sheet.add(row("3", "Công khai danh mục dữ liệu mở của từng cơ quan", "Thủ trưởng các sở, ban, ngành, địa phương",
				"Các sở, ban, nghành, địa phương", "Sở Khoa học và Công nghệ", "Danh mục dữ liệu mở", "Năm 2026"));
		sheet.add(row("4", "Rà soát quy trình nội bộ giải quyết thủ tục hành chính", "Giám đốc Sở Tài chính", "Sở Tài chinh",
				"Sở Nội vụ", "Quy trình", "Năm 2026"));
		byte[] xlsx = TestDocs.xlsx(List.of(sheet));
		Preview p = runAs.user("cb.stc", () -> intake.dryRunAppendix("long-leo.xlsx", xlsx, null));
		List<Preview.Row> tasks = p.rows().stream().filter(r -> !r.draft().group()).toList();
		assertThat(tasks.get(0).leads()).extracting(Preview.AgencyView::agencyName).containsExactly("UBND các xã, phường, đặc khu");
		assertThat(tasks.get(0).findings()).noneMatch(f -> f.code() == FindingCode.TYPO);
		// a letter off in a department's name is a typo (still understood); in a collective's loose wording it is not
		assertThat(tasks.get(1).findings()).anyMatch(f -> f.code() == FindingCode.TYPO && f.message().contains("Sở Tư phapp"));
		assertThat(tasks.get(2).leads()).extracting(Preview.AgencyView::agencyName).containsExactly("Các sở, ban, ngành, địa phương");
		assertThat(tasks.get(2).leads()).extracting(Preview.AgencyView::match).containsExactly("FUZZY");
		assertThat(tasks.get(2).findings()).noneMatch(f -> f.code() == FindingCode.TYPO);
		// a wrong accent is still a typo
		assertThat(tasks.get(3).findings()).anyMatch(f -> f.code() == FindingCode.TYPO && f.message().contains("viết sai dấu"));
	}
}
