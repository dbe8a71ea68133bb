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

/** Numbering that skips: 1, 2, 4 in an appendix, I, II, IV in its groups, a), b), d) in a notice. */
@IntegrationTest
class NumberingGapsTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;

	/**
	 * An appendix written as "I: 1 2 4 | II: 1 2" (group code, then its rows' STT; "_" a row without STT); the
	 * findings are "row STT: message part" for every gap found.
	 */
	static List<String> appendix(String layout) {
		List<RowWork> work = new ArrayList<>();
		int i = 0;
		for (String group : layout.split("\\|")) {
			String[] g = group.strip().split(":");
			String code = g[0].strip();
			work.add(RowWork.group(i++, DraftRow.group(i, code, "Nhóm " + code, null), List.of()));
			for (String stt : g[1].strip().split("\\s+")) {
				work.add(new RowWork(i++, i, DraftRow.task(i, code, "_".equals(stt) ? null : stt, "Nhiệm vụ " + stt,
						null, null, null, null, null, null), code));
			}
		}
		NumberingGaps.check(IntakeKind.PLAN_APPENDIX, work);
		return gaps(work);
	}

	static List<String> gaps(List<RowWork> work) {
		return work.stream().flatMap(w -> w.findings.stream().filter(f -> f.code() == FindingCode.NUMBERING_GAP)
			.map(f -> (w.draft.group() ? w.draft.groupCode() : w.draft.stt() != null ? w.draft.stt() : w.draft.source())
					+ ": " + f.message().replaceAll(".*: ", ""))).toList();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '=', textBlock = """
			I: 1 2 3 | II: 4 5 6                 = []
			I: 1 2 3 | II: 1 2                   = []
			I: 1 2 4                             = [4: thiếu 3]
			I: 1 2 5 6                           = [5: thiếu 3, 4]
			I: 1 _ 3                             = []
			I: 1 2 | II: 1 | IV: 1               = [IV: thiếu III]
			I: 1 1.1 1.2 1.4 2                   = [1.4: thiếu 1.3]
			A: 1 | B: 1 | D: 1                   = [D: thiếu C]
			I: 1 2 2 3                           = []
			I: 3 4 5                             = []
			""")
	@DisplayName("appendix: a skipped STT or group code is found on the row after the gap; a restart, a missing STT or a repeat is not a gap")
	void appendixGaps(String layout, String expected) {
		assertThat(appendix(layout).toString()).isEqualTo(expected.strip());
	}

	/** A notice's candidates as their references ("II.2.a"), the way the parser cites them. */
	static List<String> notice(String refs) {
		List<RowWork> work = new ArrayList<>();
		int i = 0;
		for (String ref : refs.strip().split("\\s+")) {
			String source = "Mục " + ref.replace("_", " ") + " – Thông báo số 1/TB-UBND";
			work.add(new RowWork(i++, i, DraftRow.task(i, null, null, "Nhiệm vụ " + ref, null, null, null, null, null,
					source), null));
		}
		NumberingGaps.check(IntakeKind.NOTICE, work);
		return work.stream().flatMap(w -> w.findings.stream().filter(f -> f.code() == FindingCode.NUMBERING_GAP)
			.map(f -> w.draft.source().replaceAll("^Mục | –.*", "") + ": " + f.message().replaceAll(".*: ", ""))).toList();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '=', textBlock = """
			II.1 II.2.a II.2.b II.2.c II.3       = []
			II.1 II.2.a II.2.b II.2.d            = [II.2.d: thiếu c]
			1,_ý_1 1,_ý_2 2 4,_ý_1               = [4, ý 1: thiếu 3]
			II.1 II.2 IV.1                       = []
			2.a 2.b 2.đ 3                        = [2.đ: thiếu c, d]
			1 2 3.a 3.c 5                        = [3.c: thiếu b, 5: thiếu 4]
			""")
	@DisplayName("notice: a skipped item number or letter is found on the next candidate; whole roman sections may be assessments")
	void noticeGaps(String refs, String expected) {
		assertThat(notice(refs).toString()).isEqualTo(expected.strip());
	}

	@Test
	@DisplayName("through the dry run: an appendix going 1, 2, 4 warns on row 4, the clean rows have no such finding")
	void dryRun() {
		List<List<String>> sheet = new ArrayList<>();
		sheet.add(TestDocs.standardHeader());
		sheet.add(TestDocs.group("I", "Hạ tầng số", 3));
		sheet.add(row("1", "Phủ sóng 5G các khu công nghiệp", "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
				"", "Báo cáo", "Quý IV/2026"));
		sheet.add(row("2", "Nâng cấp trung tâm dữ liệu tỉnh", "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
				"", "Trung tâm dữ liệu", "Năm 2026"));
		sheet.add(row("4", "Số hóa hồ sơ đất đai cấp xã", "Giám đốc Sở Nông nghiệp và Môi trường",
				"Sở Nông nghiệp và Môi trường", "", "Cơ sở dữ liệu", "Năm 2027"));
		byte[] xlsx = TestDocs.xlsx(List.of(sheet));
		Preview p = runAs.user("cb.stc", () -> intake.dryRunAppendix("nhay-so.xlsx", xlsx, null));
		List<Preview.Row> tasks = p.rows().stream().filter(r -> !r.draft().group()).toList();
		assertThat(tasks.get(2).findings()).anySatisfy(f -> {
			assertThat(f.code()).isEqualTo(FindingCode.NUMBERING_GAP);
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.message()).contains("thiếu 3");
		});
		assertThat(tasks.subList(0, 2)).allSatisfy(r -> assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.NUMBERING_GAP));
		assertThat(p.summary().byCode().get(FindingCode.NUMBERING_GAP)).isEqualTo(1);
	}
}
