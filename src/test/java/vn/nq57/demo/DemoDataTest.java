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

	@Test
	@DisplayName("the demo's history spans the year: the import in April, progress notes month after month, claims, approvals and confirmations dated when they happened, nothing after the day")
	void aHistoryOverTheYear() {
		assertThat(jdbc.queryForObject("""
				SELECT min(occurred_at)::date FROM audit_event WHERE action = 'TASK_CREATED'""", java.sql.Date.class))
			.isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 4, 15)));
		List<Integer> months = jdbc.queryForList("""
				SELECT DISTINCT extract(month FROM reported_on)::int FROM progress_update ORDER BY 1""", Integer.class);
		assertThat(months).as("progress reported in at least six different months").hasSizeGreaterThanOrEqualTo(6);
		assertThat(jdbc.queryForObject("SELECT max(reported_on) FROM progress_update", java.sql.Date.class).toLocalDate())
			.isBeforeOrEqualTo(TODAY);
		// each step of a completion at its own moment: claimed, then approved, then confirmed days later
		Map<String, Object> i2 = jdbc.queryForMap("""
				SELECT c.claimed_at, c.approved_at, c.reviewed_at FROM completion_claim c
				WHERE c.state = 'CONFIRMED' AND c.completed_on = DATE '2026-04-10'""");
		java.time.Instant claimed = ((java.sql.Timestamp) i2.get("claimed_at")).toInstant();
		java.time.Instant approved = ((java.sql.Timestamp) i2.get("approved_at")).toInstant();
		java.time.Instant reviewed = ((java.sql.Timestamp) i2.get("reviewed_at")).toInstant();
		assertThat(claimed).isBefore(approved);
		assertThat(approved).isBefore(reviewed);
		assertThat(java.time.LocalDate.ofInstant(reviewed, java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).isEqualTo(LocalDate.of(2026, 4, 17));
		// the audit trail agrees with the records it describes
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'PROGRESS_POSTED' AND occurred_at::date < DATE '2026-11-01'""",
				Long.class)).isGreaterThanOrEqualTo(8);
	}
}
