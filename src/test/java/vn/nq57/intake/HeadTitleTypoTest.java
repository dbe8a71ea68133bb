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
 * The accountable head's title typed with a slip — a letter missing, a wrong tone mark, a letter wrong — is
 * matched to the titles of the agency it names and reported as a typo with the correction, instead of passing
 * silently or leaving the head unread.
 */
@IntegrationTest
class HeadTitleTypoTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;

	@ParameterizedTest(name = "“{0}”: {1} of {2}, proposed {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# head as written                                   | title read      | agency                              | correction proposed
			Giám đốc Sở Y tế                                    | Giám đốc        | Sở Y tế                             | -
			Gám đốc Sở Y tế                                     | Giám đốc        | Sở Y tế                             | Giám đốc
			Giám đốt Sở Tài chính                               | Giám đốc        | Sở Tài chính                        | Giám đốc
			Giám đôc Sở Nội vụ                                  | Giám đốc        | Sở Nội vụ                           | Giám đốc
			Giám dốc Sở Xây dựng                                | Giám đốc        | Sở Xây dựng                         | Giám đốc
			Giámđốc Sở Công Thương                              | Giám đốc        | Sở Công Thương                      | Giám đốc
			Trưởng ba Ban Quản lý KKT Dung Quất                  | Trưởng ban      | Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi | Trưởng ban
			Chủ tịc UBND xã Măng Đen                            | Chủ tịch        | Xã Măng Đen                         | Chủ tịch
			Phó Giám đố Sở Tư pháp                              | Phó Giám đốc    | Sở Tư pháp                          | Phó Giám đốc
			Chủ tich UBND tỉnh                                  | Chủ tịch        | Ủy ban nhân dân tỉnh Quảng Ngãi     | Chủ tịch
			Hiệu trưởg Trường Đại học Phạm Văn Đồng             | Hiệu trưởng     | Trường Đại học Phạm Văn Đồng        | Hiệu trưởng
			""")
	@DisplayName("a misspelt title is read as the agency's own title and the correction proposed")
	void titles(String written, String title, String agency, String correction) {
		List<AgencyMatcher.Head> heads = RegistryFixture.matcher().heads(written);
		assertThat(heads).hasSize(1);
		AgencyMatcher.Head h = heads.get(0);
		assertThat(h.title()).isEqualTo(title);
		assertThat(h.agency()).isNotNull();
		assertThat(h.agency().agencyName()).isEqualTo(agency);
		assertThat(h.titleSuggestion()).isEqualTo(correction);
	}

	@Test
	@DisplayName("only the agency's own titles are tried: a slip before a department's name is never read as a board's title")
	void ownTitlesOnly() {
		AgencyMatcher m = RegistryFixture.matcher();
		// "Trưởg" is a letter off "Trưởng", but a department's head is its Giám đốc: not proposed
		assertThat(m.heads("Trưởg Sở Y tế").get(0).titleSuggestion()).isNull();
		// an unknown agency gets no guessed title
		assertThat(m.heads("Gám đốc Sở Du hành Vũ trụ").get(0).title()).isNull();
	}

	@Test
	@DisplayName("through the dry run: the typo is reported with the correction, and the head's agency fits the lead")
	void reported() {
		List<List<String>> sheet = new ArrayList<>();
		sheet.add(TestDocs.standardHeader());
		sheet.add(TestDocs.group("I", "Y tế số", 3));
		sheet.add(row("1", "Triển khai hồ sơ sức khỏe điện tử cho người dân toàn tỉnh", "Gám đốc Sở Y tế", "Sở Y tế",
				"Sở Khoa học và Công nghệ", "Hồ sơ sức khỏe điện tử", "Năm 2026"));
		byte[] xlsx = TestDocs.xlsx(List.of(sheet));
		Preview p = runAs.user("cb.stc", () -> intake.dryRunAppendix("chuc-danh.xlsx", xlsx, null));
		Preview.Row r = p.rows().stream().filter(x -> !x.draft().group()).findFirst().orElseThrow();
		assertThat(r.findings()).anyMatch(f -> f.code() == FindingCode.TYPO
				&& f.message().equals("Chức danh viết “Gám đốc”, đúng là “Giám đốc”"));
		assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.HEAD_LEAD_MISMATCH || f.code() == FindingCode.MISSING_HEAD);
	}
}
