package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

@IntegrationTest
class CompletionWorkflowTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired TestTasks testTasks;
	@Autowired TaskService tasks;
	@Autowired ProgressService progress;
	@Autowired RunAs runAs;
	@Autowired AuditLog audit;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("officer claims, the agency head approves, DoST confirms: completed on the agency's date, not the confirmation's")
	void claimApproveConfirm() {
		Task t = testTasks.create("Ban hành kế hoạch chuyển đổi số ngành tài chính (kiểm thử quy trình)", "Quý III/2026", "STC");
		Assignment a = testTasks.assignmentOf(t, "STC");
		long claimId = runAs.user("cb.stc", () -> progress.claimCompletion(a.getId(), claim(LocalDate.of(2026, 9, 20)), null));
		assertThat(tasks.assignment(a.getId()).getState()).isEqualTo(AssignmentState.CLAIMED);
		// a claim is not a completion: still overdue until DoST confirms
		assertThat(tasks.assignment(a.getId()).statusOn(TODAY)).isEqualTo(TaskStatus.OVERDUE);

		assertThatThrownBy(() -> runAs.user("sokhcn", () -> progress.confirmClaim(claimId)))
			.isInstanceOf(DomainException.class).hasMessageContaining("thủ trưởng");
		assertThatThrownBy(() -> runAs.user("gd.bql", () -> progress.approveClaim(claimId)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.approveClaim(claimId)))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("gd.stc", () -> progress.approveClaim(claimId));
		assertThat(tasks.assignment(a.getId()).getState()).isEqualTo(AssignmentState.HEAD_APPROVED);

		assertThatThrownBy(() -> runAs.user("gd.stc", () -> progress.confirmClaim(claimId)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> progress.confirmClaim(claimId)))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> progress.confirmClaim(claimId));
		Assignment done = tasks.assignment(a.getId());
		assertThat(done.getState()).isEqualTo(AssignmentState.COMPLETED);
		assertThat(done.getCompletedOn()).isEqualTo(LocalDate.of(2026, 9, 20));
		assertThat(done.getPercent()).isEqualTo(100);
		assertThat(done.statusOn(TODAY)).isEqualTo(TaskStatus.COMPLETED_ON_TIME);
		assertThat(progress.claim(claimId).state()).isEqualTo(ClaimState.CONFIRMED);

		// nothing more can be posted on a confirmed assignment
		ProgressInput more = new ProgressInput();
		more.setPercent(100);
		more.setResults("Bổ sung");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.postProgress(a.getId(), more, null)))
			.isInstanceOf(DomainException.class);
		Integer steps = jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE entity_type = 'ASSIGNMENT' AND entity_id = ?
				AND action IN ('COMPLETION_CLAIMED', 'COMPLETION_APPROVED', 'COMPLETION_CONFIRMED')""", Integer.class, a.getId());
		assertThat(steps).isEqualTo(3);
	}

	@Test
	@DisplayName("DoST returns a claim with a reason; the agency sees it and can claim again")
	void returnWithReason() {
		Task t = testTasks.create("Số hóa hồ sơ thủ tục hành chính (kiểm thử trả lại)", "Quý III/2026", "BQLKKT");
		Assignment a = testTasks.assignmentOf(t, "BQLKKT");
		long claimId = runAs.user("gd.bql", () -> progress.claimCompletion(a.getId(), claim(LocalDate.of(2026, 10, 1)), null));
		// the head's own claim is already approved
		assertThat(progress.claim(claimId).state()).isEqualTo(ClaimState.HEAD_APPROVED);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> progress.returnClaim(claimId, "  ")))
			.isInstanceOf(DomainException.class).hasMessageContaining("lý do");
		runAs.user("sokhcn", () -> progress.returnClaim(claimId, "Chưa có văn bản minh chứng"));
		assertThat(progress.claim(claimId).state()).isEqualTo(ClaimState.RETURNED);
		assertThat(progress.claim(claimId).returnReason()).isEqualTo("Chưa có văn bản minh chứng");
		assertThat(tasks.assignment(a.getId()).getState()).isEqualTo(AssignmentState.OPEN);
		assertThat(tasks.assignment(a.getId()).getCompletedOn()).isNull();
		long again = runAs.user("cb.bql", () -> progress.claimCompletion(a.getId(), claim(LocalDate.of(2026, 10, 1)), null));
		assertThat(progress.claim(again).state()).isEqualTo(ClaimState.CLAIMED);
	}

	@Test
	@DisplayName("an officer cannot report on another agency's assignment: refused, audited, nothing saved")
	void foreignAgencyRefused() {
		Task t = testTasks.create("Nhiệm vụ của Ban Quản lý (kiểm thử phân quyền)", "Quý IV/2026", "BQLKKT");
		Assignment a = testTasks.assignmentOf(t, "BQLKKT");
		ProgressInput in = new ProgressInput();
		in.setPercent(50);
		in.setResults("Báo cáo hộ");
		long before = audit.count("ACCESS_DENIED", "ASSIGNMENT", a.getId());
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.postProgress(a.getId(), in, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.claimCompletion(a.getId(), claim(LocalDate.of(2026, 11, 1)), null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.readableAssignment(a.getId())))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(audit.count("ACCESS_DENIED", "ASSIGNMENT", a.getId())).isEqualTo(before + 3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM progress_update WHERE assignment_id = ?", Integer.class, a.getId())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM completion_claim WHERE assignment_id = ?", Integer.class, a.getId())).isZero();
		// DoST and leaders read every agency's work but do not report for them
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> progress.postProgress(a.getId(), in, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@DisplayName("a completion date after today, or progress over 100%, is refused")
	void badClaims() {
		Task t = testTasks.create("Nhiệm vụ kiểm thử dữ liệu sai", "Quý IV/2026", "STC");
		Assignment a = testTasks.assignmentOf(t, "STC");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.claimCompletion(a.getId(), claim(LocalDate.of(2026, 11, 23)), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("23/11/2026");
		ProgressInput in = new ProgressInput();
		in.setPercent(101);
		in.setResults("Vượt");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> progress.postProgress(a.getId(), in, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("100%");
		assertThat(tasks.assignment(a.getId()).getPercent()).isZero();
	}

	@Test
	@DisplayName("only leaders give directions, and the agency sees them on the task")
	void directions() {
		Task t = testTasks.create("Nhiệm vụ có ý kiến chỉ đạo (kiểm thử)", "Quý IV/2026", "STC");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> progress.addDirection(t.getId(), "Khẩn trương")))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("lanhdao", () -> progress.addDirection(t.getId(), "Sở Tài chính khẩn trương hoàn thành trong tháng 12."));
		assertThat(progress.directions(t.getId())).extracting(ProgressService.DirectionEntry::content)
			.containsExactly("Sở Tài chính khẩn trương hoàn thành trong tháng 12.");
	}

	private static ClaimInput claim(LocalDate on) {
		ClaimInput c = new ClaimInput();
		c.setCompletedOn(on);
		c.setEvidence("Kế hoạch số 10/KH ngày " + on);
		return c;
	}
}
