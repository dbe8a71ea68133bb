package vn.nq57.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.task.Assignment;
import vn.nq57.task.Directive;
import vn.nq57.task.DirectiveKind;
import vn.nq57.intake.FindingCode;
import vn.nq57.intake.IntakeService;
import vn.nq57.intake.IntakeSettings;
import vn.nq57.intake.Preview;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;
import vn.nq57.task.ClaimInput;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.system.AppClock;

/**
 * Demo data for an empty database: one account per role, and the tasks imported the way DoST brings them in:
 * the sample appendix (shared/samples, 16 tasks from the conclusion notices 000 and 001) through the plan
 * import, then the notice of 08/4/2026 through the notice import; with progress that puts tasks in every
 * status. Everything goes through the services, as the users themselves would, so the audit trail and the
 * checks apply. Only for demos and training: {@code nq57.demo.enabled=false} in production.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	/** The sample appendix of shared/samples and the notice of 08/4/2026 (shared/context/001_…), as resources. */
	static final String SAMPLE_PLAN = "mau-phu-luc-nhiem-vu.docx";

	static final String SAMPLE_NOTICE = "thong-bao-ket-luan-08-4-2026.txt";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UserService users;
	private final AgencyDirectory agencies;
	private final TaskService tasks;
	private final ProgressService progress;
	private final RunAs runAs;
	private final AppClock clock;
	private final IntakeService intake;

	DemoData(UserService users, AgencyDirectory agencies, TaskService tasks, ProgressService progress, RunAs runAs,
			AppClock clock, IntakeService intake) {
		this.users = users;
		this.agencies = agencies;
		this.tasks = tasks;
		this.progress = progress;
		this.runAs = runAs;
		this.clock = clock;
		this.intake = intake;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.findByUsername("admin").isPresent()) {
			return;
		}
		createUsers();
		// DoST brought the plan and the notice of 08/4/2026 in a week after the notice (or now, on an earlier day)
		LocalDateTime imported = LocalDateTime.of(2026, 4, 15, 9, 0);
		LocalDateTime when = imported.atZone(AppClock.ZONE_ID).toInstant().isAfter(clock.now()) ? clock.localNow() : imported;
		Map<String, Task> created = clock.at(when, () -> runAs.user("sokhcn", this::importTasks));
		addProgress(created);
		log.info("Demo data loaded: {} tasks imported from {} and the notice of 08/4/2026; sign in as sokhcn / {}",
				created.size(), SAMPLE_PLAN, PASSWORD);
	}

	private void createUsers() {
		user("admin", "Quản trị hệ thống", Role.ADMIN, "SKHCN");
		user("sokhcn", "Nguyễn Văn Thường Trực", Role.SECRETARIAT, "SKHCN");
		user("lanhdao", "Lãnh đạo UBND tỉnh", Role.LEADER, "UBND");
		user("gd.skhcn", "Giám đốc Sở KH&CN", Role.AGENCY_HEAD, "SKHCN");
		user("cb.skhcn", "Cán bộ đầu mối Sở KH&CN", Role.AGENCY_OFFICER, "SKHCN");
		user("gd.stc", "Giám đốc Sở Tài chính", Role.AGENCY_HEAD, "STC");
		user("cb.stc", "Cán bộ đầu mối Sở Tài chính", Role.AGENCY_OFFICER, "STC");
		user("gd.snv", "Giám đốc Sở Nội vụ", Role.AGENCY_HEAD, "SNV");
		user("cb.snv", "Cán bộ đầu mối Sở Nội vụ", Role.AGENCY_OFFICER, "SNV");
		user("gd.bql", "Trưởng Ban Quản lý KKT Dung Quất", Role.AGENCY_HEAD, "BQLKKT");
		user("cb.bql", "Cán bộ đầu mối Ban Quản lý KKT Dung Quất", Role.AGENCY_OFFICER, "BQLKKT");
		user("cb.svhttdl", "Cán bộ đầu mối Sở VHTTDL", Role.AGENCY_OFFICER, "SVHTTDL");
		user("cb.lyson", "Cán bộ đầu mối Đặc khu Lý Sơn", Role.AGENCY_OFFICER, "DK-LYSON");
	}

	private void user(String username, String name, Role role, String agencyCode) {
		long agencyId = agencies.findByCode(agencyCode).orElseThrow().getId();
		users.create(username, PASSWORD, name, username + "@demo.quangngai.gov.vn", role, agencyId);
	}

	/**
	 * The tasks come in as DoST would bring them: the sample appendix (Word) through the plan import, and the
	 * conclusion notice of 08/4/2026 through the notice import, whose candidates that repeat a task of the plan
	 * are dropped in the preview, as a careful user would.
	 */
	private Map<String, Task> importTasks() {
		tasks.saveDirective(null, DirectiveKind.PLAN, "359-KH/TU", LocalDate.of(2025, 4, 29),
				"Ban Thường vụ Tỉnh ủy", "Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW", null);
		tasks.saveDirective(null, DirectiveKind.RESOLUTION, "71/NQ-CP", LocalDate.of(2025, 4, 1), "Chính phủ",
				"Sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW", null);
		Directive kh = tasks.saveDirective(null, DirectiveKind.PLAN, "KH-2026 (dự thảo)", null, "UBND tỉnh Quảng Ngãi",
				"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Quảng Ngãi năm 2026", null);
		tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, "TB ngày 12/3/2026 (BQL KKT)",
				LocalDate.of(2026, 3, 12), "Văn phòng UBND tỉnh",
				"Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại buổi làm việc với Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi",
				null);
		Directive tb001 = tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, "TB ngày 08/4/2026 (BCĐ)",
				LocalDate.of(2026, 4, 8), "Văn phòng UBND tỉnh",
				"Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại phiên họp thường kỳ của Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW",
				null);
		long plan = intake.startAppendix(SAMPLE_PLAN, resource("demo/" + SAMPLE_PLAN), new IntakeSettings(null,
				"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm 2026 (phụ lục mẫu)", 2026, kh.getId(), null, null, null, null));
		IntakeService.CommitResult planResult = intake.commit(plan, intake.batch(plan).version(), Set.of());
		Map<String, Task> byLabel = new LinkedHashMap<>();
		for (Task t : intake.created(planResult)) {
			String group = t.getGroupId() == null ? "" : tasks.group(t.getGroupId()).getCode();
			byLabel.put(group + "." + (t.getStt() == null ? "?" : t.getStt()), t);
		}
		String notice = new String(resource("demo/" + SAMPLE_NOTICE), StandardCharsets.UTF_8);
		long batch = intake.startNotice(null, null, notice, new IntakeSettings(null, null, null, tb001.getId(), null, null,
				null, null));
		IntakeService.Batch b = intake.batch(batch);
		long version = b.version();
		for (Preview.Row r : intake.preview(b).rows()) {
			if (r.has(FindingCode.NEAR_DUPLICATE) || r.hasErrors()) {
				intake.setDropped(batch, r.index(), true, version++);
			}
		}
		IntakeService.CommitResult noticeResult = intake.commit(batch, version, Set.of());
		int n = 1;
		for (Task t : intake.created(noticeResult)) {
			byLabel.put("TB." + n++, t);
		}
		return byLabel;
	}

	private static byte[] resource(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * Progress that gives the demo every status, as a year that happened: each step runs at the day and hour it would
	 * have happened ({@link AppClock#at}), so progress notes, claims, approvals and their audit lines carry those
	 * dates, the task pages read like a real year, and a report "as of" a day sees only what was known then. Steps
	 * dated after "today" are left out.
	 */
	private void addProgress(Map<String, Task> t) {
		// I.2 Sở KH&CN: phân khai kinh phí, completed on the day it was due (10/4/2026), reported once tracking began
		complete(t.get("I.2"), "cb.skhcn", "gd.skhcn", LocalDate.of(2026, 4, 10),
				"Văn bản số 1420/SKHCN-KHTC ngày 10/4/2026 gửi Sở Tài chính", at(2026, 4, 16, 10), at(2026, 4, 16, 15),
				at(2026, 4, 17, 9));
		// I.1 Ban Quản lý: its plan, due 30/6/2026, completed late
		post(t.get("I.1"), "cb.bql", 30, "Đã dự thảo kế hoạch, lấy ý kiến các phòng chuyên môn.", null, null, at(2026, 5, 20, 9));
		post(t.get("I.1"), "cb.bql", 80, "Đã trình Trưởng ban dự thảo kế hoạch sau khi tiếp thu ý kiến.", null, null,
				at(2026, 6, 25, 14));
		complete(t.get("I.1"), "cb.bql", "gd.bql", LocalDate.of(2026, 7, 15), "Kế hoạch số 12/KH-BQL ngày 15/7/2026",
				at(2026, 7, 15, 16), at(2026, 7, 16, 9), at(2026, 7, 20, 10));
		// I.3 IOC upgrade: progress but overdue (due 31/5/2026), with an obstacle and a leader's direction
		post(t.get("I.3"), "cb.skhcn", 20, "Đã xây dựng đề cương nâng cấp các phân hệ của Trung tâm IOC.", null, null,
				at(2026, 5, 12, 10));
		post(t.get("I.3"), "cb.skhcn", 40, "Đã khảo sát hiện trạng 6 phân hệ, lập danh mục dữ liệu cần kết nối.",
				"Chưa có hướng dẫn khung kiến trúc số phiên bản mới của Bộ.", null, at(2026, 6, 30, 15));
		post(t.get("I.3"), "cb.skhcn", 60, "Đã làm việc với VNPT Quảng Ngãi, thống nhất danh mục phân hệ cần nâng cấp.",
				"Chưa có hướng dẫn khung kiến trúc số phiên bản mới của Bộ.", "Đề nghị Bộ KH&CN sớm ban hành hướng dẫn.",
				at(2026, 10, 15, 9));
		on(at(2026, 10, 20, 8), () -> runAs.user("lanhdao", () -> progress.addDirection(t.get("I.3").getId(),
				"Sở KH&CN khẩn trương hoàn thành, báo cáo UBND tỉnh trong tháng này; phối hợp chặt chẽ với VNPT Quảng Ngãi.")));
		// III.1 Ban Quản lý: database, in progress (due 31/12/2026)
		post(t.get("III.1"), "cb.bql", 20, "Đã số hóa dữ liệu quy hoạch của 2/5 khu công nghiệp.", null, null,
				at(2026, 7, 31, 10));
		post(t.get("III.1"), "cb.bql", 40, "Đã số hóa dữ liệu quy hoạch và quỹ đất của 4/5 khu công nghiệp.", null, null,
				at(2026, 10, 30, 10));
		// II.2 Ban Quản lý: claimed, waiting for the head
		on(at(2026, 9, 21, 9), () -> runAs.user("cb.bql", () -> progress.claimCompletion(first(t.get("II.2")).getId(),
				claim(LocalDate.of(2026, 9, 20), "Tờ trình số 45/TTr-BQL ngày 20/9/2026 đề xuất chính sách hỗ trợ"), null)));
		// III.3 Ban Quản lý: the head's own claim, waiting for DoST
		on(at(2026, 11, 12, 10), () -> runAs.user("gd.bql", () -> progress.claimCompletion(first(t.get("III.3")).getId(),
				claim(LocalDate.of(2026, 11, 10), "Cơ sở dữ liệu môi trường vận hành từ 10/11/2026"), null)));
		// IV.1 (every department and commune, due 31/3/2026): Sở Nội vụ done on time, Sở Tài chính still working
		completeShare(t.get("IV.1"), "SNV", "cb.snv", "gd.snv", LocalDate.of(2026, 3, 20),
				"Chương trình công tác năm 2026 số 05/CTr-SNV", at(2026, 4, 20, 9), at(2026, 4, 21, 9), at(2026, 4, 23, 14));
		postShare(t.get("IV.1"), "STC", "cb.stc", 30, "Đã đưa 2/6 nội dung vào chương trình công tác.",
				"Chờ phân bổ kinh phí năm 2026.", at(2026, 4, 28, 15));
		postShare(t.get("IV.1"), "STC", "cb.stc", 50, "Đã đưa 3/6 nội dung vào chương trình công tác.",
				"Chờ phân bổ kinh phí năm 2026.", at(2026, 9, 30, 15));
		// IV.2 Lý Sơn reports on the collective, ongoing task, month by month
		postShare(t.get("IV.2"), "DK-LYSON", "cb.lyson", 10, "Đã báo cáo tháng 8/2026; xây dựng kế hoạch của đặc khu.", null,
				at(2026, 8, 31, 16));
		postShare(t.get("IV.2"), "DK-LYSON", "cb.lyson", 20, "Đã báo cáo tháng 9/2026.", null, at(2026, 9, 30, 16));
		postShare(t.get("IV.2"), "DK-LYSON", "cb.lyson", 30,
				"Đã báo cáo tháng 10/2026; phân công lãnh đạo phụ trách.", null, at(2026, 10, 31, 16));
	}

	private static LocalDateTime at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0);
	}

	/** Runs a step of the history at its moment; a step after the application's "now" did not happen yet. */
	private void on(LocalDateTime moment, Runnable step) {
		if (moment.atZone(AppClock.ZONE_ID).toInstant().isAfter(clock.now())) {
			return;
		}
		clock.at(moment, () -> {
			step.run();
			return null;
		});
	}

	private void completeShare(Task task, String agencyCode, String officer, String head, LocalDate on, String evidence,
			LocalDateTime claimed, LocalDateTime approved, LocalDateTime confirmed) {
		decide(share(task, agencyCode), officer, head, on, evidence, claimed, approved, confirmed);
	}

	private void postShare(Task task, String agencyCode, String officer, int percent, String results, String obstacles,
			LocalDateTime when) {
		Assignment a = share(task, agencyCode);
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults(results);
		in.setObstacles(obstacles);
		on(when, () -> runAs.user(officer, () -> progress.postProgress(a.getId(), in, null)));
	}

	private Assignment share(Task task, String agencyCode) {
		long agency = agencies.findByCode(agencyCode).orElseThrow().getId();
		return tasks.assignments(task.getId()).stream().filter(x -> x.getAgencyId() == agency).findFirst().orElseThrow();
	}

	private void complete(Task task, String officer, String head, LocalDate on, String evidence, LocalDateTime claimed,
			LocalDateTime approved, LocalDateTime confirmed) {
		decide(first(task), officer, head, on, evidence, claimed, approved, confirmed);
	}

	/** The officer reports the work completed, the head approves, DoST confirms, each at its moment. */
	private void decide(Assignment a, String officer, String head, LocalDate on, String evidence, LocalDateTime claimed,
			LocalDateTime approved, LocalDateTime confirmed) {
		long[] claimId = { -1 };
		on(claimed, () -> claimId[0] = runAs.user(officer, () -> progress.claimCompletion(a.getId(), claim(on, evidence), null)));
		if (claimId[0] < 0) {
			return;
		}
		on(approved, () -> runAs.user(head, () -> progress.approveClaim(claimId[0])));
		on(confirmed, () -> runAs.user("sokhcn", () -> progress.confirmClaim(claimId[0])));
	}

	private void post(Task task, String officer, int percent, String results, String obstacles, String proposals,
			LocalDateTime when) {
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults(results);
		in.setObstacles(obstacles);
		in.setProposals(proposals);
		on(when, () -> runAs.user(officer, () -> progress.postProgress(first(task).getId(), in, null)));
	}

	private Assignment first(Task task) {
		return tasks.assignments(task.getId()).get(0);
	}

	private static ClaimInput claim(LocalDate on, String evidence) {
		ClaimInput c = new ClaimInput();
		c.setCompletedOn(on);
		c.setEvidence(evidence);
		return c;
	}
}
