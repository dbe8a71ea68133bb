package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

@IntegrationTest
class TaskLifecycleTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired TestTasks testTasks;
	@Autowired TaskService tasks;
	@Autowired TaskQueries queries;
	@Autowired ProgressService progress;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;
	@Autowired AppClock clock;
	@Autowired World world;

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	@Test
	@DisplayName("a task led by “Các sở, ban, ngành, địa phương” fans out to one assignment per department and commune")
	void collectiveFansOut() {
		Task t = testTasks.create("Quán triệt Nghị quyết 57 tại đơn vị (kiểm thử phân giao)", "Quý IV/2026", "G-SBNDP", "STC");
		List<Assignment> assignments = tasks.assignments(t.getId());
		Integer expected = jdbc.queryForObject(
				"SELECT count(*) FROM agency WHERE active AND kind IN ('DEPARTMENT', 'COMMUNE')", Integer.class);
		assertThat(assignments).hasSize(expected);
		assertThat(assignments).extracting(Assignment::getAgencyId).doesNotHaveDuplicates()
			.contains(testTasks.agency("STC"), testTasks.agency("DK-LYSON"), testTasks.agency("X-SONKY"))
			.doesNotContain(testTasks.agency("UBND"), testTasks.agency("VNPT"), testTasks.agency("G-SBNDP"));
		// Sở Tài chính is named in its own right, the communes come through the collective
		assertThat(testTasks.assignmentOf(t, "STC").getViaAgencyId()).isNull();
		assertThat(testTasks.assignmentOf(t, "X-SONKY").getViaAgencyId()).isEqualTo(testTasks.agency("G-SBNDP"));
		assertThat(assignments).allSatisfy(a -> assertThat(a.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 31)));
	}

	@Test
	@DisplayName("a task with two lead agencies is overdue while one of them is, and completed late once the last finishes late")
	void rollUpOverAssignments() {
		Task t = testTasks.create("Xây dựng quy chế phối hợp (kiểm thử tổng hợp)", "Tháng 9/2026", "STC", "SNV");
		assertThat(queries.taskStatus(t.getId(), LocalDate.of(2026, 9, 30))).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(queries.taskStatus(t.getId(), TODAY)).isEqualTo(TaskStatus.OVERDUE);

		complete(testTasks.assignmentOf(t, "STC"), "cb.stc", "gd.stc", LocalDate.of(2026, 9, 25));
		assertThat(testTasks.assignmentOf(t, "STC").statusOn(TODAY)).isEqualTo(TaskStatus.COMPLETED_ON_TIME);
		assertThat(queries.taskStatus(t.getId(), TODAY)).isEqualTo(TaskStatus.OVERDUE);

		complete(testTasks.assignmentOf(t, "SNV"), "cb.snv", "gd.snv", LocalDate.of(2026, 10, 5));
		assertThat(queries.taskStatus(t.getId(), TODAY)).isEqualTo(TaskStatus.COMPLETED_LATE);
		// completion is judged by the agency's date against the deadline, whatever day one asks
		assertThat(queries.taskStatus(t.getId(), LocalDate.of(2027, 6, 1))).isEqualTo(TaskStatus.COMPLETED_LATE);
	}

	@Test
	@DisplayName("a conditional task waits for its trigger; once DoST records the document it gets a due date and can become overdue")
	void conditionalTaskGetsItsDeadline() {
		Task t = testTasks.create("Xây dựng đề án theo hướng dẫn của Bộ (kiểm thử điều kiện)", "Sau khi có văn bản của Trung ương", "SKHCN");
		assertThat(queries.taskStatus(t.getId(), TODAY)).isEqualTo(TaskStatus.AWAITING_TRIGGER);

		runAs.user("sokhcn", () -> tasks.recordTrigger(t.getId(), "Công văn số 100/BKHCN ngày 15/11/2026",
				LocalDate.of(2026, 12, 15), null));
		Task after = tasks.get(t.getId());
		assertThat(after.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(after.getTriggerDocument()).isEqualTo("Công văn số 100/BKHCN ngày 15/11/2026");
		assertThat(queries.taskStatus(t.getId(), TODAY)).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(queries.taskStatus(t.getId(), LocalDate.of(2026, 12, 16))).isEqualTo(TaskStatus.OVERDUE);
		assertThat(testTasks.assignmentOf(t, "SKHCN").getDueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
		Integer audited = jdbc.queryForObject(
				"SELECT count(*) FROM audit_event WHERE action = 'TASK_TRIGGERED' AND task_id = ?", Integer.class, t.getId());
		assertThat(audited).isEqualTo(1);
	}

	@Test
	@DisplayName("only a conditional task takes a trigger, and only from DoST")
	void triggerRules() {
		Task dated = testTasks.create("Nhiệm vụ có hạn cụ thể (kiểm thử điều kiện)", "Quý IV/2026", "STC");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> tasks.recordTrigger(dated.getId(), "Văn bản X",
				LocalDate.of(2026, 12, 1), null))).isInstanceOf(DomainException.class);
		Task conditional = testTasks.create("Nhiệm vụ chờ Trung ương (kiểm thử quyền)", "Theo lộ trình Trung ương", "STC");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> tasks.recordTrigger(conditional.getId(), "Văn bản X",
				LocalDate.of(2026, 12, 1), null))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	@DisplayName("“Hằng năm” gives one instance per year, due 31/12; last year's unfinished instance keeps the task overdue")
	void recurringInstances() {
		Task t = testTasks.create("Báo cáo kết quả năm (kiểm thử định kỳ)", "Hằng năm", "STC");
		Assignment first = testTasks.assignmentOf(t, "STC");
		assertThat(first.getPeriodLabel()).isEqualTo("2026");
		assertThat(first.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 31));

		int created = tasks.ensureRecurringInstances(LocalDate.of(2027, 3, 1));
		assertThat(created).isGreaterThanOrEqualTo(1);
		assertThat(tasks.assignments(t.getId())).extracting(Assignment::getPeriodLabel).containsExactlyInAnyOrder("2026", "2027");
		assertThat(tasks.assignments(t.getId())).filteredOn(a -> a.getPeriodLabel().equals("2027"))
			.extracting(Assignment::getDueDate).containsExactly(LocalDate.of(2027, 12, 31));
		assertThat(queries.taskStatus(t.getId(), LocalDate.of(2027, 3, 1))).isEqualTo(TaskStatus.OVERDUE);
		// running again creates nothing more
		tasks.ensureRecurringInstances(LocalDate.of(2027, 3, 1));
		assertThat(tasks.assignments(t.getId())).hasSize(2);
	}

	@Test
	@DisplayName("an agency that has already reported cannot be silently dropped from the leads")
	void leadWithProgressIsKept() {
		Task t = testTasks.create("Nhiệm vụ đổi cơ quan chủ trì (kiểm thử)", "Quý IV/2026", "STC", "SNV");
		ProgressInput in = new ProgressInput();
		in.setPercent(20);
		in.setResults("Đã khởi động");
		runAs.user("cb.snv", () -> progress.postProgress(testTasks.assignmentOf(t, "SNV").getId(), in, null));
		TaskForm form = TaskForm.of(tasks.get(t.getId()));
		form.setLeadAgencyIds(testTasks.ids("STC"));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> tasks.save(t.getId(), form)))
			.isInstanceOf(DomainException.class).hasMessageContaining("Sở Nội vụ");
		assertThat(tasks.assignments(t.getId())).hasSize(2);
		assertThat(tasks.get(t.getId()).getLeadAgencyIds()).hasSize(2);
	}

	@Test
	@DisplayName("changing the deadline moves every open assignment's due date, and the change is audited before → after")
	void deadlineChangeIsAudited() {
		Task t = testTasks.create("Nhiệm vụ đổi thời hạn (kiểm thử)", "Quý III/2026", "STC");
		TaskForm form = TaskForm.of(tasks.get(t.getId()));
		form.setDeadlinePhrase("trước ngày 01/6/2027");
		runAs.user("sokhcn", () -> tasks.save(t.getId(), form));
		assertThat(testTasks.assignmentOf(t, "STC").getDueDate()).isEqualTo(LocalDate.of(2027, 5, 31));
		Map<String, Object> row = jdbc.queryForMap("""
				SELECT before_state->>'deadline' AS before, after_state->>'deadline' AS after, actor_name
				FROM audit_event WHERE action = 'TASK_UPDATED' AND task_id = ?""", t.getId());
		assertThat(row).containsEntry("before", "Quý III/2026").containsEntry("after", "trước ngày 01/6/2027");
		assertThat((String) row.get("actor_name")).contains("Nguyễn Văn Thường Trực");
	}

	@Test
	@DisplayName("an unreadable deadline phrase is refused with the parser's explanation")
	void unparsedDeadlineRefused() {
		assertThatThrownBy(() -> testTasks.create("Nhiệm vụ hạn sai (kiểm thử)", "31/02/2026", "STC"))
			.isInstanceOf(DomainException.class).hasMessageContaining("31/02/2026");
	}

	@Test
	@DisplayName("the task list finds “chuyển đổi số” when typed “chuyen doi so”, and its status filter agrees with each task's status")
	void listSearchAndStatusFilter() {
		Task t = testTasks.create("Thúc đẩy chuyển đổi số trong hợp tác xã (kiểm thử tìm kiếm)", "Tháng 10/2026", "SCT");
		var page = queries.search(new TaskQueries.Filter(null, null, null, null, false, null, null, "chuyen doi so hop tac xa", null),
				TODAY, 7, 0, 50);
		assertThat(page.rows()).extracting(TaskQueries.TaskRow::id).containsExactly(t.getId());
		assertThat(page.rows().get(0).status()).isEqualTo(TaskStatus.OVERDUE);
		// a task of the test's own in every status, so that each filter has something to find
		String tag = "KTLOC" + World.seq() + " ";
		Map<TaskStatus, Task> own = new java.util.EnumMap<>(TaskStatus.class);
		own.put(TaskStatus.OVERDUE, world.task(tag + "quá hạn").lead("SCT").due("Tháng 10/2026").create());
		own.put(TaskStatus.IN_PROGRESS, world.task(tag + "trong hạn").lead("SCT").due("31/12/2026").create());
		own.put(TaskStatus.COMPLETED_ON_TIME, world.task(tag + "đúng hạn").lead("STC").due("30/6/2026").create());
		world.completed(world.assignment(own.get(TaskStatus.COMPLETED_ON_TIME), "STC"), LocalDate.of(2026, 6, 20));
		own.put(TaskStatus.COMPLETED_LATE, world.task(tag + "hoàn thành muộn").lead("STC").due("30/6/2026").create());
		world.completed(world.assignment(own.get(TaskStatus.COMPLETED_LATE), "STC"), LocalDate.of(2026, 7, 10));
		own.put(TaskStatus.AWAITING_TRIGGER, world.task(tag + "chờ điều kiện").lead("SCT").due("Sau khi có văn bản của Trung ương").create());
		own.put(TaskStatus.ONGOING, world.task(tag + "thường xuyên").lead("SCT").due("Thường xuyên").create());
		own.put(TaskStatus.NO_DEADLINE, world.task(tag + "chưa có thời hạn").lead("SCT").due("").create());
		assertThat(own.keySet()).containsExactlyInAnyOrder(TaskStatus.values());
		for (TaskStatus s : TaskStatus.values()) {
			var rows = queries.search(new TaskQueries.Filter(null, null, null, s, false, null, null, null, null), TODAY, 7, 0, 500).rows();
			assertThat(rows).allSatisfy(r -> assertThat(queries.taskStatus(r.id(), TODAY)).isEqualTo(s));
			var mine = queries.search(new TaskQueries.Filter(null, null, null, s, false, null, null, tag, null), TODAY, 7, 0, 50).rows();
			assertThat(mine).as(s.name()).extracting(TaskQueries.TaskRow::id).containsExactly(own.get(s).getId());
		}
		var forAgency = queries.search(new TaskQueries.Filter(null, null, testTasks.agency("SCT"), null, false, null, null, null, null),
				TODAY, 7, 0, 500);
		assertThat(forAgency.rows()).extracting(TaskQueries.TaskRow::id).contains(t.getId());
	}

	private void complete(Assignment a, String officer, String head, LocalDate on) {
		ClaimInput c = new ClaimInput();
		c.setCompletedOn(on);
		c.setEvidence("Văn bản hoàn thành");
		long claimId = runAs.user(officer, () -> progress.claimCompletion(a.getId(), c, null));
		runAs.user(head, () -> progress.approveClaim(claimId));
		runAs.user("sokhcn", () -> progress.confirmClaim(claimId));
	}

	static Set<Long> none() {
		return Set.of();
	}
}
