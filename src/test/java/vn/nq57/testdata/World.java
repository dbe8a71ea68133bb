package vn.nq57.testdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.task.Assignment;
import vn.nq57.task.ClaimInput;
import vn.nq57.task.Plan;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskGroup;
import vn.nq57.task.TaskService;

/**
 * Builders of the data a test states for itself: plans with their task groups, tasks with their lead agencies and
 * deadline, progress, completions (claimed by the agency's officer, approved by its head, confirmed by DoST),
 * leaders' directions. Everything goes through the application's services as the users of {@link TestAccounts}
 * would do it, so the checks, triggers and audit trail apply as in real use. The registry's agencies are named by
 * code ({@code STC}, {@code SNV}, {@code BQLKKT}, {@code SKHCN}, {@code DK-LYSON}…).
 *
 * <pre>
 * Plan p = world.plan("Kế hoạch kiểm thử").groups("I", "II").create();
 * Task t = world.task("Xây dựng kế hoạch").in(p, "I").lead("STC").due("30/6/2026").completed(LocalDate.of(2026, 7, 15)).create();
 * world.progress(world.assignment(other, "SNV"), LocalDate.of(2026, 10, 20), 40, "Đã lấy ý kiến", null, null);
 * </pre>
 * Periodic reports and indicator values have their builders in their modules, next to the package-private services
 * they use: {@code reporting.ReportingFixtures} (regimes, reports sent on a day) and {@code indicator.Fixtures} /
 * {@code indicator.IndicatorTestValues} (definitions, values entered and approved).
 */
@Component
public class World {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final RunAs runAs;
	private final TaskService tasks;
	private final ProgressService progress;
	private final AgencyDirectory agencies;
	private final AppClock clock;
	private final UserService users;
	private final JdbcTemplate jdbc;

	World(RunAs runAs, TaskService tasks, ProgressService progress, AgencyDirectory agencies, AppClock clock,
			UserService users, JdbcTemplate jdbc) {
		this.runAs = runAs;
		this.tasks = tasks;
		this.progress = progress;
		this.agencies = agencies;
		this.clock = clock;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** A number that makes a title or code unique in the shared test database. */
	public static int seq() {
		return SEQ.incrementAndGet();
	}

	/**
	 * A new agency of the test's own (fast SQL insert, as the registry import would write it); its code is made unique
	 * from {@code prefix}. Kind ENTERPRISE is not a member of any collective, so no other test's task fans out to it.
	 */
	public String newAgency(String prefix, String name, String kind) {
		String code = prefix + "-" + seq() + "-" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		jdbc.update("INSERT INTO agency(code, name, short_name, kind, active) VALUES (?, ?, ?, ?, true)", code, name, name, kind);
		return code;
	}

	/** A new account (password {@link TestAccounts#PASSWORD}) through the user service, as ADMIN would create it. */
	public String user(String username, Role role, String agencyCode) {
		users.create(username, TestAccounts.PASSWORD, "Người dùng kiểm thử " + username, username + "@kiemthu.quangngai.gov.vn",
				role, agency(agencyCode));
		return username;
	}

	public long agency(String code) {
		return agencies.findByCode(code).orElseThrow(() -> new IllegalArgumentException("no agency " + code)).getId();
	}

	/** The test account with that role in the agency with that code ({@link TestAccounts}). */
	public static String account(Role role, String agencyCode) {
		return TestAccounts.ALL.stream().filter(a -> a.role() == role && a.agencyCode().equals(agencyCode))
			.map(TestAccounts.Account::username).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no test account " + role + " of " + agencyCode));
	}

	// --- plans and tasks ---

	public PlanBuilder plan(String title) {
		return new PlanBuilder(title);
	}

	public final class PlanBuilder {
		private final String title;
		private Integer year = 2026;
		private final List<String[]> groups = new ArrayList<>();

		PlanBuilder(String title) {
			this.title = title;
		}

		public PlanBuilder year(Integer y) {
			this.year = y;
			return this;
		}

		/** Task groups by their code, titled "Nhóm nhiệm vụ {code}". */
		public PlanBuilder groups(String... codes) {
			for (String c : codes) {
				groups.add(new String[] { c, "Nhóm nhiệm vụ " + c + " (kiểm thử)" });
			}
			return this;
		}

		public PlanBuilder group(String code, String groupTitle) {
			groups.add(new String[] { code, groupTitle });
			return this;
		}

		public Plan create() {
			return runAs.user("sokhcn", () -> tasks.savePlan(null, null, title, year, groups, null));
		}
	}

	/** The group of the plan with that code. */
	public TaskGroup group(Plan plan, String code) {
		return tasks.plan(plan.getId()).getGroups().stream().filter(g -> g.getCode().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no group " + code));
	}

	public TaskBuilder task(String title) {
		return new TaskBuilder(title);
	}

	public final class TaskBuilder {
		private final TaskForm form = new TaskForm();
		private final Set<Long> leads = new LinkedHashSet<>();
		private final Set<Long> coordinators = new LinkedHashSet<>();

		TaskBuilder(String title) {
			form.setTitle(title);
			form.setAccountableHead("Thủ trưởng cơ quan chủ trì");
			form.setExpectedOutput("Báo cáo");
		}

		/** In a plan, and in its group with that code ({@code null}: outside the groups). */
		public TaskBuilder in(Plan plan, String groupCode) {
			form.setPlanId(plan.getId());
			form.setGroupId(groupCode == null ? null : group(plan, groupCode).getId());
			return this;
		}

		public TaskBuilder stt(String stt) {
			form.setStt(stt);
			return this;
		}

		public TaskBuilder lead(String... agencyCodes) {
			for (String c : agencyCodes) {
				leads.add(agency(c));
			}
			return this;
		}

		public TaskBuilder coordinators(String... agencyCodes) {
			for (String c : agencyCodes) {
				coordinators.add(agency(c));
			}
			return this;
		}

		/** The deadline as the document writes it: "30/6/2026", "Quý III/2026", "Thường xuyên", "Sau khi …", "". */
		public TaskBuilder due(String deadlinePhrase) {
			form.setDeadlinePhrase(deadlinePhrase);
			return this;
		}

		public TaskBuilder due(LocalDate day) {
			return due(day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear());
		}

		public TaskBuilder output(String expectedOutput) {
			form.setExpectedOutput(expectedOutput);
			return this;
		}

		private LocalDate completedOn;

		/** Once created, every lead agency's share is completed on that day (claimed, approved, confirmed). */
		public TaskBuilder completed(LocalDate day) {
			this.completedOn = day;
			return this;
		}

		public Task create() {
			form.setLeadAgencyIds(leads);
			form.setCoordinatorAgencyIds(coordinators);
			Task task = runAs.user("sokhcn", () -> tasks.save(null, form));
			if (completedOn != null) {
				for (Assignment a : tasks.assignments(task.getId())) {
					World.this.completed(a, completedOn);
				}
			}
			return task;
		}
	}

	/** The share of the task of the agency with that code. */
	public Assignment assignment(Task task, String agencyCode) {
		long id = agency(agencyCode);
		return tasks.assignments(task.getId()).stream().filter(a -> a.getAgencyId() == id).findFirst()
			.orElseThrow(() -> new IllegalArgumentException(agencyCode + " has no share of task " + task.getId()));
	}

	// --- progress, completion, directions ---

	/** The agency's officer posts progress on {@code day} (the clock is moved there and back). */
	public long progress(Assignment a, LocalDate day, int percent, String results, String obstacles, String proposals) {
		String officer = account(Role.AGENCY_OFFICER, code(a));
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults(results);
		in.setObstacles(obstacles);
		in.setProposals(proposals);
		return on(day, () -> runAs.user(officer, () -> progress.postProgress(a.getId(), in, null)));
	}

	/** The officer claims completion on {@code completedOn}, the head approves, DoST confirms; returns the claim. */
	public long completed(Assignment a, LocalDate completedOn) {
		String agency = code(a);
		long claim = claimed(a, completedOn, "Đã hoàn thành (kiểm thử) ngày " + completedOn);
		runAs.user(account(Role.AGENCY_HEAD, agency), () -> progress.approveClaim(claim));
		runAs.user("sokhcn", () -> progress.confirmClaim(claim));
		return claim;
	}

	/** The officer claims completion; the claim waits for the head. */
	public long claimed(Assignment a, LocalDate completedOn, String evidence) {
		ClaimInput in = new ClaimInput();
		in.setCompletedOn(completedOn);
		in.setEvidence(evidence);
		return runAs.user(account(Role.AGENCY_OFFICER, code(a)), () -> progress.claimCompletion(a.getId(), in, null));
	}

	public long direction(Task task, String text) {
		return runAs.user("lanhdao", () -> progress.addDirection(task.getId(), text));
	}

	private String code(Assignment a) {
		return agencies.get(a.getAgencyId()).getCode();
	}

	private <T> T on(LocalDate day, java.util.function.Supplier<T> work) {
		LocalDate before = clock.today();
		clock.fixAt(day);
		try {
			return work.get();
		}
		finally {
			clock.fixAt(before);
		}
	}
}
