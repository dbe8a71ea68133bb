package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.DomainException;

/**
 * One click cannot duplicate a plan: a file committed before, or rows that are exactly tasks already in the system,
 * ask for a choice — skip those rows, import as a new version of the plan, import everything as a plan of its own,
 * or cancel — with the count of each, and nothing is written before it.
 */
@IntegrationTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class ReimportTest {

	@Autowired org.springframework.test.web.servlet.MockMvc mvc;
	@Autowired org.springframework.context.ApplicationContext ctx;

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	static String unique(String s) {
		return s + " " + System.nanoTime();
	}

	long start(byte[] data, IntakeSettings s) {
		return runAs.user("sokhcn", () -> intake.startAppendix("ke-hoach.xlsx", data, s));
	}

	IntakeService.Batch batch(long id) {
		return runAs.user("sokhcn", () -> intake.batch(id));
	}

	int tasksOfPlanTitled(String title) {
		return jdbc.queryForObject("SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.title = ?",
				Integer.class, title);
	}

	@Test
	@DisplayName("the same file again: refused with the date, the plan and the counts; skipping writes only the new rows; a new version compares with the plan")
	void sameFileAgain() throws Exception {
		String a = unique("Rà soát quy trình tiếp nhận hồ sơ trực tuyến");
		String b = unique("Xây dựng kho dữ liệu dùng chung của tỉnh");
		byte[] file = ImportCommitTest.appendix(List.of(TestDocs.row("1", a, "Thủ trưởng cơ quan chủ trì", "Sở Tài chính", "", "Báo cáo", "Quý IV/2026"),
				TestDocs.row("2", b, "Thủ trưởng cơ quan chủ trì", "Sở Nội vụ", "", "Kho dữ liệu", "Quý IV/2026")));
		String firstPlan = unique("Kế hoạch lần một");
		long first = start(file, IntakeSettings.newPlan(firstPlan, 2026));
		assertThat(runAs.user("sokhcn", () -> intake.repeats(batch(first))).any()).isFalse();
		String clean = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/intake/" + first)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
					new vn.nq57.security.Fixtures(ctx).user("sokhcn")))).andReturn().getResponse().getContentAsString();
		assertThat(clean).as("the button says how many tasks it writes").contains("Ghi 2 nhiệm vụ vào hệ thống");
		runAs.user("sokhcn", () -> intake.commit(first, batch(first).version(), Set.of()));
		assertThat(tasksOfPlanTitled(firstPlan)).isEqualTo(2);

		String secondPlan = unique("Kế hoạch lần hai");
		long second = start(file, IntakeSettings.newPlan(secondPlan, 2026));
		RepeatedImport.Repeats r = runAs.user("sokhcn", () -> intake.repeats(batch(second)));
		assertThat(r.sameFile()).singleElement().satisfies(p -> assertThat(p.planTitle()).isEqualTo(firstPlan));
		assertThat(r.rows()).hasSize(2);
		assertThat(r.tasks()).isEqualTo(2);
		assertThat(r.fresh()).isZero();
		assertThat(r.planTitle()).isEqualTo(firstPlan);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.commit(second, batch(second).version(), Set.of())))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("tệp này đã được ghi lúc")
			.hasMessageContaining("“" + firstPlan + "”")
			.hasMessageContaining("2/2 nhiệm vụ trùng hẳn")
			.hasMessageContaining("bỏ qua các dòng trùng (ghi 0 nhiệm vụ mới)");
		assertThat(tasksOfPlanTitled(secondPlan)).as("nothing written without a choice").isZero();
		assertThat(batch(second).state()).isEqualTo("DRAFT");

		// the preview page offers the choice with its counts, and no plain "write" button
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/intake/" + second)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
					new vn.nq57.security.Fixtures(ctx).user("sokhcn")))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"repeats\"", "2/2 nhiệm vụ trùng hẳn nhiệm vụ đã có", "Bỏ qua 2 dòng trùng, ghi 0 nhiệm vụ mới",
				"Nhập thành phiên bản mới của kế hoạch “" + firstPlan + "”", "Vẫn nhập tất cả thành kế hoạch riêng (2 nhiệm vụ)")
			.doesNotContain("id=\"commit-button\"");
		// a page POST without a choice changes nothing either
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/intake/" + second + "/commit")
			.param("version", String.valueOf(batch(second).version()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
					new vn.nq57.security.Fixtures(ctx).user("sokhcn"))));
		assertThat(tasksOfPlanTitled(secondPlan)).isZero();
		assertThat(batch(second).state()).isEqualTo("DRAFT");

		// "a new version of the plan": the draft now revises the first plan, every task unchanged
		runAs.user("sokhcn", () -> intake.importAsNewVersion(second, batch(second).version()));
		Preview diff = runAs.user("sokhcn", () -> intake.preview(batch(second)));
		assertThat(diff.diff()).isNotNull();
		assertThat(diff.diff().unchanged()).isEqualTo(2);
		assertThat(runAs.user("sokhcn", () -> intake.repeats(batch(second))).any()).as("a revision repeats nothing").isFalse();
	}

	@Test
	@DisplayName("a file with one new row and one repeated row: skipping the repeated one writes exactly the new one")
	void skipTheRepeatedRows() {
		String old = unique("Số hóa hồ sơ lưu trữ lịch sử");
		String fresh = unique("Triển khai chữ ký số cho cán bộ cấp xã");
		String oldPlan = unique("Kế hoạch cũ");
		long first = start(ImportCommitTest.appendix(List.of(TestDocs.row("1", old, "Thủ trưởng cơ quan chủ trì", "Sở Nội vụ", "", "Kho số", "Quý IV/2026"))),
				IntakeSettings.newPlan(oldPlan, 2026));
		runAs.user("sokhcn", () -> intake.commit(first, batch(first).version(), Set.of()));

		String newPlan = unique("Kế hoạch mới");
		long second = start(ImportCommitTest.appendix(List.of(TestDocs.row("1", old, "Thủ trưởng cơ quan chủ trì", "Sở Nội vụ", "", "Kho số", "Quý IV/2026"),
				TestDocs.row("2", fresh, "Thủ trưởng cơ quan chủ trì", "Sở Tài chính", "", "Chữ ký số", "Quý IV/2026"))), IntakeSettings.newPlan(newPlan, 2026));
		RepeatedImport.Repeats r = runAs.user("sokhcn", () -> intake.repeats(batch(second)));
		assertThat(r.sameFile()).isEmpty();
		assertThat(r.rows()).hasSize(1);
		assertThat(r.fresh()).isEqualTo(1);
		IntakeService.CommitResult done = runAs.user("sokhcn", () -> intake.commit(second, batch(second).version(), Set.of(),
				IntakeService.RepeatChoice.SKIP_REPEATED));
		assertThat(done.created()).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT title FROM task WHERE id = ?", String.class, done.created().get(0))).isEqualTo(fresh);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'INTAKE_REPEATS_SKIPPED' AND entity_id = ?",
				Integer.class, second)).isEqualTo(1);

		// importing everything on purpose keeps both
		String thirdPlan = unique("Kế hoạch năm sau");
		long third = start(ImportCommitTest.appendix(List.of(TestDocs.row("1", old, "Thủ trưởng cơ quan chủ trì", "Sở Nội vụ", "", "Kho số", "Quý IV/2027"))),
				IntakeSettings.newPlan(thirdPlan, 2027));
		runAs.user("sokhcn", () -> intake.commit(third, batch(third).version(), Set.of(), IntakeService.RepeatChoice.IMPORT_ALL));
		assertThat(tasksOfPlanTitled(thirdPlan)).isEqualTo(1);
	}
}
