package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.intake.Preview.Row;

/**
 * The sample appendix of shared/samples, in Word and in Excel: what its README says an import must find,
 * row by row (16 tasks in 4 groups and the listed defects), and nothing it does not say.
 */
@IntegrationTest
class SamplePlanImportTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;
	@Autowired TestTasks testTasks;
	@Autowired JdbcTemplate jdbc;

	static byte[] sample(String name) throws IOException {
		try (InputStream in = SamplePlanImportTest.class.getResourceAsStream("/samples/" + name)) {
			return in.readAllBytes();
		}
	}

	/** Rows by "group.STT" ("III.?" for the row without STT). */
	static Map<String, Row> byLabel(Preview p) {
		return p.rows().stream().filter(r -> !r.draft().group())
			.collect(Collectors.toMap(r -> r.draft().groupCode() + "." + (r.draft().stt() == null ? "?" : r.draft().stt()),
					r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	/** The rows that have a finding of this code (near-duplicates: only those within the file). */
	static Set<String> rowsWith(Preview p, FindingCode code) {
		return byLabel(p).entrySet().stream()
			.filter(e -> e.getValue().findings().stream().anyMatch(f -> f.code() == code && f.otherTaskId() == null))
			.map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "mau-phu-luc-nhiem-vu.docx", "mau-phu-luc-nhiem-vu.xlsx" })
	void theSampleAppendixGivesSixteenTasksInFourGroupsAndEveryListedDefect(String file) throws Exception {
		Preview p = runAs.user("cb.stc", () -> {
			try {
				return intake.dryRunAppendix(file, sample(file), null);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(p.summary().tasks()).isEqualTo(16);
		assertThat(p.summary().groups()).isEqualTo(4);
		assertThat(p.rows().stream().filter(r -> r.draft().group()).map(r -> r.draft().groupCode()))
			.containsExactly("I", "II", "III", "IV");
		Map<String, Row> rows = byLabel(p);
		assertThat(rows.keySet()).containsExactly("I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "II.4", "III.1",
				"III.2", "III.3", "III.4", "III.5", "III.?", "IV.1", "IV.2");

		// II.2 and II.3 are the same task in other words, and say so of each other
		assertThat(rowsWith(p, FindingCode.NEAR_DUPLICATE)).containsExactly("II.2", "II.3");
		assertThat(rows.get("II.2").findings()).anyMatch(f -> f.code() == FindingCode.NEAR_DUPLICATE
				&& rows.get("II.3").number().equals(f.otherRow()));
		// II.4 has no head; III.4 no deadline; II.3 no coordinating body and no output
		assertThat(rowsWith(p, FindingCode.MISSING_HEAD)).containsExactly("II.4");
		assertThat(rowsWith(p, FindingCode.MISSING_DEADLINE)).containsExactly("III.4");
		assertThat(rowsWith(p, FindingCode.MISSING_OUTPUT)).containsExactly("II.3");
		assertThat(rowsWith(p, FindingCode.MISSING_COORDINATOR)).containsExactly("II.3", "IV.2");
		// III.4 spells the title "Giám đôc"
		assertThat(rowsWith(p, FindingCode.TYPO)).containsExactly("III.4");
		assertThat(rows.get("III.4").findings()).anyMatch(f -> f.code() == FindingCode.TYPO
				&& f.message().contains("Giám đôc") && f.message().contains("Giám đốc"));
		// the row after III.5 has no STT and speaks of another province
		assertThat(rowsWith(p, FindingCode.MISSING_STT)).containsExactly("III.?");
		assertThat(rowsWith(p, FindingCode.FOREIGN_PLACE)).containsExactly("III.?");
		assertThat(rows.get("III.?").findings()).anyMatch(f -> f.code() == FindingCode.FOREIGN_PLACE
				&& f.message().contains("Thanh Hóa"));
		// nothing the README does not list
		assertThat(rowsWith(p, FindingCode.UNKNOWN_AGENCY)).isEmpty();
		assertThat(rowsWith(p, FindingCode.HEAD_LEAD_MISMATCH)).isEmpty();
		assertThat(rowsWith(p, FindingCode.UNPARSED_DEADLINE)).isEmpty();
		assertThat(p.unknownNames()).isEmpty();
		assertThat(p.summary().errors()).isZero();
		assertThat(p.summary().committable()).isTrue();

		// I.2 and I.3 name Sở KH&CN by aliases
		long skhcn = testTasks.agency("SKHCN");
		assertThat(rows.get("I.2").leads()).extracting(Preview.AgencyView::agencyId).containsExactly(skhcn);
		assertThat(rows.get("I.2").leads().get(0).text()).isEqualTo("Sở KH&CN");
		assertThat(rows.get("I.3").heads()).extracting(Preview.HeadView::agencyId).containsExactly(skhcn);
		// III.1 joins two coordinating bodies with ",", II.2 with ";"
		assertThat(rows.get("III.1").coordinators()).extracting(Preview.AgencyView::agencyId)
			.containsExactly(testTasks.agency("SNNMT"), testTasks.agency("SXD"));
		assertThat(rows.get("II.2").coordinators()).extracting(Preview.AgencyView::agencyId)
			.containsExactly(testTasks.agency("STC"), testTasks.agency("STP"));
		// IV.1 and IV.2 are led by a collective: one assignment per department and commune
		Integer members = jdbc.queryForObject(
				"SELECT count(*) FROM agency WHERE active AND kind IN ('DEPARTMENT', 'COMMUNE')", Integer.class);
		for (String collective : List.of("IV.1", "IV.2")) {
			assertThat(rows.get(collective).leads()).singleElement().matches(Preview.AgencyView::collective);
			assertThat(rows.get(collective).assignments()).isEqualTo(members).isGreaterThan(10);
		}
		// every deadline form of DOMAIN.md
		assertThat(deadline(rows, "I.1")).isEqualTo("DATE " + LocalDate.of(2026, 6, 30));
		assertThat(deadline(rows, "I.2")).isEqualTo("DATE " + LocalDate.of(2026, 4, 10));
		assertThat(deadline(rows, "I.3")).isEqualTo("DATE " + LocalDate.of(2026, 5, 31));
		assertThat(deadline(rows, "II.2")).isEqualTo("DATE " + LocalDate.of(2026, 9, 30));
		assertThat(deadline(rows, "II.3")).isEqualTo("DATE " + LocalDate.of(2026, 9, 30));
		assertThat(deadline(rows, "III.3")).isEqualTo("DATE " + LocalDate.of(2026, 12, 31));
		assertThat(deadline(rows, "III.1")).isEqualTo("DATE " + LocalDate.of(2026, 12, 31));
		assertThat(deadline(rows, "I.4")).isEqualTo("ONGOING null");
		assertThat(deadline(rows, "II.4")).isEqualTo("RECURRING null");
		assertThat(deadline(rows, "III.5")).isEqualTo("RECURRING null");
		assertThat(deadline(rows, "III.2")).isEqualTo("CONDITIONAL null");
		assertThat(deadline(rows, "III.?")).isEqualTo("CONDITIONAL null");
		assertThat(deadline(rows, "III.4")).isEqualTo("NONE null");
	}

	private static String deadline(Map<String, Row> rows, String label) {
		return rows.get(label).deadline().kind() + " " + rows.get(label).deadline().dueDate();
	}
}
