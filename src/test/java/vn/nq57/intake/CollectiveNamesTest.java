package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.intake.TestDocs.row;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyKind;
import vn.nq57.system.AuditLog;

/**
 * Collective and abbreviated lead names resolve to the registry's collectives through their aliases; an unknown
 * name is offered the nearest registry entries, ranked; a mapping chosen once is an audited alias and the next
 * import of the same file goes through without asking.
 */
@IntegrationTest
class CollectiveNamesTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;
	@Autowired TestTasks testTasks;
	@Autowired AuditLog audit;
	@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
	@Autowired org.springframework.transaction.PlatformTransactionManager tx;

	@Test
	@DisplayName("a registry loaded before the two collectives existed gets them from migration V2_2 (and an empty one from the file)")
	void migrationAddsTheCollectives() throws Exception {
		String sql;
		try (var in = getClass().getResourceAsStream("/db/migration/agency/V2_2__agency_more_collectives.sql")) {
			sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		String script = sql;
		var t = new org.springframework.transaction.support.TransactionTemplate(tx);
		t.executeWithoutResult(status -> {
			jdbc.update("DELETE FROM agency WHERE code IN ('G-CQDVDP', 'G-HDT')");
			jdbc.execute(script);
			assertThat(jdbc.queryForList("SELECT code || ' ' || kind || ' ' || member_kinds FROM agency "
					+ "WHERE code IN ('G-CQDVDP', 'G-HDT') ORDER BY code", String.class))
				.containsExactly("G-CQDVDP COLLECTIVE COMMUNE,DEPARTMENT", "G-HDT COLLECTIVE MASS_ORGANISATION");
			status.setRollbackOnly();
		});
	}

	@ParameterizedTest(name = "“{0}” is the collective “{1}”")
	@CsvSource(delimiter = '|', textBlock = """
			# lead as written                                  | registry collective
			Các sở, ban, ngành                                 | Các sở, ban, ngành
			Các Sở, Ban, Ngành tỉnh                            | Các sở, ban, ngành
			Các sở, ban ngành, địa phương                      | Các sở, ban, ngành, địa phương
			UBND các xã, phường, đặc khu                       | UBND các xã, phường, đặc khu
			Ủy ban nhân dân các xã, phường, đặc khu            | UBND các xã, phường, đặc khu
			Các xã, phường, đặc khu                            | UBND các xã, phường, đặc khu
			Các cơ quan, đơn vị, địa phương                    | Các cơ quan, đơn vị, địa phương
			Các cơ quan, đơn vị và địa phương                  | Các cơ quan, đơn vị, địa phương
			Các hội, đoàn thể                                  | Các hội, đoàn thể
			Các tổ chức chính trị - xã hội, hội, đoàn thể      | Các hội, đoàn thể
			""")
	@DisplayName("collective and abbreviated names resolve whole to the registry's collective, not split at their commas")
	void collectives(String written, String collective) {
		List<AgencyMatcher.Match> m = RegistryFixture.matcher().resolveList(written);
		assertThat(m).hasSize(1);
		assertThat(m.get(0).agencyName()).isEqualTo(collective);
		assertThat(m.get(0).collective()).isTrue();
	}

	@ParameterizedTest(name = "“{0}”: nearest {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# unknown name                         | first suggestion
			Sở Giáo dục                            | Sở Giáo dục và Đào tạo
			Sở Du lịch                             | Sở Văn hóa, Thể thao và Du lịch
			Sở Nông nghiệp và Phát triển nông thôn | Sở Nông nghiệp và Môi trường
			Các phòng, ban, ngành                  | Các sở, ban, ngành
			Các đơn vị trực thuộc                  | Các đơn vị có liên quan
			Trường Đại học Phạm Văn Đòng            | Trường Đại học Phạm Văn Đồng
			""")
	@DisplayName("an unknown name is offered the nearest registry entries, best first; a collective wording gets collectives")
	void rankedSuggestions(String unknown, String first) {
		AgencyMatcher m = RegistryFixture.matcher();
		List<Preview.Suggestion> s = m.suggestions(unknown, 5);
		assertThat(s).isNotEmpty().hasSizeLessThanOrEqualTo(5);
		assertThat(s.get(0).name()).isEqualTo(first);
		assertThat(s).extracting(Preview.Suggestion::score).isSortedAccordingTo((a, b) -> b - a);
		boolean collectiveWording = unknown.startsWith("Các");
		assertThat(s).allMatch(x -> (m.entry(x.agencyId()).kind() == AgencyKind.COLLECTIVE) == collectiveWording);
	}

	@Test
	@DisplayName("the preview ranks suggestions for an unknown lead; the mapping chosen is an audited alias; the same file then commits without asking")
	void mappingRemembered() {
		String unknown = "Các phòng, ban, ngành thuộc tỉnh " + (System.nanoTime() % 100000);
		byte[] file = ImportCommitTest.appendix(List.of(row("1",
				ImportCommitTest.unique("Công khai tiến độ giải quyết hồ sơ trên cổng dịch vụ công"), "Thủ trưởng các sở, ban, ngành",
				unknown, "", "Tiến độ được công khai", "Năm 2026")));
		Preview first = runAs.user("sokhcn", () -> intake.dryRunAppendix("tap-the.xlsx", file, null));
		assertThat(first.unknownNames()).hasSize(1);
		Preview.UnknownName u = first.unknownNames().get(0);
		assertThat(u.lead()).isTrue();
		assertThat(u.suggestions()).isNotEmpty();
		assertThat(u.suggestions().get(0).name()).isEqualTo("Các sở, ban, ngành");
		assertThat(first.summary().committable()).isFalse();

		long batch = runAs.user("sokhcn", () -> intake.startAppendix("tap-the.xlsx", file,
				IntakeSettings.newPlan(ImportCommitTest.unique("KH tập thể"), 2026)));
		long chosen = u.suggestions().get(0).agencyId();
		long audits = audit.count("AGENCY_UPDATED", "AGENCY", chosen);
		runAs.user("sokhcn", () -> intake.mapName(batch, unknown, chosen));
		assertThat(audit.count("AGENCY_UPDATED", "AGENCY", chosen)).isEqualTo(audits + 1);

		Preview again = runAs.user("sokhcn", () -> intake.dryRunAppendix("tap-the.xlsx", file, null));
		assertThat(again.unknownNames()).isEmpty();
		assertThat(again.summary().committable()).isTrue();
		IntakeService.CommitResult r = runAs.user("sokhcn", () -> intake.commit(batch, intake.batch(batch).version(), Set.of()));
		assertThat(r.created()).hasSize(1);
	}
}
