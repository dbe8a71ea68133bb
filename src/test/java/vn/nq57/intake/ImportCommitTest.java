package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.nq57.intake.TestDocs.row;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;

/** Preview first, then everything written in one transaction or nothing; revised plans; who may import. */
@IntegrationTest
class ImportCommitTest {

	@Autowired IntakeService intake;
	@Autowired TaskService tasks;
	@Autowired ProgressService progress;
	@Autowired AgencyDirectory agencies;
	@Autowired RunAs runAs;
	@Autowired TestTasks testTasks;
	@Autowired JdbcTemplate jdbc;

	static String unique(String s) {
		return s + " (kiểm thử " + System.nanoTime() + ")";
	}

	static byte[] appendix(List<List<String>> taskRows) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(TestDocs.standardHeader());
		rows.add(TestDocs.group("I", "Nhóm một", 7));
		rows.addAll(taskRows);
		return TestDocs.xlsx(List.of(rows));
	}

	long start(String file, byte[] data, IntakeSettings s) {
		return runAs.user("sokhcn", () -> intake.startAppendix(file, data, s));
	}

	/**
	 * Writes the import as a plan of its own: the shared test database may already hold the sample's tasks (other
	 * tests import it too), so these tests say so explicitly; what a repeated import asks is {@link ReimportTest}'s.
	 */
	IntakeService.CommitResult commit(long batch, Set<Long> keep) {
		return runAs.user("sokhcn", () -> intake.commit(batch, intake.batch(batch).version(), keep,
				IntakeService.RepeatChoice.IMPORT_ALL));
	}

	Preview preview(long batch) {
		return runAs.user("sokhcn", () -> intake.preview(intake.batch(batch)));
	}

	int count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}

	List<Task> tasksOf(long planId) {
		return jdbc.queryForList("SELECT id FROM task WHERE plan_id = ? ORDER BY position, id", Long.class, planId)
			.stream().map(tasks::get).toList();
	}

	@Test
	@DisplayName("the sample appendix becomes a new plan: 16 tasks in 4 groups, collectives fanned out, all audited")
	void sampleBecomesANewPlan() throws Exception {
		String title = unique("Kế hoạch mẫu");
		long batch = start("mau-phu-luc-nhiem-vu.docx", SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.docx"),
				IntakeSettings.newPlan(title, 2026));
		assertThat(count("SELECT count(*) FROM plan WHERE title = ?", title)).as("nothing written before confirming").isZero();
		long committed = count("SELECT count(*) FROM audit_event WHERE action = 'INTAKE_COMMITTED'");
		IntakeService.CommitResult r = commit(batch, Set.of());
		assertThat(r.created()).hasSize(16);
		List<Task> created = tasksOf(r.planId());
		assertThat(created).hasSize(16);
		assertThat(tasks.plan(r.planId()).getGroups()).extracting(g -> g.getCode()).containsExactly("I", "II", "III", "IV");
		assertThat(created).allMatch(t -> Normalizer.isNormalized(t.getTitle(), Normalizer.Form.NFC));
		Task iv1 = created.stream().filter(t -> t.getTitle().startsWith("Cụ thể hóa nhiệm vụ")).findFirst().orElseThrow();
		int members = count("SELECT count(*) FROM agency WHERE active AND kind IN ('DEPARTMENT', 'COMMUNE')");
		assertThat(tasks.assignments(iv1.getId())).hasSize(members);
		Task iii1 = created.stream().filter(t -> t.getTitle().startsWith("Xây dựng, hoàn thiện cơ sở dữ liệu số")).findFirst()
			.orElseThrow();
		assertThat(iii1.getCoordinatorAgencyIds()).containsExactlyInAnyOrder(testTasks.agency("SNNMT"), testTasks.agency("SXD"));
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'TASK_CREATED' AND task_id = ANY (?)",
				(Object) r.created().toArray(Long[]::new))).isEqualTo(16);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'INTAKE_COMMITTED'")).isEqualTo(committed + 1);
		assertThat(runAs.user("sokhcn", () -> intake.batch(batch)).state()).isEqualTo("COMMITTED");
		// the written import still shows the preview the user confirmed, not its own tasks as duplicates
		Preview kept = preview(batch);
		assertThat(kept.summary().tasks()).isEqualTo(16);
		assertThat(kept.rows()).flatExtracting(Preview.Row::findings).noneMatch(f -> f.otherTaskId() != null
				&& r.created().contains(f.otherTaskId()));
		assertThat(kept.rows()).filteredOn(x -> "III.4".equals(x.draft().groupCode() + "." + x.draft().stt()))
			.singleElement().matches(x -> x.has(FindingCode.TYPO) && x.has(FindingCode.MISSING_DEADLINE));
		// a committed import cannot be written twice
		assertThatThrownBy(() -> commit(batch, Set.of())).isInstanceOf(DomainException.class);
	}

	@Test
	@DisplayName("the same file again into its own plan: every task unchanged, nothing added or removed")
	void sameFileIntoItsOwnPlanChangesNothing() throws Exception {
		byte[] sample = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		IntakeService.CommitResult first = commit(start("a.xlsx", sample, IntakeSettings.newPlan(unique("KH"), 2026)),
				Set.of());
		Preview again = runAs.user("cb.stc", () -> intake.dryRunAppendix("a.xlsx", sample, first.planId()));
		assertThat(again.diff()).isNotNull();
		assertThat(again.diff().unchanged()).isEqualTo(16);
		assertThat(again.diff().added()).isZero();
		assertThat(again.diff().changed()).isZero();
		assertThat(again.diff().removed()).isEmpty();
		// its own tasks are compared by the diff, not reported as duplicates of themselves
		assertThat(again.rows()).allMatch(r -> r.findings().stream().noneMatch(f -> f.otherTaskId() != null
				&& first.created().contains(f.otherTaskId())));
	}

	@Test
	@DisplayName("only DoST imports: an officer or a leader is refused, audited, and nothing is stored")
	void onlySecretariatImports() throws Exception {
		byte[] sample = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.docx");
		int batches = count("SELECT count(*) FROM intake_batch");
		int denied = count("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND entity_type = 'INTAKE'");
		for (String user : List.of("cb.stc", "lanhdao", "gd.snv", "admin")) {
			assertThatThrownBy(() -> runAs.user(user, () -> intake.startAppendix("x.docx", sample, IntakeSettings.newPlan("X", 2026))))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(count("SELECT count(*) FROM intake_batch")).isEqualTo(batches);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND entity_type = 'INTAKE'"))
			.isEqualTo(denied + 4);
		long batch = start("x.docx", sample, IntakeSettings.newPlan(unique("KH"), 2026));
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> intake.commit(batch, 0, Set.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> intake.batch(batch))).isInstanceOf(AccessDeniedException.class);
		// but anyone signed in may ask for a dry run
		assertThat(runAs.user("cb.lyson", () -> intake.dryRunAppendix("x.docx", sample, null)).summary().tasks()).isEqualTo(16);
	}

	@Test
	@DisplayName("errors block the import until each row is fixed, mapped or dropped; a mapping is saved as an alias")
	void errorsBlockUntilFixedMappedOrDropped() {
		String unknown = "Trung tâm Phục vụ hành chính công " + System.nanoTime();
		byte[] file = appendix(List.of(
				row("1", unique("Số hóa kết quả giải quyết thủ tục hành chính"), "Giám đốc trung tâm", unknown, "", "Dữ liệu",
						"Năm 2026"),
				row("2", unique("Nâng cấp cổng dịch vụ công"), "Giám đốc Sở Tư pháp", "Sở Tư pháp", "", "Cổng", "Quý V/2026"),
				row("3", unique("Việc có mã độc"), "Giám đốc Sở Tư pháp", "Sở Tư pháp", "", "<script>x</script>", "Năm 2026")));
		long batch = start("loi.xlsx", file, IntakeSettings.newPlan(unique("KH lỗi"), 2026));
		int taskCount = count("SELECT count(*) FROM task");
		assertThatThrownBy(() -> commit(batch, Set.of())).isInstanceOf(DomainException.class)
			.hasMessageContaining("Chưa ghi được").hasMessageContaining("#1").hasMessageContaining("#2");
		assertThat(count("SELECT count(*) FROM task")).isEqualTo(taskCount);

		Preview p = preview(batch);
		assertThat(p.unknownNames()).extracting(Preview.UnknownName::text).containsExactly(unknown);
		long tp = testTasks.agency("STP");
		runAs.user("sokhcn", () -> intake.mapName(batch, unknown, tp));
		assertThat(agencies.resolve(unknown)).map(a -> a.getId()).contains(tp);
		Preview.Row edited = preview(batch).rows().stream().filter(r -> "2".equals(r.draft().stt())).findFirst().orElseThrow();
		runAs.user("sokhcn", () -> intake.editRow(batch, edited.index(), new IntakeService.RowEdit("2", edited.draft().title(),
				edited.draft().accountableHead(), edited.draft().leads(), null, "Cổng", "Quý IV/2026"),
				intake.batch(batch).version()));
		Preview.Row script = preview(batch).rows().stream().filter(r -> "3".equals(r.draft().stt())).findFirst().orElseThrow();
		assertThat(script.has(FindingCode.UNSAFE_TEXT)).isTrue();
		runAs.user("sokhcn", () -> intake.setDropped(batch, script.index(), true, intake.batch(batch).version()));
		assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'INTAKE' AND entity_id = ? AND action IN "
				+ "('INTAKE_ROW_EDITED', 'INTAKE_ROW_DROPPED')", batch)).isEqualTo(2);
		Preview fixed = preview(batch);
		assertThat(fixed.summary().errors()).isZero();
		assertThat(fixed.summary().dropped()).isEqualTo(1);
		IntakeService.CommitResult r = commit(batch, Set.of());
		assertThat(r.created()).hasSize(2);
		assertThat(tasks.get(r.created().get(0)).getLeadAgencyIds()).containsExactly(tp);
		assertThat(tasks.get(r.created().get(1)).getDeadlinePhrase()).isEqualTo("Quý IV/2026");
		assertThat(count("SELECT count(*) FROM task WHERE title LIKE '%Việc có mã độc%'")).isZero();
		// next time the name resolves by itself
		Preview next = runAs.user("sokhcn", () -> intake.dryRunAppendix("lai.xlsx", file, null));
		assertThat(next.unknownNames()).isEmpty();
	}

	@Test
	@DisplayName("a commit that fails half-way (a removed lead had already reported) leaves the database as it was")
	void failureHalfWayLeavesNothing() {
		String a = unique("Lập danh mục dữ liệu mở của ngành tài chính");
		String c = unique("Công bố bộ chỉ số đánh giá chuyển đổi số cấp xã");
		IntakeService.CommitResult v1 = commit(start("v1.xlsx", appendix(List.of(
				row("1", a, "Giám đốc Sở Tài chính", "Sở Tài chính", "", "Danh mục", "Năm 2026"),
				row("2", c, "Giám đốc Sở Nội vụ", "Sở Nội vụ", "", "Bộ chỉ số", "Năm 2026"))),
				IntakeSettings.newPlan(unique("KH v1"), 2026)), Set.of());
		Task taskA = tasks.get(v1.created().get(0));
		post("cb.stc", testTasks.assignmentOf(taskA, "STC"), 20);
		String d = unique("Xây dựng kho dữ liệu dùng chung của tỉnh");
		byte[] v2 = appendix(List.of(
				row("1", d, "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Kho dữ liệu", "Năm 2026"),
				row("2", a, "Giám đốc Sở Nội vụ", "Sở Nội vụ", "", "Danh mục", "Năm 2026"),
				row("3", c, "Giám đốc Sở Nội vụ", "Sở Nội vụ", "", "Bộ chỉ số", "Quý IV/2026")));
		long batch = start("v2.xlsx", v2, IntakeSettings.revise(v1.planId()));
		Preview p = preview(batch);
		assertThat(p.diff().added()).isEqualTo(1);
		assertThat(p.diff().changed()).isEqualTo(2);
		int tasksBefore = count("SELECT count(*) FROM task");
		int auditBefore = count("SELECT count(*) FROM audit_event");
		assertThatThrownBy(() -> commit(batch, Set.of())).isInstanceOf(DomainException.class)
			.hasMessageContaining("đã báo cáo tiến độ");
		assertThat(count("SELECT count(*) FROM task")).isEqualTo(tasksBefore);
		assertThat(count("SELECT count(*) FROM task WHERE title = ?", d)).isZero();
		assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(auditBefore);
		assertThat(tasks.get(v1.created().get(1)).getDeadlinePhrase()).isEqualTo("Năm 2026");
		assertThat(tasks.get(taskA.getId()).getLeadAgencyIds()).containsExactly(testTasks.agency("STC"));
		assertThat(runAs.user("sokhcn", () -> intake.batch(batch)).state()).isEqualTo("DRAFT");
	}

	@Test
	@DisplayName("a revised plan: added, changed, removed shown; unchanged tasks keep their progress untouched")
	void revisedPlan() {
		String a = unique("Triển khai chữ ký số cho cán bộ cấp xã");
		String b = unique("Xây dựng quy chế quản lý dữ liệu số của tỉnh");
		String c = unique("Tổ chức cuộc thi ý tưởng khởi nghiệp sáng tạo");
		String e = unique("Đánh giá mức độ hài lòng về dịch vụ công trực tuyến");
		IntakeService.CommitResult v1 = commit(start("v1.xlsx", appendix(List.of(
				row("1", a, "Giám đốc Sở Tài chính", "Sở Tài chính", "Sở Nội vụ", "Chữ ký số", "Quý III/2026"),
				row("2", b, "Giám đốc Sở Tư pháp", "Sở Tư pháp", "", "Quy chế", "Quý IV/2026"),
				row("3", c, "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Cuộc thi", "Năm 2026"),
				row("4", e, "Giám đốc Sở Nội vụ", "Sở Nội vụ", "", "Báo cáo", "Năm 2026"))),
				IntakeSettings.newPlan(unique("KH sửa đổi"), 2026)), Set.of());
		Map<String, Task> t = tasksOf(v1.planId()).stream().collect(Collectors.toMap(Task::getTitle, x -> x));
		Assignment aShare = testTasks.assignmentOf(t.get(a), "STC");
		post("cb.stc", aShare, 70);
		Assignment reported = tasks.assignment(aShare.getId());
		runAs.user("lanhdao", () -> progress.addDirection(t.get(e).getId(), "Khẩn trương triển khai"));

		String d = unique("Số hóa di sản văn hóa phi vật thể");
		byte[] v2 = appendix(List.of(
				row("1", a, "Giám đốc Sở Tài chính", "Sở Tài chính", "Sở Nội vụ", "Chữ ký số", "Quý III/2026"),
				row("2", b, "Giám đốc Sở Tư pháp", "Sở Tư pháp", "", "Quy chế", "Tháng 12/2026"),
				row("3", d, "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "", "Dữ liệu số",
						"Năm 2026")));
		long batch = start("v2.xlsx", v2, IntakeSettings.revise(v1.planId()));
		Preview p = preview(batch);
		assertThat(p.diff().unchanged()).isEqualTo(1);
		assertThat(p.diff().changed()).isEqualTo(1);
		assertThat(p.diff().added()).isEqualTo(1);
		assertThat(p.diff().removed()).extracting(Preview.RemovedTask::title, Preview.RemovedTask::hasProgress)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(c, false), org.assertj.core.groups.Tuple.tuple(e, true));
		Preview.Row changed = p.rows().stream().filter(r -> "CHANGED".equals(r.change())).findFirst().orElseThrow();
		assertThat(changed.changedFields()).containsExactly("thời hạn");

		IntakeService.CommitResult v2r = commit(batch, Set.of());
		assertThat(v2r.unchanged()).containsExactly(t.get(a).getId());
		assertThat(v2r.updated()).containsExactly(t.get(b).getId());
		assertThat(v2r.deleted()).containsExactly(t.get(c).getId());
		assertThat(v2r.kept()).containsExactly(t.get(e).getId());
		// the unchanged task was not touched: same version, same assignment, same progress
		assertThat(tasks.get(t.get(a).getId()).getVersion()).isEqualTo(t.get(a).getVersion());
		Assignment after = tasks.assignment(aShare.getId());
		assertThat(after.getPercent()).isEqualTo(70);
		assertThat(after.getLastProgressAt()).isEqualTo(reported.getLastProgressAt());
		assertThat(count("SELECT count(*) FROM progress_update WHERE assignment_id = ?", aShare.getId())).isEqualTo(1);
		assertThat(tasks.get(t.get(b).getId()).getDeadlinePhrase()).isEqualTo("Tháng 12/2026");
		assertThat(count("SELECT count(*) FROM task WHERE id = ?", t.get(c).getId())).isZero();
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'TASK_DELETED' AND entity_id = ?",
				t.get(c).getId())).isEqualTo(1);
		assertThat(tasks.get(t.get(e).getId()).getTitle()).isEqualTo(e);
		assertThat(tasksOf(v1.planId())).extracting(Task::getTitle).containsExactly(a, b, e, d);
	}

	@Test
	@DisplayName("a task the revised plan drops can be kept on purpose")
	void keepRemovedOnPurpose() {
		String a = unique("Nâng cấp trung tâm dữ liệu tỉnh");
		String b = unique("Thuê dịch vụ điện toán đám mây");
		IntakeService.CommitResult v1 = commit(start("v1.xlsx", appendix(List.of(
				row("1", a, "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Trung tâm", "Năm 2026"),
				row("2", b, "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Hợp đồng", "Năm 2026"))),
				IntakeSettings.newPlan(unique("KH giữ"), 2026)), Set.of());
		long batch = start("v2.xlsx", appendix(List.of(
				row("1", a, "Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Trung tâm", "Năm 2026"))),
				IntakeSettings.revise(v1.planId()));
		IntakeService.CommitResult r = commit(batch, Set.of(v1.created().get(1)));
		assertThat(r.kept()).containsExactly(v1.created().get(1));
		assertThat(r.deleted()).isEmpty();
		assertThat(tasksOf(v1.planId())).hasSize(2);
	}

	@Test
	@DisplayName("two people editing the same draft: the later save is refused, not merged")
	void concurrentEdits() throws Exception {
		long batch = start("c.docx", SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.docx"),
				IntakeSettings.newPlan(unique("KH"), 2026));
		long version = runAs.user("sokhcn", () -> intake.batch(batch)).version();
		runAs.user("sokhcn", () -> intake.setDropped(batch, 1, true, version));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.setDropped(batch, 2, true, version)))
			.isInstanceOf(ConcurrentEditException.class);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.commit(batch, version, Set.of())))
			.isInstanceOf(ConcurrentEditException.class);
		runAs.user("sokhcn", () -> intake.discard(batch));
		assertThat(runAs.user("sokhcn", () -> intake.batch(batch)).state()).isEqualTo("DISCARDED");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.setDropped(batch, 2, true, version + 2)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã bị hủy");
	}

	@Test
	@DisplayName("deleting a task: only DoST, never one an agency has reported on, and audited")
	void deleteRules() {
		Task fresh = testTasks.create(unique("Nhiệm vụ sẽ bị xóa"), "Năm 2026", "SNV");
		Task worked = testTasks.create(unique("Nhiệm vụ đã có báo cáo"), "Năm 2026", "SNV");
		post("cb.snv", testTasks.assignmentOf(worked, "SNV"), 10);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> tasks.delete(fresh.getId())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> tasks.delete(worked.getId())))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã có báo cáo tiến độ");
		assertThat(count("SELECT count(*) FROM task WHERE id = ?", worked.getId())).isEqualTo(1);
		runAs.user("sokhcn", () -> tasks.delete(fresh.getId()));
		assertThat(count("SELECT count(*) FROM task WHERE id = ?", fresh.getId())).isZero();
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'TASK_DELETED' AND entity_id = ?", fresh.getId()))
			.isEqualTo(1);
	}

	private void post(String officer, Assignment a, int percent) {
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults("Đang thực hiện");
		runAs.user(officer, () -> progress.postProgress(a.getId(), in, null));
	}
}
