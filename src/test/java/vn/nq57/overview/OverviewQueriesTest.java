package vn.nq57.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.IntegrationTest;
import vn.nq57.overview.OverviewQueries.AgencyRow;
import vn.nq57.overview.OverviewQueries.GroupRow;
import vn.nq57.overview.OverviewQueries.OverdueRow;
import vn.nq57.kernel.Page;
import vn.nq57.overview.OverviewQueries.Summary;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;

/**
 * The overview's figures on known data: a plan of its own (so other tests' data do not count),
 * five one-agency tasks and one shared by two agencies, checked on fixed days. Each test runs in a
 * transaction that is rolled back, leaving the shared test database as it was.
 *
 * <pre>
 * task  group  agency  due         completed    on 22/11/2026
 * T1    G1     A1      30/06/2026  20/06/2026   completed on time
 * T2    G1     A1      30/06/2026  10/07/2026   completed late
 * T3    G2     A2      31/03/2026  31/03/2026   completed on time (on the day itself)
 * T4    G2     A2      30/09/2026  –            overdue, 53 days
 * T5    –      A1      25/11/2026  –            in progress, due soon
 * </pre>
 */
@IntegrationTest
@Transactional
class OverviewQueriesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired
	OverviewQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	long plan;
	long g1;
	long g2;
	long a1;
	long a2;
	long t4;

	@BeforeEach
	void data() {
		plan = id("INSERT INTO plan(title, year) VALUES ('Kế hoạch kiểm thử tổng quan', 2026) RETURNING id");
		g1 = id("INSERT INTO task_group(plan_id, code, title, position) VALUES (" + plan + ", 'I', 'Nhóm một', 1) RETURNING id");
		g2 = id("INSERT INTO task_group(plan_id, code, title, position) VALUES (" + plan + ", 'II', 'Nhóm hai', 2) RETURNING id");
		a1 = id("INSERT INTO agency(code, name, kind) VALUES ('OVT-A1', 'Đơn vị kiểm thử A', 'DEPARTMENT') RETURNING id");
		a2 = id("INSERT INTO agency(code, name, kind) VALUES ('OVT-A2', 'Đơn vị kiểm thử B', 'COMMUNE') RETURNING id");
		task(g1, "T1", d(2026, 6, 30), a1, d(2026, 6, 20));
		task(g1, "T2", d(2026, 6, 30), a1, d(2026, 7, 10));
		task(g2, "T3", d(2026, 3, 31), a2, d(2026, 3, 31));
		t4 = task(g2, "T4", d(2026, 9, 30), a2, null);
		task(null, "T5", d(2026, 11, 25), a1, null);
	}

	@Test
	void threeRatesOnTheTestDay() {
		StatusCounts t = queries.summary(plan, TODAY, TODAY, 7).totals();
		assertThat(t.get(TaskStatus.COMPLETED_ON_TIME)).isEqualTo(2);
		assertThat(t.get(TaskStatus.COMPLETED_LATE)).isEqualTo(1);
		assertThat(t.get(TaskStatus.OVERDUE)).isEqualTo(1);
		assertThat(t.get(TaskStatus.IN_PROGRESS)).isEqualTo(1);
		assertThat(t.total()).isEqualTo(5);
		assertThat(t.completionRateOverDue()).isEqualByComparingTo("75.00");
		assertThat(t.completionRateOverAll()).isEqualByComparingTo("60.00");
		assertThat(t.overdueRate()).isEqualByComparingTo("20.00");
	}

	@Test
	void countsByGroupWithARowForTasksOutsideTheGroups() {
		Summary s = queries.summary(plan, TODAY, TODAY, 7);
		List<GroupRow> rows = s.groups();
		assertThat(rows).extracting(GroupRow::groupId).containsExactly(g1, g2, null);
		assertThat(rows.get(0).counts()).containsEntry(TaskStatus.COMPLETED_ON_TIME, 1L)
			.containsEntry(TaskStatus.COMPLETED_LATE, 1L).containsEntry(TaskStatus.OVERDUE, 0L);
		assertThat(rows.get(1).counts()).containsEntry(TaskStatus.COMPLETED_ON_TIME, 1L)
			.containsEntry(TaskStatus.OVERDUE, 1L);
		assertThat(rows.get(2).title()).isEqualTo("Không thuộc nhóm");
		assertThat(rows.get(2).counts()).containsEntry(TaskStatus.IN_PROGRESS, 1L);
		assertThat(rows.get(2).total()).isEqualTo(1);
		assertThat(rows.get(2).dueSoon()).isEqualTo(1);
		assertThat(s.dueSoon()).isEqualTo(1);
		// every status has a cell, empty ones at zero
		assertThat(rows.get(0).counts()).hasSize(TaskStatus.values().length);
	}

	@Test
	void agenciesWorstFirst() {
		Page<AgencyRow> page = queries.agencies(plan, TODAY, TODAY, 7, 0, 20);
		assertThat(page.total()).isEqualTo(2);
		AgencyRow first = page.rows().get(0);
		AgencyRow second = page.rows().get(1);
		assertThat(first.agencyId()).isEqualTo(a2);
		assertThat(first).extracting(AgencyRow::total, AgencyRow::completedOnTime, AgencyRow::completedLate,
				AgencyRow::inProgress, AgencyRow::overdue, AgencyRow::dueSoon, AgencyRow::other)
			.containsExactly(2L, 1L, 0L, 0L, 1L, 0L, 0L);
		assertThat(first.overdueRate()).isEqualByComparingTo("50.00");
		assertThat(second.agencyId()).isEqualTo(a1);
		assertThat(second).extracting(AgencyRow::total, AgencyRow::completedOnTime, AgencyRow::completedLate,
				AgencyRow::inProgress, AgencyRow::overdue, AgencyRow::dueSoon, AgencyRow::other)
			.containsExactly(3L, 1L, 1L, 1L, 0L, 1L, 0L);
		// paging: one agency a page
		Page<AgencyRow> p2 = queries.agencies(plan, TODAY, TODAY, 7, 1, 1);
		assertThat(p2.rows()).extracting(AgencyRow::agencyId).containsExactly(a1);
		assertThat(p2.total()).isEqualTo(2);
		assertThat(p2.pages()).isEqualTo(2);
		assertThat(queries.agencies(plan, TODAY, TODAY, 7, 5, 1).total()).isEqualTo(2);
	}

	@Test
	void overdueListMostDaysLateFirst() {
		long t6 = task(null, "T6", d(2026, 1, 31), a1, null);
		Page<OverdueRow> page = queries.overdue(plan, TODAY, TODAY, 0, 20);
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.rows()).extracting(OverdueRow::taskId).containsExactly(t6, t4);
		OverdueRow r = page.rows().get(1);
		assertThat(r.agencyId()).isEqualTo(a2);
		assertThat(r.agencyName()).isEqualTo("Đơn vị kiểm thử B");
		assertThat(r.dueDate()).isEqualTo(d(2026, 9, 30).toLocalDate());
		assertThat(r.daysLate()).isEqualTo(53);
		assertThat(page.rows().get(0).daysLate()).isEqualTo(295);
	}

	@Test
	void aTaskSharedByTwoAgenciesIsOverdueAsSoonAsOneIs() {
		long shared = task(g1, "T7", d(2026, 10, 31), a1, d(2026, 10, 30));
		assignment(shared, a2, d(2026, 10, 31), null);
		StatusCounts t = queries.summary(plan, TODAY, TODAY, 7).totals();
		assertThat(t.get(TaskStatus.OVERDUE)).isEqualTo(2);
		assertThat(t.total()).isEqualTo(6);
		// at assignment level each agency keeps its own status
		Page<AgencyRow> page = queries.agencies(plan, TODAY, TODAY, 7, 0, 20);
		assertThat(page.rows().get(0).agencyId()).isEqualTo(a2);
		assertThat(page.rows().get(0).overdue()).isEqualTo(2);
		assertThat(page.rows().get(1).completedOnTime()).isEqualTo(2);
	}

	@Test
	void statusOnAnEarlierDayIgnoresCompletionsDatedLater() {
		// 01/07/2026: T2 (completed 10/07) is still open and overdue; T4, T5 in progress
		StatusCounts july = queries.summary(plan, d(2026, 7, 1).toLocalDate(), TODAY, 7).totals();
		assertThat(july.get(TaskStatus.COMPLETED_ON_TIME)).isEqualTo(2);
		assertThat(july.get(TaskStatus.COMPLETED_LATE)).isZero();
		assertThat(july.get(TaskStatus.OVERDUE)).isEqualTo(1);
		assertThat(july.get(TaskStatus.IN_PROGRESS)).isEqualTo(2);
		assertThat(july.completionRateOverDue()).isEqualByComparingTo("66.66");
		assertThat(july.completionRateOverAll()).isEqualByComparingTo("40.00");
		assertThat(july.overdueRate()).isEqualByComparingTo("20.00");
		// 30/06/2026, the due day itself: T2 is not overdue yet
		StatusCounts june = queries.summary(plan, d(2026, 6, 30).toLocalDate(), TODAY, 7).totals();
		assertThat(june.get(TaskStatus.OVERDUE)).isZero();
		assertThat(june.completionRateOverDue()).isEqualByComparingTo("100.00");
		assertThat(june.overdueRate()).isEqualByComparingTo("0.00");
		// 01/01/2026: nothing due, nothing done; no rate over due tasks rather than 0% or 100%
		StatusCounts january = queries.summary(plan, d(2026, 1, 1).toLocalDate(), TODAY, 7).totals();
		assertThat(january.get(TaskStatus.IN_PROGRESS)).isEqualTo(5);
		assertThat(january.completionRateOverDue()).isNull();
		assertThat(january.completionRateOverAll()).isEqualByComparingTo(BigDecimal.ZERO);
		// the same day at assignment level and in the overdue list
		Page<AgencyRow> agencies = queries.agencies(plan, d(2026, 7, 1).toLocalDate(), TODAY, 7, 0, 20);
		assertThat(agencies.rows().get(0).agencyId()).isEqualTo(a1);
		assertThat(agencies.rows().get(0).overdue()).isEqualTo(1);
		assertThat(agencies.rows().get(0).completedLate()).isZero();
		Page<OverdueRow> overdue = queries.overdue(plan, d(2026, 7, 1).toLocalDate(), TODAY, 0, 20);
		assertThat(overdue.rows()).singleElement().satisfies(r -> assertThat(r.daysLate()).isEqualTo(1));
	}

	@Test
	void aLaterDayReadsTheRollUp() {
		// 26/11/2026: T5 (due 25/11) has become overdue
		StatusCounts t = queries.summary(plan, d(2026, 11, 26).toLocalDate(), TODAY, 7).totals();
		assertThat(t.get(TaskStatus.OVERDUE)).isEqualTo(2);
		assertThat(t.completionRateOverDue()).isEqualByComparingTo("60.00");
		assertThat(t.overdueRate()).isEqualByComparingTo("40.00");
	}

	@Test
	void recomputedRollUpAgreesWithTheStoredOneOnTheCurrentDay() {
		// across all data (other tests' included): the path for earlier days, asked about today, must give the
		// same figures as the triggers' roll-up, since no completion is dated after today
		Summary stored = queries.summary(null, TODAY, TODAY, 7);
		Summary recomputed = queries.summary(null, TODAY, TODAY.plusDays(1), 7);
		assertThat(recomputed.totals().asMap()).isEqualTo(stored.totals().asMap());
		assertThat(recomputed.groups()).isEqualTo(stored.groups());
		assertThat(recomputed.dueSoon()).isEqualTo(stored.dueSoon());
		assertThat(queries.agencies(null, TODAY, TODAY.plusDays(1), 7, 0, 50))
			.isEqualTo(queries.agencies(null, TODAY, TODAY, 7, 0, 50));
		assertThat(queries.overdue(null, TODAY, TODAY.plusDays(1), 0, 50))
			.isEqualTo(queries.overdue(null, TODAY, TODAY, 0, 50));
	}

	@Test
	void theOverdueListIsAsLongAsTheAgenciesOverdueCountsAddUpTo() {
		// the service takes the list's length from the agencies' pass instead of counting again
		for (Long p : new Long[] { plan, null }) {
			for (LocalDate day : new LocalDate[] { TODAY, d(2026, 7, 1).toLocalDate(), d(2026, 12, 1).toLocalDate() }) {
				OverviewQueries.AgencyPage agencies = queries.agencyPage(p, day, TODAY, 7, 0, 1);
				assertThat(agencies.overdueAssignments()).as("plan %s, %s", p, day)
					.isEqualTo(queries.overdue(p, day, TODAY, 0, 1).total());
			}
		}
		assertThat(queries.agencyPage(plan, TODAY, TODAY, 7, 99, 20).overdueAssignments()).isNull();
	}

	@Test
	void ongoingConditionalAndUndatedTasksAreCountedApart() {
		long ongoing = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind) VALUES ("
				+ plan + ", " + g1 + ", 'T8', 'Thường xuyên', 'ONGOING') RETURNING id");
		assignment(ongoing, a1, null, null, "ONGOING");
		long conditional = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind) VALUES ("
				+ plan + ", " + g1 + ", 'T9', 'Sau khi có văn bản của Trung ương', 'CONDITIONAL') RETURNING id");
		assignment(conditional, a1, null, null, "CONDITIONAL");
		// a task nobody has been assigned yet, without a deadline
		id("INSERT INTO task(plan_id, group_id, title, deadline_kind) VALUES (" + plan + ", " + g1
				+ ", 'T10', 'NONE') RETURNING id");
		StatusCounts t = queries.summary(plan, TODAY, TODAY, 7).totals();
		assertThat(t.get(TaskStatus.ONGOING)).isEqualTo(1);
		assertThat(t.get(TaskStatus.AWAITING_TRIGGER)).isEqualTo(1);
		assertThat(t.get(TaskStatus.NO_DEADLINE)).isEqualTo(1);
		assertThat(t.total()).isEqualTo(8);
		// completed ÷ (completed + overdue) is unchanged: only due tasks count there
		assertThat(t.completionRateOverDue()).isEqualByComparingTo("75.00");
		assertThat(t.completionRateOverAll()).isEqualByComparingTo("37.50");
		AgencyRow a = queries.agencies(plan, TODAY, TODAY, 7, 0, 20).rows().stream()
			.filter(r -> r.agencyId() == a1).findFirst().orElseThrow();
		assertThat(a.other()).isEqualTo(2);
		assertThat(a.total()).isEqualTo(5);
		// the same on an earlier day, recomputed from the assignments
		StatusCounts before = queries.summary(plan, d(2026, 8, 1).toLocalDate(), TODAY, 7).totals();
		assertThat(before.get(TaskStatus.ONGOING)).isEqualTo(1);
		assertThat(before.get(TaskStatus.AWAITING_TRIGGER)).isEqualTo(1);
		assertThat(before.get(TaskStatus.NO_DEADLINE)).isEqualTo(1);
	}

	@Test
	void agencyRollUpFollowsEveryChangeToTheAssignments() {
		// a completion confirmed, a deadline moved, progress posted, a task deleted with its assignment
		jdbc.update("UPDATE assignment SET completed_on = DATE '2026-11-20', state = 'COMPLETED' WHERE task_id = ?", t4);
		long moved = task(g2, "T11", d(2026, 12, 31), a2, null);
		jdbc.update("UPDATE assignment SET due_date = DATE '2026-10-15' WHERE task_id = ?", moved);
		jdbc.update("UPDATE assignment SET percent = 40 WHERE agency_id = ?", a1);
		long gone = task(null, "T12", d(2026, 5, 1), a1, d(2026, 5, 2));
		jdbc.update("DELETE FROM task WHERE id = ?", gone);
		jdbc.update("UPDATE assignment SET agency_id = ? WHERE task_id = ?", a1, moved);
		Integer drift = jdbc.queryForObject("""
				SELECT count(*) FROM (
				  (SELECT agency_id, total, on_time, late, open_dated FROM overview_agency_rollup WHERE total > 0
				   EXCEPT
				   SELECT agency_id, count(*), count(*) FILTER (WHERE completed_on IS NOT NULL AND (due_date IS NULL OR completed_on <= due_date)),
				          count(*) FILTER (WHERE completed_on > due_date), count(*) FILTER (WHERE completed_on IS NULL AND due_date IS NOT NULL)
				   FROM assignment GROUP BY agency_id)
				  UNION ALL
				  (SELECT agency_id, count(*), count(*) FILTER (WHERE completed_on IS NOT NULL AND (due_date IS NULL OR completed_on <= due_date)),
				          count(*) FILTER (WHERE completed_on > due_date), count(*) FILTER (WHERE completed_on IS NULL AND due_date IS NOT NULL)
				   FROM assignment GROUP BY agency_id
				   EXCEPT
				   SELECT agency_id, total, on_time, late, open_dated FROM overview_agency_rollup WHERE total > 0)) x""",
				Integer.class);
		assertThat(drift).isZero();
		// and the overview over all agencies (from the roll-up) says what the counting from assignments says
		AgencyRow fromRollUp = queries.agencies(null, TODAY, TODAY, 7, 0, 10000).rows().stream()
			.filter(r -> r.agencyId() == a1).findFirst().orElseThrow();
		AgencyRow counted = queries.agencies(plan, TODAY, TODAY, 7, 0, 20).rows().stream()
			.filter(r -> r.agencyId() == a1).findFirst().orElseThrow();
		assertThat(fromRollUp).isEqualTo(counted);
		assertThat(counted).extracting(AgencyRow::total, AgencyRow::completedOnTime, AgencyRow::completedLate,
				AgencyRow::inProgress, AgencyRow::overdue, AgencyRow::dueSoon)
			.containsExactly(4L, 1L, 1L, 1L, 1L, 1L);
	}

	@Test
	void groupsOfSeveralPlansAreAddedUpByCode() {
		// a second plan with groups I and II too: over all plans, one row per code
		long other = id("INSERT INTO plan(title, year) VALUES ('Kế hoạch kiểm thử thứ hai', 2026) RETURNING id");
		long o1 = id("INSERT INTO task_group(plan_id, code, title, position) VALUES (" + other + ", 'I', 'Nhóm một (khác)', 1) RETURNING id");
		long o2 = id("INSERT INTO task_group(plan_id, code, title, position) VALUES (" + other + ", 'II', 'Nhóm hai (khác)', 2) RETURNING id");
		long s1 = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind, due_date) VALUES (?, ?, 'S1', '31/12/2026', 'DATE', ?) RETURNING id",
				other, o1, d(2026, 12, 31));
		assignment(s1, a2, d(2026, 12, 31), null);
		long s2 = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind, due_date) VALUES (?, ?, 'S2', '31/8/2026', 'DATE', ?) RETURNING id",
				other, o2, d(2026, 8, 31));
		assignment(s2, a1, d(2026, 8, 31), d(2026, 9, 5));
		Summary all = queries.summary(null, TODAY, TODAY, 7);
		List<GroupRow> rows = all.groups();
		assertThat(rows).extracting(GroupRow::code).doesNotHaveDuplicates();
		GroupRow first = rows.get(0);
		assertThat(first.code()).isEqualTo("I");
		assertThat(first.merged()).isTrue();
		assertThat(first.groupId()).isNull();
		assertThat(first.count(TaskStatus.COMPLETED_LATE)).isGreaterThanOrEqualTo(1);
		assertThat(rows.get(1).code()).isEqualTo("II");
		// nothing lost in the adding up
		long sum = rows.stream().mapToLong(GroupRow::total).sum();
		assertThat(sum).isEqualTo(all.totals().total());
		for (TaskStatus s : TaskStatus.values()) {
			assertThat(rows.stream().mapToLong(g -> g.count(s)).sum()).isEqualTo(all.totals().get(s));
		}
	}

	@Autowired
	vn.nq57.task.TaskQueries taskQueries;

	@Test
	@org.junit.jupiter.api.DisplayName("a task given to three agencies, two of them late, is one row 2/3 with the late ones worst first and the reason each gave")
	void overdueTasksOneRowPerTaskWithReasons() {
		long a3 = id("INSERT INTO agency(code, name, kind) VALUES ('OVT-A3', 'Đơn vị kiểm thử C', 'COMMUNE') RETURNING id");
		long shared = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind, due_date) VALUES (?, ?, 'Nhiệm vụ chung ba đơn vị', 'Quý III/2026', 'DATE', ?) RETURNING id",
				plan, g1, d(2026, 9, 30));
		assignment(shared, a1, d(2026, 9, 30), null);
		assignment(shared, a2, d(2026, 8, 31), null);
		assignment(shared, a3, d(2026, 9, 30), d(2026, 9, 1));
		long author = id("SELECT min(id) FROM app_user");
		long a2Assignment = id("SELECT id FROM assignment WHERE task_id = ? AND agency_id = ?", shared, a2);
		jdbc.update("""
				INSERT INTO progress_update(assignment_id, reported_on, percent, results, obstacles, proposals, author_id, created_at)
				VALUES (?, ?, 40, 'Đã khảo sát', NULL, NULL, ?, '2026-10-01 09:00+07'),
				       (?, ?, 50, 'Đã lập dự toán', 'Chưa được bố trí kinh phí', 'Đề nghị Sở Tài chính bố trí vốn', ?, '2026-11-12 09:00+07')""",
				a2Assignment, d(2026, 10, 1), author, a2Assignment, d(2026, 11, 12), author);

		Page<OverviewQueries.OverdueTask> page = queries.overdueTasks(plan, TODAY, TODAY, 0, 20);
		OverviewQueries.OverdueTask row = page.rows().stream().filter(r -> r.taskId() == shared).findFirst().orElseThrow();
		assertThat(row.overdueAgencies()).isEqualTo(2);
		assertThat(row.assignedAgencies()).isEqualTo(3);
		assertThat(row.single()).isFalse();
		assertThat(row.oldestDue()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(row.maxDaysLate()).isEqualTo(83);
		assertThat(row.agencies()).extracting(OverviewQueries.OverdueAgency::agencyId).containsExactly(a2, a1);
		OverviewQueries.Reason said = row.agencies().get(0).reason();
		assertThat(said.obstacles()).isEqualTo("Chưa được bố trí kinh phí");
		assertThat(said.proposals()).isEqualTo("Đề nghị Sở Tài chính bố trí vốn");
		assertThat(said.daysSince()).isEqualTo(10);
		assertThat(said.text()).isEqualTo("Khó khăn, vướng mắc: Chưa được bố trí kinh phí · Đề xuất: Đề nghị Sở Tài chính bố trí vốn");
		assertThat(row.agencies().get(1).reason().never()).isTrue();
		// T4 (one agency) is a row of its own; the list has one row per task, not per agency
		assertThat(page.rows()).extracting(OverviewQueries.OverdueTask::taskId).containsExactlyInAnyOrder(shared, t4);
		assertThat(page.total()).isEqualTo(2);

		// as of 05/11/2026 the note of 12/11 did not exist yet: the reason is the note of 01/10
		OverviewQueries.Reason before = queries.reasons(List.of(a2), LocalDate.of(2026, 11, 5)).get(a2);
		assertThat(before.results()).isEqualTo("Đã khảo sát");
		assertThat(before.obstacles()).isNull();
		assertThat(before.daysSince()).isEqualTo(35);
		assertThat(queries.reasons(List.of(a1), TODAY).get(a1).never()).isTrue();
	}

	@Test
	@org.junit.jupiter.api.DisplayName("every row of the group table leads to its tasks, the row of tasks outside any group too")
	void everyGroupRowIsALink() {
		Summary s = queries.summary(plan, TODAY, TODAY, 7);
		GroupRow none = s.groups().stream().filter(g -> g.code() == null).findFirst().orElseThrow();
		assertThat(none.listQuery()).isEqualTo("group=0&plan=" + plan);
		var filter = new vn.nq57.task.TaskQueries.Filter(plan, vn.nq57.task.TaskQueries.Filter.NO_GROUP, null, null,
				false, null, null, null, null);
		assertThat(taskQueries.search(filter, TODAY, 7, 0, 20).rows()).extracting(vn.nq57.task.TaskQueries.TaskRow::title)
			.containsExactly("T5");
		GroupRow first = s.groups().stream().filter(g -> "I".equals(g.code())).findFirst().orElseThrow();
		assertThat(first.listQuery()).isEqualTo("group=" + g1);
		GroupRow merged = new GroupRow(null, null, "II", "Nhóm hai", null, 2, java.util.Map.of(), 0);
		assertThat(merged.listQuery()).isEqualTo("groupCode=II");
		var byCode = vn.nq57.task.TaskQueries.Filter.none().withGroupCode("II");
		assertThat(taskQueries.search(byCode, TODAY, 7, 0, 100).rows()).extracting(vn.nq57.task.TaskQueries.TaskRow::title)
			.contains("T3", "T4").doesNotContain("T1", "T5");
	}

	private long task(Long group, String title, Date due, long agency, Date completed) {
		long id = id("INSERT INTO task(plan_id, group_id, title, deadline_phrase, deadline_kind, due_date) VALUES (?, ?, ?, ?, 'DATE', ?) RETURNING id",
				plan, group, title, due.toString(), due);
		assignment(id, agency, due, completed);
		return id;
	}

	private void assignment(long task, long agency, Date due, Date completed) {
		assignment(task, agency, due, completed, "DATE");
	}

	private void assignment(long task, long agency, Date due, Date completed, String kind) {
		jdbc.update("INSERT INTO assignment(task_id, agency_id, deadline_kind, due_date, completed_on, state, percent) VALUES (?, ?, ?, ?, ?, ?, ?)",
				task, agency, kind, due, completed, completed == null ? "OPEN" : "COMPLETED", completed == null ? 0 : 100);
	}

	private long id(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private static Date d(int y, int m, int day) {
		return Date.valueOf(LocalDate.of(y, m, day));
	}
}
