package vn.nq57.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.nq57.DemoIntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.account.UserService;
import vn.nq57.overview.OverviewQueries;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;

/**
 * The demo itself, as a trainee finds it after the first start on 22/11/2026: accounts for every role, the sample
 * appendix and the notice of 08/4/2026 brought in through the importer, progress that puts tasks in every status,
 * periodic reports from September. (The other tests run with the demo off and make their own data.)
 */
@DemoIntegrationTest
class DemoDataTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired JdbcTemplate jdbc;
	@Autowired UserService users;
	@Autowired PasswordEncoder encoder;
	@Autowired OverviewQueries overview;

	@Test
	@DisplayName("an account for every role, all with the demo password")
	void accounts() {
		for (Role role : Role.values()) {
			assertThat(users.all()).as(role.name()).anyMatch(u -> u.getRole() == role);
		}
		for (String username : List.of("admin", "sokhcn", "lanhdao", "gd.stc", "cb.stc", "gd.snv", "cb.snv", "gd.bql",
				"cb.bql", "gd.skhcn", "cb.skhcn", "cb.svhttdl", "cb.lyson")) {
			String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
			assertThat(encoder.matches(DemoData.PASSWORD, hash)).as(username).isTrue();
		}
	}

	@Test
	@DisplayName("the tasks came in through the importer: the sample appendix as a plan (16 tasks), then the notice of 08/4/2026 (10 kept)")
	void importedAsDoSTWould() {
		List<Map<String, Object>> batches = jdbc.queryForList(
				"SELECT kind, state, file_name FROM intake_batch ORDER BY id");
		assertThat(batches).extracting(b -> b.get("kind") + " " + b.get("state"))
			.containsExactly("PLAN_APPENDIX COMMITTED", "NOTICE COMMITTED");
		assertThat(batches.get(0).get("file_name")).isEqualTo(DemoData.SAMPLE_PLAN);
		Long planTasks = jdbc.queryForObject("""
				SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id
				WHERE p.title = 'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm 2026 (phụ lục mẫu)'
				  AND t.directive_id IS DISTINCT FROM (SELECT id FROM directive WHERE number = 'TB ngày 08/4/2026 (BCĐ)')""", Long.class);
		assertThat(planTasks).isEqualTo(16);
		Long fromNotice = jdbc.queryForObject("""
				SELECT count(*) FROM task t JOIN directive d ON d.id = t.directive_id WHERE d.number = 'TB ngày 08/4/2026 (BCĐ)'""",
				Long.class);
		assertThat(fromNotice).isEqualTo(10);
	}

	@Test
	@DisplayName("progress puts the demo's tasks in every status on 22/11/2026")
	void everyStatus() {
		StatusCounts t = overview.summary(null, TODAY, TODAY, 7).totals();
		assertThat(t.get(TaskStatus.COMPLETED_ON_TIME)).isPositive();
		assertThat(t.get(TaskStatus.COMPLETED_LATE)).isPositive();
		assertThat(t.get(TaskStatus.IN_PROGRESS)).isPositive();
		assertThat(t.get(TaskStatus.OVERDUE)).isPositive();
		assertThat(t.get(TaskStatus.ONGOING)).isPositive();
		assertThat(t.get(TaskStatus.AWAITING_TRIGGER)).isPositive();
		// a claim waiting for the head, one waiting for DoST, a leader's direction
		assertThat(jdbc.queryForList("SELECT state FROM completion_claim", String.class)).contains("CLAIMED", "HEAD_APPROVED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM direction", Long.class)).isPositive();
	}

	@Test
	@DisplayName("periodic reports from September 2026: on time, late, returned, accepted, a draft; November left to try")
	void periodicReports() {
		List<String> states = jdbc.queryForList("SELECT DISTINCT state FROM periodic_report WHERE state <> 'NOT_STARTED'",
				String.class);
		assertThat(states).contains("ACCEPTED", "SUBMITTED", "RETURNED", "DRAFT");
		Long november = jdbc.queryForObject("""
				SELECT count(*) FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE p.period_key = '2026-11' AND r.state <> 'NOT_STARTED'""", Long.class);
		assertThat(november).isZero();
	}
}
