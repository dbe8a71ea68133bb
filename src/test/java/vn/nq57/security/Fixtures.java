package vn.nq57.security;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.account.CurrentUser;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;
import vn.nq57.task.ClaimInput;
import vn.nq57.task.ProgressService;
import vn.nq57.system.AuditLog;

/**
 * What the security and API tests set up for themselves: their own tasks (all tests share one database, so
 * every test mutates only what it created), API tokens of the test accounts, and small queries on what was saved.
 */
public final class Fixtures {

	public static final String PASSWORD = vn.nq57.testdata.TestAccounts.PASSWORD;

	public final RunAs runAs;
	public final TaskService tasks;
	public final ProgressService progress;
	public final AgencyDirectory agencies;
	public final UserService users;
	public final AuditLog audit;
	public final JdbcTemplate jdbc;

	public Fixtures(ApplicationContext ctx) {
		this.runAs = ctx.getBean(RunAs.class);
		this.tasks = ctx.getBean(TaskService.class);
		this.progress = ctx.getBean(ProgressService.class);
		this.agencies = ctx.getBean(AgencyDirectory.class);
		this.users = ctx.getBean(UserService.class);
		this.audit = ctx.getBean(AuditLog.class);
		this.jdbc = ctx.getBean(JdbcTemplate.class);
	}

	/** A short tag that makes a title unique in the shared database. */
	public static String tag() {
		return "KT" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
	}

	public long agencyId(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	public CurrentUser user(String username) {
		return users.loadUserByUsername(username);
	}

	/** DoST creates a task led by the given agencies (codes), as the plan's appendix row would say. */
	public Task task(String title, String deadline, String... leadCodes) {
		Set<Long> leads = new LinkedHashSet<>();
		for (String code : leadCodes) {
			leads.add(agencyId(code));
		}
		TaskForm f = new TaskForm();
		f.setTitle(title);
		f.setAccountableHead("Thủ trưởng cơ quan chủ trì");
		f.setLeadAgencyIds(leads);
		f.setExpectedOutput("Báo cáo");
		f.setDeadlinePhrase(deadline);
		return runAs.user("sokhcn", () -> tasks.save(null, f));
	}

	/** The single assignment of a task led by one agency. */
	public Assignment onlyAssignment(Task task) {
		List<Assignment> all = tasks.assignments(task.getId());
		if (all.size() != 1) {
			throw new IllegalStateException("expected one assignment, got " + all.size());
		}
		return all.get(0);
	}

	public Assignment reload(Assignment a) {
		return tasks.assignment(a.getId());
	}

	public Task reload(Task t) {
		return tasks.get(t.getId());
	}

	/** A fresh API token for the test account; only its hash is kept by the application. */
	public String token(String username) {
		return users.issueApiToken(users.findByUsername(username).orElseThrow().getId());
	}

	/** The officer claims completion (as the page would), returning the claim's id. */
	public long claim(String officer, Assignment a, LocalDate completedOn, String evidence) {
		ClaimInput in = new ClaimInput();
		in.setCompletedOn(completedOn);
		in.setEvidence(evidence);
		return runAs.user(officer, () -> progress.claimCompletion(a.getId(), in, null));
	}

	public long progressRows(Assignment a) {
		return count("SELECT count(*) FROM progress_update WHERE assignment_id = ?", a.getId());
	}

	public long claimRows(Assignment a) {
		return count("SELECT count(*) FROM completion_claim WHERE assignment_id = ?", a.getId());
	}

	public long directionRows(Task t) {
		return count("SELECT count(*) FROM direction WHERE task_id = ?", t.getId());
	}

	public long attachmentRowsOf(String username) {
		return count("SELECT count(*) FROM attachment WHERE uploaded_by = ?", user(username).id());
	}

	public String claimState(long claimId) {
		return jdbc.queryForObject("SELECT state FROM completion_claim WHERE id = ?", String.class, claimId);
	}

	public long denials(String entityType, long id) {
		return audit.count("ACCESS_DENIED", entityType, id);
	}

	/** The newest audit line of an action on an entity: actor, summary, and before/after as text. */
	public Map<String, Object> lastAudit(String action, String entityType, long entityId) {
		return jdbc.queryForMap("""
				SELECT actor_id, actor_name, summary, task_id, before_state::text AS before, after_state::text AS after
				FROM audit_event WHERE action = ? AND entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT 1""",
				action, entityType, entityId);
	}

	/** One field of the newest audit line's before or after state ({@code side} is before_state or after_state). */
	public String auditField(String action, String entityType, long entityId, String side, String field) {
		return jdbc.queryForObject("SELECT " + side + "->>? FROM audit_event WHERE action = ? AND entity_type = ? "
				+ "AND entity_id = ? ORDER BY id DESC LIMIT 1", String.class, field, action, entityType, entityId);
	}

	public long count(String sql, Object... args) {
		Long n = jdbc.queryForObject(sql, Long.class, args);
		return n == null ? 0 : n;
	}
}
