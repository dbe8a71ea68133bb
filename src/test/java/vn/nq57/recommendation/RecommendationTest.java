package vn.nq57.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.notification.ReminderSource;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * A recommendation from entry to publication, its deadline from the setting, reminders and escalation, the
 * timeliness rate; the public form's checks; the obstacles queue collected from progress updates and answered
 * back onto the task.
 */
@IntegrationTest
class RecommendationTest {

	@Autowired RecommendationService service;
	@Autowired ObstacleQueue queue;
	@Autowired List<ReminderSource> sources;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;
	@Autowired vn.nq57.reporting.ReportingFixtures reporting;

	private RecommendationService.Recommendation get(long id) {
		return runAs.user("sokhcn", () -> service.get(id));
	}

	@Test
	@DisplayName("entered → routed (deadline from the setting) → answered by the agency → published; refusals change nothing")
	void lifeCycle() {
		String title = "Kiến nghị kiểm thử " + World.seq() + " về cấp phép xây dựng";
		long id = runAs.user("sokhcn", () -> service.create(new RecommendationService.Input("FIRM", "Công ty TNHH Kiểm Thử",
				"0255 3822 000", null, title, "Đề nghị rút ngắn thời gian cấp phép")));
		assertThat(get(id).state()).isEqualTo(RecommendationService.State.RECEIVED);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> service.create(new RecommendationService.Input("CITIZEN", "A", null, null, "T", "N"))))
			.isInstanceOf(AccessDeniedException.class);
		// routing to an agency that does not exist
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> service.route(id, get(id).version(), 99_999_999L, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không có trong danh mục cơ quan");
		assertThat(get(id).state()).isEqualTo(RecommendationService.State.RECEIVED);
		runAs.user("sokhcn", () -> service.route(id, get(id).version(), world.agency("STC"), null));
		RecommendationService.Recommendation routed = get(id);
		assertThat(routed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 22).plusDays(15));
		// another agency neither reads nor answers it
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> service.get(id))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> service.answer(id, routed.version(), "Trả lời")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> service.answer(id, routed.version() - 1, "Trả lời")))
			.isInstanceOf(ConcurrentEditException.class);
		runAs.user("cb.stc", () -> service.answer(id, routed.version(), "Sở Tài chính đã phối hợp rút ngắn còn 10 ngày"));
		assertThat(get(id).state()).isEqualTo(RecommendationService.State.ANSWERED);
		runAs.user("sokhcn", () -> service.publish(id, get(id).version()));
		assertThat(runAs.user("sokhcn", () -> service.publishedAnswers(500))).anySatisfy(r -> {
			assertThat(r.id()).isEqualTo(id);
			assertThat(r.senderContact()).isNull();
		});
		// an answer after publication (or closing) is refused
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> service.answer(id, get(id).version(), "Bổ sung")))
			.hasMessageContaining("không nhận trả lời thêm");
		runAs.user("sokhcn", () -> service.close(id, get(id).version(), "Hoàn tất"));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> service.answer(id, get(id).version(), "Bổ sung")))
			.hasMessageContaining("Đã đóng".toLowerCase());
		assertThat(runAs.user("sokhcn", () -> service.history(id))).extracting(RecommendationService.History::to)
			.containsExactly("RECEIVED", "ROUTED", "ANSWERED", "PUBLISHED", "CLOSED");
		assertThat(runAs.user("sokhcn", () -> service.timeliness())).anySatisfy(t -> {
			assertThat(t.agencyId()).isEqualTo(world.agency("STC"));
			assertThat(t.onTime()).isGreaterThanOrEqualTo(1);
		});
	}

	@Test
	@DisplayName("an unanswered recommendation is owed by the agency's staff, and past the escalation days by its head and DoST")
	void remindersAndEscalation() {
		long id = runAs.user("sokhcn", () -> service.create(new RecommendationService.Input("CITIZEN", "Nguyễn Thị B", "b@example.vn",
				null, "Kiến nghị nhắc hạn " + World.seq(), "Nội dung")));
		runAs.user("sokhcn", () -> service.route(id, get(id).version(), world.agency("SNV"), "25/11/2026"));
		ReminderSource source = sources.stream().filter(s -> s.subjectType().equals("RECOMMENDATION")).findFirst().orElseThrow();
		assertThat(source.owed(LocalDate.of(2026, 11, 22), 7)).filteredOn(o -> o.subjectId() == id)
			.extracting(ReminderSource.Owed::audience).containsExactly(ReminderSource.Audience.AGENCY_STAFF);
		assertThat(source.owed(LocalDate.of(2026, 12, 20), 7)).filteredOn(o -> o.subjectId() == id)
			.extracting(ReminderSource.Owed::audience).containsExactlyInAnyOrder(ReminderSource.Audience.AGENCY_STAFF,
					ReminderSource.Audience.AGENCY_HEAD, ReminderSource.Audience.SECRETARIAT);
		runAs.user("cb.snv", () -> service.answer(id, get(id).version(), "Đã xử lý"));
		assertThat(source.owed(LocalDate.of(2026, 12, 20), 7)).noneMatch(o -> o.subjectId() == id);
	}

	@Test
	@DisplayName("the public form: no login needed; markup, control characters, oversized text and agencies are refused")
	void publicForm() {
		long id = service.submitPublic(new RecommendationService.PublicSubmission("CITIZEN", "Trần Văn C", "0905 000 111",
				"Đề nghị lắp đèn đường", "Đề nghị lắp đèn đường thôn Monic, xã Sơn Kỳ"));
		assertThat(get(id).channel()).isEqualTo("PUBLIC");
		assertThatThrownBy(() -> service.submitPublic(new RecommendationService.PublicSubmission("CITIZEN", "X", "Y", "Tiêu đề",
				"<script>alert(1)</script>"))).isInstanceOf(DomainException.class).hasMessageContaining("script");
		assertThatThrownBy(() -> service.submitPublic(new RecommendationService.PublicSubmission("CITIZEN", "X", "Y", "Tiêu đề",
				"a".repeat(5001)))).hasMessageContaining("tối đa 5.000");
		assertThatThrownBy(() -> service.submitPublic(new RecommendationService.PublicSubmission("CITIZEN", "X", "Y", "Tiêu đề",
				"Nội dung\u0007"))).hasMessageContaining("ký tự điều khiển");
		assertThatThrownBy(() -> service.submitPublic(new RecommendationService.PublicSubmission("CITIZEN", "X", "", "Tiêu đề",
				"Nội dung"))).hasMessageContaining("Chưa nhập số điện thoại");
		assertThatThrownBy(() -> service.submitPublic(new RecommendationService.PublicSubmission("AGENCY", "X", "Y", "Tiêu đề",
				"Nội dung"))).hasMessageContaining("Cơ quan nhà nước");
	}

	@Test
	@DisplayName("obstacles and proposals of progress updates are collected once, routed, answered, and the answer shows on the task")
	void obstaclesQueue() {
		Task task = world.task("Nhiệm vụ có vướng mắc " + World.seq()).lead("STC").due("31/12/2026").create();
		Assignment a = world.assignment(task, "STC");
		String obstacle = "Chưa có hướng dẫn của Bộ về định mức chi " + World.seq();
		world.progress(a, LocalDate.of(2026, 11, 20), 40, "Đã khảo sát", obstacle, "Đề nghị UBND tỉnh bố trí kinh phí");
		int first = runAs.user("sokhcn", () -> queue.collect());
		assertThat(first).isGreaterThanOrEqualTo(2);
		assertThat(runAs.user("sokhcn", () -> queue.collect())).as("collected once").isZero();
		ObstacleQueue.Item item = runAs.user("sokhcn", () -> queue.search(new ObstacleQueue.Filter(obstacle, null, null, null, null), 0, 10))
			.rows().get(0);
		assertThat(item.taskId()).isEqualTo(task.getId());
		assertThat(item.kind()).isEqualTo("OBSTACLE");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> queue.search(new ObstacleQueue.Filter(null, null, null, null, null), 0, 10)))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> queue.group(List.of(item.id()), "Về kinh phí"));
		runAs.user("sokhcn", () -> queue.route(item.id(), item.version() + 1, "CENTRE"));
		ObstacleQueue.Item routed = runAs.user("sokhcn", () -> queue.get(item.id()));
		assertThat(routed.level()).isEqualTo("CENTRE");
		assertThat(routed.groupLabel()).isEqualTo("Về kinh phí");
		runAs.user("lanhdao", () -> queue.answer(item.id(), routed.version(), "Đã kiến nghị Bộ Tài chính hướng dẫn"));
		assertThat(jdbc.queryForList("SELECT content FROM direction_view WHERE task_id = ?", String.class, task.getId()))
			.anySatisfy(c -> assertThat(c).contains("Đã kiến nghị Bộ Tài chính hướng dẫn").contains(obstacle));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> queue.answer(item.id(), routed.version() + 1, "Lần hai")))
			.hasMessageContaining("đã được trả lời");
	}

	@Test
	@DisplayName("the obstacles of a periodic report sent to DoST reach the queue through periodic_report_item_view, with their task")
	void obstaclesOfReports() {
		long regime = reporting.monthlyRegime(LocalDate.of(2026, 10, 1), "STC");
		Task task = world.task("Nhiệm vụ báo cáo vướng mắc " + World.seq()).lead("STC").due("31/12/2026").create();
		String obstacle = "Báo cáo tháng: chưa có định mức kinh phí " + World.seq();
		world.progress(world.assignment(task, "STC"), LocalDate.of(2026, 10, 20), 20, "Đang làm", obstacle, null);
		long report = reporting.send(regime, "2026-10", "STC", "cb.stc", "gd.stc", LocalDate.of(2026, 11, 5), "Tóm tắt kiểm thử", true);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM periodic_report_item_view WHERE report_id = ? AND text = ? AND task_id = ?",
				Integer.class, report, obstacle, task.getId())).isEqualTo(1);
		runAs.user("sokhcn", () -> queue.collect());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM obstacle_item WHERE source_kind = 'REPORT' AND source_id = ? AND task_id = ?",
				Integer.class, report, task.getId())).isEqualTo(1);
	}

	@Autowired org.springframework.context.ApplicationContext context;
	@Autowired PublicInbox inbox;

	@Test
	@DisplayName("the obstacles queue is filled by the scheduled job (no user, one node at a time under its ShedLock), idempotently")
	void theJobCollectsTheQueue() {
		// the job is off in the tests' configuration; this builds it as the application would (with its lock)
		RecommendationJobs jobs = context.getAutowireCapableBeanFactory().createBean(RecommendationJobs.class);
		Task task = world.task("Nhiệm vụ vướng mắc của công việc định kỳ " + World.seq()).lead("STC").due("31/12/2026").create();
		String obstacle = "Vướng mắc thu thập định kỳ " + World.seq();
		world.progress(world.assignment(task, "STC"), LocalDate.of(2026, 11, 20), 10, "Đang làm", obstacle, null);
		String count = "SELECT count(*) FROM obstacle_item WHERE text = ? AND task_id = ?";
		// the other node's lock runs out (the row stays: ShedLock updates it)
		Runnable release = () -> jdbc.update("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' "
				+ "WHERE name = 'recommendation.obstacles'");

		// while another node holds the lock, this node skips
		jdbc.update("INSERT INTO shedlock(name, lock_until, locked_at, locked_by) VALUES ('recommendation.obstacles', "
				+ "timezone('utc', now()) + interval '1 hour', timezone('utc', now()), 'node-2') ON CONFLICT (name) DO UPDATE "
				+ "SET lock_until = excluded.lock_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by");
		jobs.obstacles();
		assertThat(jdbc.queryForObject(count, Integer.class, obstacle, task.getId())).as("skipped under node-2's lock").isZero();

		release.run();
		jobs.obstacles();
		assertThat(jdbc.queryForObject(count, Integer.class, obstacle, task.getId())).isEqualTo(1);
		release.run();
		jobs.obstacles();
		assertThat(jdbc.queryForObject(count, Integer.class, obstacle, task.getId())).as("collected once").isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'recommendation.obstacles'", String.class))
			.isNotEqualTo("node-2");
	}
}
