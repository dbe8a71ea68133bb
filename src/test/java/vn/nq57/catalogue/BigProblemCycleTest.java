package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/**
 * A big problem from an agency's proposal to published results: the review checklist of the setting, refusals with
 * a clear message that change nothing, the selection with its decision, the ordering that creates real tasks in a
 * plan (and tells the funding hook), the counter against the minimum of three, the history and the audit.
 */
@IntegrationTest
@RecordApplicationEvents
class BigProblemCycleTest {

	@Autowired BigProblemService problems;
	@Autowired DuplicateCheck duplicates;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;
	@Autowired ApplicationEvents events;

	private long propose(String user, String title, String cost) {
		long skhcn = world.agency("SKHCN");
		return runAs.user(user, () -> problems.propose(new BigProblemService.Input(title,
				"Vấn đề cần giải quyết của " + title, "Hệ thống phần mềm và cơ sở dữ liệu", "2026–2027", cost, skhcn, skhcn,
				"Chương trình chuyển đổi số quốc gia", "1364/SKHCN-KH&ĐMST"), true));
	}

	@Test
	@DisplayName("proposed → under review → scored → selected (decision) → ordered: real tasks in a plan, the hook fired; then accepted and published")
	void fullCycle() {
		String title = "Bài toán kiểm thử vòng đời " + World.seq() + " xây dựng hệ sinh thái du lịch thông minh";
		int before = runAs.user("sokhcn", () -> problems.counter().selected());
		long id = propose("cb.skhcn", title, "1,25 tỷ");
		BigProblem b = runAs.user("sokhcn", () -> problems.get(id));
		assertThat(b.costEstimate()).isEqualTo(1_250_000_000L);
		assertThat(b.state()).isEqualTo(BigProblemState.PROPOSED);

		// an officer of another agency does not read the draft
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> problems.get(id))).isInstanceOf(AccessDeniedException.class);
		// nor does an agency review it
		assertThatThrownBy(() -> runAs.user("cb.skhcn", () -> problems.startReview(id, b.version())))
			.isInstanceOf(AccessDeniedException.class);

		runAs.user("sokhcn", () -> problems.startReview(id, b.version()));
		BigProblem r = runAs.user("sokhcn", () -> problems.get(id));
		List<String> criteria = runAs.user("sokhcn", () -> problems.criteria());
		assertThat(criteria).hasSize(6).contains("Kinh phí xác định");
		runAs.user("sokhcn", () -> problems.review(id, r.version(), Map.of(criteria.get(0), true, criteria.get(1), true), "Đạt hai tiêu chí"));
		BigProblem scored = runAs.user("sokhcn", () -> problems.get(id));
		assertThat(scored.reviewScore()).isEqualTo(2);

		// a stale version is refused
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.select(id, r.version(), "12/QĐ-UBND", "01/10/2026")))
			.isInstanceOf(ConcurrentEditException.class);
		// a decision without number or date is refused and changes nothing
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.select(id, scored.version(), "", "01/10/2026")))
			.isInstanceOf(DomainException.class).hasMessageContaining("thiếu số quyết định");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.select(id, scored.version(), "12/QĐ-UBND", null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("thiếu ngày quyết định");
		assertThat(runAs.user("sokhcn", () -> problems.get(id)).state()).isEqualTo(BigProblemState.UNDER_REVIEW);

		runAs.user("sokhcn", () -> problems.select(id, scored.version(), "12/QĐ-UBND", "01/10/2026"));
		assertThat(runAs.user("sokhcn", () -> problems.counter().selected())).isEqualTo(before + 1);
		// once selected every agency reads it
		assertThat(runAs.user("cb.stc", () -> problems.get(id)).decisionNumber()).isEqualTo("12/QĐ-UBND");

		BigProblem sel = runAs.user("sokhcn", () -> problems.get(id));
		List<Long> taskIds = runAs.user("sokhcn", () -> problems.order(id, sel.version(), new BigProblemService.OrderInput(null,
				"Kế hoạch đặt hàng kiểm thử " + World.seq(), 2026, List.of(
						new BigProblemService.TaskLine("Xây dựng thuyết minh nhiệm vụ " + title, "Thuyết minh", "Quý IV/2026"),
						new BigProblemService.TaskLine("Triển khai " + title, "Hệ thống", "31/12/2027")))));
		assertThat(taskIds).hasSize(2);
		assertThat(jdbc.queryForList("SELECT title FROM task_view WHERE id IN (?, ?) ORDER BY position", String.class,
				taskIds.get(0), taskIds.get(1))).containsExactly("Xây dựng thuyết minh nhiệm vụ " + title, "Triển khai " + title);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM task_lead_view WHERE task_id = ? AND agency_id = ?", Integer.class,
				taskIds.get(0), world.agency("SKHCN"))).isEqualTo(1);
		assertThat(events.stream(BigProblemOrdered.class).filter(e -> e.problemId() == id))
			.singleElement().satisfies(e -> {
				assertThat(e.taskIds()).isEqualTo(taskIds);
				assertThat(e.costEstimate()).isEqualTo(1_250_000_000L);
			});
		BigProblem ordered = runAs.user("sokhcn", () -> problems.get(id));
		assertThat(ordered.state()).isEqualTo(BigProblemState.ORDERED);
		assertThat(ordered.taskIds()).isEqualTo(taskIds);

		runAs.user("sokhcn", () -> problems.startWork(id, ordered.version()));
		BigProblem working = runAs.user("sokhcn", () -> problems.get(id));
		assertThat(runAs.user("sokhcn", () -> problems.progress(working))).isEqualTo(0);
		runAs.user("sokhcn", () -> problems.accept(id, working.version(), "20/11/2026", "Nghiệm thu đạt"));
		BigProblem accepted = runAs.user("sokhcn", () -> problems.get(id));
		runAs.user("sokhcn", () -> problems.publish(id, accepted.version()));
		assertThat(runAs.user("sokhcn", () -> problems.get(id)).state()).isEqualTo(BigProblemState.PUBLISHED);
		assertThat(runAs.user("sokhcn", () -> problems.history(id))).extracting(BigProblemService.History::to)
			.containsExactly(BigProblemState.PROPOSED, BigProblemState.UNDER_REVIEW, BigProblemState.SELECTED,
					BigProblemState.ORDERED, BigProblemState.IN_PROGRESS, BigProblemState.ACCEPTED, BigProblemState.PUBLISHED);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'BIG_PROBLEM' AND entity_id = ?",
				Integer.class, id)).isGreaterThanOrEqualTo(8);
	}

	@Test
	@DisplayName("returned with a reason, edited, sent again; refused with a reason; a cost that is not money changes nothing")
	void returnedAndRefused() {
		long id = propose("cb.skhcn", "Bài toán kiểm thử trả lại " + World.seq() + " số hóa di tích lịch sử", "850 triệu");
		BigProblem b = runAs.user("sokhcn", () -> problems.get(id));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.returnToAgency(id, b.version(), " ")))
			.hasMessageContaining("Chưa nhập lý do trả lại");
		runAs.user("sokhcn", () -> problems.returnToAgency(id, b.version(), "Chưa rõ sản phẩm"));
		BigProblem ret = runAs.user("cb.skhcn", () -> problems.get(id));
		assertThat(ret.state()).isEqualTo(BigProblemState.RETURNED);
		assertThat(ret.reason()).isEqualTo("Chưa rõ sản phẩm");
		BigProblemService.Input bad = new BigProblemService.Input(ret.title(), ret.statement(), "Sản phẩm rõ", "2026",
				"nhiều tiền", ret.proposingAgencyId(), null, null, null);
		assertThatThrownBy(() -> runAs.user("cb.skhcn", () -> problems.edit(id, bad, ret.version(), false)))
			.isInstanceOf(DomainException.class).hasMessageStartingWith("Kinh phí dự kiến:");
		assertThat(runAs.user("cb.skhcn", () -> problems.get(id)).costEstimate()).isEqualTo(850_000_000L);
		runAs.user("cb.skhcn", () -> problems.resubmit(id, ret.version()));
		BigProblem again = runAs.user("sokhcn", () -> problems.get(id));
		runAs.user("sokhcn", () -> problems.startReview(id, again.version()));
		BigProblem rev = runAs.user("sokhcn", () -> problems.get(id));
		runAs.user("sokhcn", () -> problems.refuse(id, rev.version(), "Trùng với nền tảng của Bộ"));
		assertThat(runAs.user("sokhcn", () -> problems.get(id)).state()).isEqualTo(BigProblemState.REFUSED);
	}

	@Test
	@DisplayName("a near-duplicate title is warned with the nearest entries (accents ignored), saved only when confirmed")
	void duplicateWarned() {
		String base = "Ứng dụng trí tuệ nhân tạo xây dựng cơ sở dữ liệu ngôn ngữ dân tộc thiểu số kiểm thử " + World.seq();
		long first = propose("sokhcn", base, null);
		long skhcn = world.agency("SKHCN");
		BigProblemService.Input near = new BigProblemService.Input("Ung dung tri tue nhan tao xay dung co so du lieu ngon ngu dan toc thieu so",
				"Nội dung", null, null, null, skhcn, null, null, null);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.propose(near, false)))
			.isInstanceOfSatisfying(DuplicateWarning.class, w -> assertThat(w.matches()).extracting(DuplicateCheck.Match::id).contains(first))
			.hasMessageContaining("Chưa lưu gì");
		assertThat(runAs.user("sokhcn", () -> duplicates.nearest(near.title(), null, null)))
			.anySatisfy(m -> assertThat(m.register()).isEqualTo("BIG_PROBLEM"));
		long second = runAs.user("sokhcn", () -> problems.propose(near, true));
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	@DisplayName("proposing for an agency that does not exist, or for another agency, is refused")
	void badAgency() {
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input("Bài toán " + World.seq(),
				"Nội dung", null, null, null, 99_999_999L, null, null, null), true)))
			.hasMessageContaining("không có trong danh mục cơ quan");
		long stc = world.agency("STC");
		assertThatThrownBy(() -> runAs.user("cb.skhcn", () -> problems.propose(new BigProblemService.Input("Bài toán " + World.seq(),
				"Nội dung", null, null, null, stc, null, null, null), true))).isInstanceOf(AccessDeniedException.class);
	}
}
