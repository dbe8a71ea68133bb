package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.security.Fixtures;
import vn.nq57.system.DomainException;

/**
 * An import's tasks written in bulk end up exactly as if DoST had created them one by one: the same columns,
 * leads, coordinators, assignments (a collective fanned out to its members, a recurring task's current
 * period) and the same audit line; and a refusal anywhere leaves nothing written.
 */
@IntegrationTest
class TaskImportTest {

	@Autowired TaskImport taskImport;
	@Autowired ApplicationContext ctx;

	Fixtures fx;
	String tag;

	@BeforeEach
	void setUp() {
		fx = new Fixtures(ctx);
		tag = Fixtures.tag();
	}

	TaskImport.TaskSpec spec(String group, String stt, String title, String deadline, List<String> leads,
			List<String> coordinators, String note) {
		return new TaskImport.TaskSpec(group, stt, title, "Giám đốc Sở Tài chính", leads.stream().map(fx::agencyId).toList(),
				coordinators.stream().map(fx::agencyId).toList(), note, "Kế hoạch", deadline);
	}

	@Test
	@DisplayName("a plan written in bulk: groups in order, tasks at the end of the plan, every table as TaskService writes it, audited alike")
	void bulkIsLikeOneByOne() {
		List<TaskImport.TaskSpec> specs = List.of(
				spec("I", "1", "Ban hành kế hoạch chuyển đổi số " + tag, "Quý III/2026", List.of("STC"), List.of("SNV", "STC"), null),
				spec("II", "1", "Triển khai chung các sở, ngành, địa phương " + tag, "Thường xuyên", List.of("G-SBNDP"), List.of(), "Các hội, hiệp hội"),
				spec("II", "2", "Báo cáo định kỳ hằng quý " + tag, "hằng quý", List.of("SNV", "STC"), List.of(), null),
				spec(null, null, "Nhiệm vụ chờ văn bản Trung ương " + tag, "Sau khi có văn bản của Trung ương", List.of("STC"), List.of(), null));
		TaskImport.Written w = fx.runAs.user("sokhcn", () -> taskImport.intoPlan(
				TaskImport.PlanSpec.newPlan(null, "Kế hoạch nhập " + tag, 2026),
				List.of(new TaskImport.GroupSpec("I", "Nhóm một"), new TaskImport.GroupSpec("II", "Nhóm hai")), specs));
		assertThat(w.taskIds()).hasSize(4);
		Plan plan = fx.tasks.plan(w.planId());
		assertThat(plan.getGroups()).extracting(TaskGroup::getCode).containsExactly("I", "II");
		assertThat(fx.lastAudit("PLAN_CREATED", "PLAN", w.planId()).get("after").toString()).contains("I. Nhóm một", "II. Nhóm hai");
		int assignments = 0;
		for (int i = 0; i < specs.size(); i++) {
			TaskImport.TaskSpec s = specs.get(i);
			Task bulk = fx.tasks.get(w.taskIds().get(i));
			// the same task created through the form, for comparison
			TaskForm f = new TaskForm();
			f.setPlanId(w.planId());
			f.setGroupId(bulk.getGroupId());
			f.setStt(s.stt());
			f.setTitle(s.title());
			f.setAccountableHead(s.accountableHead());
			f.setLeadAgencyIds(new LinkedHashSet<>(s.leadAgencyIds()));
			f.setCoordinatorAgencyIds(new LinkedHashSet<>(s.coordinatorAgencyIds()));
			f.setCoordinatorsNote(s.coordinatorsNote());
			f.setExpectedOutput(s.expectedOutput());
			f.setDeadlinePhrase(s.deadlinePhrase());
			Task single = fx.runAs.user("sokhcn", () -> fx.tasks.save(null, f));
			assertThat(bulk.getPosition()).isEqualTo(i + 1);
			assertThat(bulk).usingRecursiveComparison().ignoringFields("id", "position", "version", "updatedAt")
				.isEqualTo(single);
			assertThat(bulk.getGroupId()).isEqualTo(s.groupCode() == null ? null : w.groupIds().get(s.groupCode()));
			List<Assignment> a = fx.tasks.assignments(bulk.getId());
			List<Assignment> b = fx.tasks.assignments(single.getId());
			assertThat(a).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "taskId", "version").isEqualTo(b);
			assignments += a.size();
			Map<String, Object> audited = fx.lastAudit("TASK_CREATED", "TASK", bulk.getId());
			Map<String, Object> byHand = fx.lastAudit("TASK_CREATED", "TASK", single.getId());
			assertThat(audited.get("summary")).isEqualTo(byHand.get("summary"));
			assertThat(audited.get("task_id")).isEqualTo(bulk.getId());
			assertThat(audited.get("actor_name")).isEqualTo(byHand.get("actor_name"));
			assertThat(audited.get("after").toString()).isEqualTo(byHand.get("after").toString());
			// the roll-up the triggers keep is the same too
			assertThat(fx.count("SELECT assignment_count * 1000 + open_count FROM task WHERE id = ?", bulk.getId()))
				.isEqualTo(fx.count("SELECT assignment_count * 1000 + open_count FROM task WHERE id = ?", single.getId()));
		}
		assertThat(w.assignments()).isEqualTo(assignments);
		assertThat(fx.tasks.assignments(w.taskIds().get(1)).size()).isGreaterThan(10);
	}

	@Test
	@DisplayName("a refusal on the last task leaves no plan, group, task or assignment behind")
	void allOrNothing() {
		int plans = (int) fx.count("SELECT count(*) FROM plan");
		int tasks = (int) fx.count("SELECT count(*) FROM task");
		int assignments = (int) fx.count("SELECT count(*) FROM assignment");
		List<TaskImport.TaskSpec> specs = List.of(
				spec("I", "1", "Nhiệm vụ đúng " + tag, "Quý III/2026", List.of("G-SBNDP"), List.of(), null),
				spec("I", "2", "Nhiệm vụ có thời hạn không đọc được " + tag, "Quý V/2026", List.of("STC"), List.of(), null));
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> taskImport.intoPlan(
				TaskImport.PlanSpec.newPlan(null, "Kế hoạch hỏng " + tag, 2026), List.of(new TaskImport.GroupSpec("I", "Nhóm")),
				specs))).isInstanceOf(DomainException.class);
		assertThat(fx.count("SELECT count(*) FROM plan")).isEqualTo(plans);
		assertThat(fx.count("SELECT count(*) FROM task")).isEqualTo(tasks);
		assertThat(fx.count("SELECT count(*) FROM assignment")).isEqualTo(assignments);
		// and only DoST imports
		assertThatThrownBy(() -> fx.runAs.user("cb.stc", () -> taskImport.intoPlan(
				TaskImport.PlanSpec.newPlan(null, "Kế hoạch " + tag, 2026), List.of(), specs.subList(0, 1))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(fx.count("SELECT count(*) FROM plan")).isEqualTo(plans);
	}

	@Test
	@DisplayName("tasks of a notice belong to no plan and cite the notice; a revised plan's new tasks go after its last")
	void noticeAndExistingPlan() {
		Directive d = fx.runAs.user("sokhcn", () -> fx.tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE,
				"TB-" + tag, null, "UBND tỉnh", "Thông báo kết luận " + tag, null));
		TaskImport.Written n = fx.runAs.user("sokhcn", () -> taskImport.underDirective(d.getId(),
				List.of(spec(null, null, "Hoàn thành trong ngày 10/4/2026 " + tag, "10/4/2026", List.of("STC"), List.of(), null))));
		Task t = fx.tasks.get(n.taskIds().get(0));
		assertThat(t.getPlanId()).isNull();
		assertThat(t.getDirectiveId()).isEqualTo(d.getId());
		assertThat(t.getPosition()).isZero();

		TaskImport.Written first = fx.runAs.user("sokhcn", () -> taskImport.intoPlan(
				TaskImport.PlanSpec.newPlan(d.getId(), "Kế hoạch " + tag, 2026), List.of(new TaskImport.GroupSpec("I", "Nhóm một")),
				List.of(spec("I", "1", "Một " + tag, "Năm 2026", List.of("STC"), List.of(), null))));
		TaskImport.Written again = fx.runAs.user("sokhcn", () -> taskImport.intoPlan(
				TaskImport.PlanSpec.existing(first.planId()),
				List.of(new TaskImport.GroupSpec("I", "Nhóm một (sửa)"), new TaskImport.GroupSpec("II", "Nhóm hai")),
				List.of(spec("II", "1", "Hai " + tag, "Năm 2026", List.of("STC"), List.of(), null))));
		assertThat(again.directiveId()).isEqualTo(d.getId());
		assertThat(again.groupIds().get("I")).isEqualTo(first.groupIds().get("I"));
		assertThat(fx.tasks.plan(first.planId()).getGroups()).extracting(g -> g.getCode() + ". " + g.getTitle())
			.containsExactly("I. Nhóm một (sửa)", "II. Nhóm hai");
		assertThat(fx.tasks.get(again.taskIds().get(0)).getPosition()).isEqualTo(2);
		assertThat(fx.lastAudit("PLAN_UPDATED", "PLAN", first.planId()).get("after").toString()).contains("II. Nhóm hai");
	}
}
