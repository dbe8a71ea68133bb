package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.security.Fixtures;

/**
 * The task page and the list of claims read what they show with a fixed number of SQL statements, however many
 * agencies share the task or however many claims wait: a task led by "Các sở, ban, ngành, địa phương" (one
 * assignment per member) costs what a task led by one agency costs. Statements are counted as JdbcTemplate and
 * Hibernate log them (at DEBUG, switched on only while a request runs).
 */
@IntegrationTest
@AutoConfigureMockMvc
class TaskPageStatementsTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;

	Fixtures fx;
	String tag;

	@BeforeEach
	void setUp() {
		fx = new Fixtures(ctx);
		tag = Fixtures.tag();
	}

	@Test
	@DisplayName("the page of a task shared by every department and commune costs as many statements as one led by one agency, and lists every agency")
	void taskPageWithManyAssignments() throws Exception {
		Task one = fx.task("Nhiệm vụ của một sở " + tag, "Quý IV/2026", "STC");
		Task shared = fx.task("Nhiệm vụ chung các sở, ngành, địa phương " + tag, "Quý IV/2026", "G-SBNDP");
		int members = fx.tasks.assignments(shared.getId()).size();
		assertThat(members).isGreaterThan(10);
		// the agencies that have an officer claim completion, so the timeline and the statuses have something to read
		for (var a : fx.tasks.assignments(shared.getId())) {
			String officer = officerOf(a.getAgencyId());
			if (officer != null) {
				fx.claim(officer, a, LocalDate.of(2026, 11, 20), "Đã ban hành kế hoạch " + tag);
			}
		}
		for (String who : List.of("sokhcn", "lanhdao", "cb.stc")) {
			int few = statements(() -> page("/tasks/" + one.getId(), who));
			int[] shown = new int[1];
			int many = statements(() -> shown[0] = count(page("/tasks/" + shared.getId(), who), "id=\"assignment-\\d+\""));
			// an agency's officer sees only its own agency's assignment
			assertThat(shown[0]).as("assignments listed for %s", who).isEqualTo(who.startsWith("cb.") ? 1 : Math.min(300, members));
			assertThat(many).as("statements for %s: %d assignments against 1 (%d)", who, members, few).isLessThanOrEqualTo(few);
		}
	}

	@Test
	@DisplayName("the list of claims waiting for DoST costs the same statements for one claim and for ten")
	void claimsListWithManyClaims() throws Exception {
		List<Long> claims = new ArrayList<>();
		claims.add(approvedClaim(0));
		int few = statements(() -> page("/claims", "sokhcn"));
		for (int i = 1; i < 10; i++) {
			claims.add(approvedClaim(i));
		}
		String[] html = new String[1];
		int many = statements(() -> html[0] = page("/claims", "sokhcn"));
		for (int i = 0; i < 10; i++) {
			assertThat(html[0]).contains("Nhiệm vụ đề nghị hoàn thành số " + i + " " + tag);
		}
		assertThat(many).as("statements for 10 claims against 1 (%d)", few).isLessThanOrEqualTo(few);
	}

	@Test
	@DisplayName("the claims queue is read a page at a time, counted in SQL, and DoST can narrow it to one agency")
	void claimsQueuePagedAndFiltered() throws Exception {
		long stc = fx.agencyId("STC");
		long mine = approvedClaim(100);
		long newest = approvedClaim(101);
		var dost = fx.user("sokhcn");
		var all = fx.progress.pendingFor(dost, null, 0, 1);
		assertThat(all.rows()).extracting(ProgressService.ClaimEntry::id).containsExactly(newest);
		assertThat(all.total()).isEqualTo(fx.jdbc.queryForObject(
				"SELECT count(*) FROM completion_claim WHERE state = 'HEAD_APPROVED'", Long.class));
		var second = fx.progress.pendingFor(dost, stc, 1, 1);
		assertThat(second.rows()).extracting(ProgressService.ClaimEntry::id).containsExactly(mine);
		assertThat(second.total()).isEqualTo(fx.jdbc.queryForObject("""
				SELECT count(*) FROM completion_claim c JOIN assignment a ON a.id = c.assignment_id
				WHERE c.state = 'HEAD_APPROVED' AND a.agency_id = ?""", Long.class, stc));
		// another agency's filter does not list STC's claims; a page past the end shows the last page
		long other = fx.agencyId("SNV");
		assertThat(fx.progress.pendingFor(dost, other, 0, 50).rows())
			.extracting(ProgressService.ClaimEntry::id).doesNotContain(mine, newest);
		assertThat(fx.progress.pendingFor(dost, stc, 1_000_000, 1).page()).isEqualTo(second.pages() - 1);
		// the page: the count, the filter, and the pager's link carrying it
		String html = page("/claims?agency=" + stc, "sokhcn");
		assertThat(html).contains("Nhiệm vụ đề nghị hoàn thành số 101 " + tag).contains("đề nghị đang chờ, mới nhất trước");
		assertThat(fx.progress.pendingCount(fx.user("gd.stc"))).isEqualTo(fx.jdbc.queryForObject("""
				SELECT count(*) FROM completion_claim c JOIN assignment a ON a.id = c.assignment_id
				WHERE c.state = 'CLAIMED' AND a.agency_id = ?""", Long.class, stc));
	}

	private long approvedClaim(int i) {
		Task t = fx.task("Nhiệm vụ đề nghị hoàn thành số " + i + " " + tag, "Quý IV/2026", "STC");
		long claim = fx.claim("cb.stc", fx.onlyAssignment(t), LocalDate.of(2026, 11, 20), "Đã hoàn thành " + tag);
		fx.runAs.user("gd.stc", () -> fx.progress.approveClaim(claim));
		return claim;
	}

	private String officerOf(long agencyId) {
		return fx.jdbc.queryForObject("SELECT min(username) FROM app_user WHERE agency_id = ? AND role = 'AGENCY_OFFICER'",
				String.class, agencyId);
	}

	private String page(String path, String who) throws Exception {
		return mvc.perform(get(path).with(user(fx.user(who)))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static int count(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	static int statements(SqlStatements.Work work) throws Exception {
		return SqlStatements.during(work);
	}
}
