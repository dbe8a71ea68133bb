package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyKind;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.reporting.PeriodicReportService.ReportRow;
import vn.nq57.reporting.PeriodicReportService.ReportView;
import vn.nq57.reporting.PeriodicReportService.Step;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/**
 * An agency's report from the officer's draft to DoST's decision, with its permissions, its history and its
 * refusals; on 22/11/2026 the November report (due 09/12, locks after 19/12) is open, October's (due 09/11) is
 * locked.
 */
@IntegrationTest
class ReportWorkflowTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
	static final Rule MONTHLY = new Rule(2, 10, true, 1, 31, 10);
	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired RegimeService regimes;
	@Autowired PeriodicReportService reports;
	@Autowired ProgressService progress;
	@Autowired TestTasks testTasks;
	@Autowired RunAs runAs;
	@Autowired AppClock clock;
	@Autowired AuditLog audit;
	@Autowired JdbcTemplate jdbc;
	@Autowired World world;

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	/** A regime of its own, so that the test's periods are nobody else's. */
	long regimeFor(String... agencyCodes) {
		int n = SEQ.incrementAndGet();
		long r = runAs.user("sokhcn", () -> regimes.createRegime("KT-WF-" + n + "-" + System.nanoTime() % 100000,
				"Báo cáo tháng kiểm thử " + n, Frequency.MONTHLY, null, null, LocalDate.of(2026, 1, 1), MONTHLY,
				EnumSet.noneOf(AgencyKind.class)));
		for (String code : agencyCodes) {
			runAs.user("sokhcn", () -> regimes.addAgencyRule(r, testTasks.agency(code), true, null, null));
		}
		return r;
	}

	ReportRow row(long regime, String key, String agencyCode) {
		return reports.row(regimes.period(regime, key).id(), testTasks.agency(agencyCode));
	}

	long version(long id) {
		return reports.rowOf(id).version();
	}

	void post(Task t, String agencyCode, String officer, String results, String obstacles, String proposals) {
		ProgressInput in = new ProgressInput();
		in.setPercent(40);
		in.setResults(results);
		in.setObstacles(obstacles);
		in.setProposals(proposals);
		runAs.user(officer, () -> progress.postProgress(testTasks.assignmentOf(t, agencyCode).getId(), in, null));
	}

	Edit edit(String summary, String obstacle) {
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put(ReportContent.SUMMARY, summary);
		return new Edit(sections, obstacle == null ? null : List.of(new ItemInput(ReportTheme.FUNDING, obstacle)), null);
	}

	@Test
	@DisplayName("officer drafts (pre-filled), head approves, officer submits, DoST accepts; every step in the history and the audit trail")
	void draftApproveSubmitAccept() {
		long regime = regimeFor("STC");
		Task t = testTasks.create("Xây dựng cơ sở dữ liệu chi cho khoa học và công nghệ (kiểm thử báo cáo)", "Tháng 12/2026", "STC");
		post(t, "STC", "cb.stc", "Đã thu thập số liệu của 18/22 đơn vị.", "Chưa được bố trí kinh phí năm 2027.",
				"Đề nghị UBND tỉnh bổ sung kinh phí.");
		long id = row(regime, "2026-11", "STC").id();
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.NOT_STARTED);

		runAs.user("cb.stc", () -> reports.start(id));
		ReportView draft = runAs.user("cb.stc", () -> reports.view(id));
		assertThat(draft.row().state()).isEqualTo(ReportState.DRAFT);
		ReportContent c = draft.content();
		assertThat(c.dataAsOf()).isEqualTo(TODAY);
		ReportContent.TaskLine line = c.tasks().stream().filter(l -> l.taskId() == t.getId()).findFirst().orElseThrow();
		assertThat(line.percent()).isEqualTo(40);
		assertThat(line.results()).isEqualTo("Đã thu thập số liệu của 18/22 đơn vị.");
		assertThat(line.status()).isEqualTo(vn.nq57.task.TaskStatus.IN_PROGRESS);
		assertThat(c.section(ReportContent.GROUP_PREFIX + ReportContent.NO_GROUP).body())
			.contains("Đã thu thập số liệu của 18/22 đơn vị.");
		assertThat(c.obstacles()).extracting(ReportContent.Item::text).contains("Chưa được bố trí kinh phí năm 2027.");
		assertThat(c.obstacles()).filteredOn(i -> i.taskId() != null && i.taskId() == t.getId())
			.extracting(ReportContent.Item::theme).containsExactly(ReportTheme.FUNDING);
		assertThat(c.proposals()).extracting(ReportContent.Item::text).contains("Đề nghị UBND tỉnh bổ sung kinh phí.");
		assertThat(c.missingRequired()).contains(ReportPrefill.SUMMARY_TITLE)
			.doesNotContain(ReportPrefill.NO_GROUP_TITLE);

		// the head cannot approve a report with a required section empty
		assertThatThrownBy(() -> runAs.user("gd.stc", () -> reports.approve(id, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("để trống nội dung bắt buộc")
			.hasMessageContaining(ReportPrefill.SUMMARY_TITLE);
		runAs.user("cb.stc", () -> reports.save(id, editAll(id, "Sở Tài chính triển khai đúng tiến độ các nhiệm vụ được giao."), version(id)));
		// an officer does not approve; nothing is sent before the head approved
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.approve(id, null)))
			.isInstanceOf(AccessDeniedException.class).hasMessageContaining("thủ trưởng");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.submit(id, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa được thủ trưởng cơ quan duyệt");
		runAs.user("gd.stc", () -> reports.approve(id, version(id)));
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.APPROVED);
		// an edit after approval withdraws it
		runAs.user("cb.stc", () -> reports.save(id, editAll(id, "Sở Tài chính triển khai đúng tiến độ; còn vướng kinh phí."), version(id)));
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.DRAFT);
		runAs.user("gd.stc", () -> reports.approve(id, version(id)));
		runAs.user("cb.stc", () -> reports.submit(id, version(id)));

		ReportRow sent = reports.rowOf(id);
		assertThat(sent.state()).isEqualTo(ReportState.SUBMITTED);
		assertThat(sent.firstSubmittedOn()).isEqualTo(TODAY);
		assertThat(sent.revision()).isEqualTo(1);
		assertThat(sent.cell(TODAY)).isEqualTo(Completeness.Cell.ON_TIME);
		// a submitted report is immutable, for the service and for the database
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.save(id, edit("Sửa sau khi gửi", null), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã gửi Sở KH&CN ngày 22/11/2026")
			.hasMessageContaining("không sửa được");
		assertThatThrownBy(() -> runAs.user("gd.stc", () -> reports.approve(id, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không sửa được");
		assertThatThrownBy(() -> jdbc.update("UPDATE periodic_report SET content = '{}'::jsonb WHERE id = ?", id))
			.hasMessageContaining("cannot change");
		assertThatThrownBy(() -> jdbc.update("DELETE FROM periodic_report_submission WHERE report_id = ?", id))
			.hasMessageContaining("append-only");

		// DoST sees what was sent; the leader too, but cannot decide
		ReportView seen = runAs.user("sokhcn", () -> reports.view(id));
		assertThat(seen.content().section(ReportContent.SUMMARY).body()).isEqualTo("Sở Tài chính triển khai đúng tiến độ; còn vướng kinh phí.");
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> reports.accept(id))).isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> reports.accept(id));
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.ACCEPTED);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.save(id, edit("Sửa", null), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã được Sở KH&CN tiếp nhận");

		List<Step> steps = runAs.user("cb.stc", () -> reports.steps(id));
		assertThat(steps).extracting(Step::step).containsExactly("CREATED", "APPROVED", "EDITED_AFTER_APPROVAL",
				"APPROVED", "SUBMITTED", "ACCEPTED");
		assertThat(steps.get(1).actor()).contains("Giám đốc Sở Tài chính");
		assertThat(steps.get(4).note()).contains("Đúng hạn");
		List<AuditLog.Entry> all = runAs.user("cb.stc", () -> reports.changes(id));
		// the officer's approval and the leader's acceptance were refused, and that is in the trail too
		assertThat(all).filteredOn(e -> e.action().equals("ACCESS_DENIED")).hasSize(2);
		List<AuditLog.Entry> trail = all.stream().filter(e -> !e.action().equals("ACCESS_DENIED")).toList();
		assertThat(trail).extracting(AuditLog.Entry::action).containsExactly("REPORT_CREATED", "REPORT_SAVED",
				"REPORT_APPROVED", "REPORT_SAVED", "REPORT_APPROVED", "REPORT_SUBMITTED", "REPORT_ACCEPTED");
		AuditLog.Entry secondSave = trail.get(3);
		assertThat(secondSave.actorName()).contains("Cán bộ đầu mối Sở Tài chính");
		assertThat(secondSave.before()).contains("\"APPROVED\"").contains("Sở Tài chính triển khai đúng tiến độ các nhiệm vụ được giao.");
		assertThat(secondSave.after()).contains("\"DRAFT\"").contains("còn vướng kinh phí");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM periodic_report_submission WHERE report_id = ?", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	@DisplayName("DoST returns with a reason; the agency revises and sends again; the report stays on time by its first arrival")
	void returnAndResubmit() {
		long regime = regimeFor("BQLKKT");
		long id = row(regime, "2026-11", "BQLKKT").id();
		runAs.user("cb.bql", () -> reports.start(id));
		runAs.user("cb.bql", () -> reports.save(id, editAll(id, "Ban Quản lý đã triển khai kế hoạch."), version(id)));
		runAs.user("gd.bql", () -> reports.approve(id, version(id)));
		runAs.user("gd.bql", () -> reports.submit(id, version(id)));

		clock.fixAt(LocalDate.of(2026, 12, 12));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> reports.returnReport(id, "  ")))
			.isInstanceOf(DomainException.class).hasMessageContaining("Cần nêu lý do");
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.SUBMITTED);
		runAs.user("sokhcn", () -> reports.returnReport(id, "Chưa nêu kết quả cụ thể của từng nhiệm vụ"));
		ReportRow back = reports.rowOf(id);
		assertThat(back.state()).isEqualTo(ReportState.RETURNED);
		assertThat(back.returnReason()).isEqualTo("Chưa nêu kết quả cụ thể của từng nhiệm vụ");
		assertThat(back.cell(LocalDate.of(2026, 12, 12))).isEqualTo(Completeness.Cell.RETURNED);
		// while the agency revises, DoST sees the version it returned, not the new draft
		runAs.user("cb.bql", () -> reports.save(id, editAll(id, "Ban Quản lý đã ban hành Kế hoạch số 12/KH-BQL."), version(id)));
		ReportView dost = runAs.user("sokhcn", () -> reports.view(id));
		assertThat(dost.contentIsSubmission()).isTrue();
		assertThat(dost.content().section(ReportContent.SUMMARY).body()).isEqualTo("Ban Quản lý đã triển khai kế hoạch.");
		runAs.user("gd.bql", () -> reports.approve(id, version(id)));
		runAs.user("cb.bql", () -> reports.submit(id, version(id)));
		ReportRow again = reports.rowOf(id);
		assertThat(again.revision()).isEqualTo(2);
		assertThat(again.submittedOn()).isEqualTo(LocalDate.of(2026, 12, 12));
		assertThat(again.firstSubmittedOn()).isEqualTo(TODAY);
		assertThat(again.cell(LocalDate.of(2026, 12, 12))).isEqualTo(Completeness.Cell.ON_TIME);
		assertThat(runAs.user("sokhcn", () -> reports.view(id)).content().section(ReportContent.SUMMARY).body())
			.isEqualTo("Ban Quản lý đã ban hành Kế hoạch số 12/KH-BQL.");
		assertThat(runAs.user("cb.bql", () -> reports.steps(id))).extracting(Step::step)
			.containsExactly("CREATED", "APPROVED", "SUBMITTED", "RETURNED", "REVISING", "APPROVED", "SUBMITTED");
		assertThat(jdbc.queryForList("SELECT revision FROM periodic_report_submission WHERE report_id = ? ORDER BY revision",
				Integer.class, id)).containsExactly(1, 2);
	}

	@Test
	@DisplayName("nobody drafts, approves, submits or reads for another agency; DoST never sees a draft; refusals are audited")
	void permissions() {
		long regime = regimeFor("STC");
		long id = row(regime, "2026-11", "STC").id();
		long denied = audit.count("ACCESS_DENIED", "PERIODIC_REPORT", id);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.start(id))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> reports.start(id))).isInstanceOf(AccessDeniedException.class);
		runAs.user("cb.stc", () -> reports.start(id));
		runAs.user("cb.stc", () -> reports.save(id, editAll(id, "Nội dung nháp của Sở Tài chính"), version(id)));
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.view(id))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.save(id, edit("Sửa hộ", null), null)))
			.isInstanceOf(AccessDeniedException.class).hasMessage("Bạn không có quyền sửa báo cáo của cơ quan khác");
		assertThatThrownBy(() -> runAs.user("gd.bql", () -> reports.approve(id, null))).isInstanceOf(AccessDeniedException.class)
			.hasMessage("Bạn không có quyền duyệt báo cáo (chỉ thủ trưởng cơ quan lập báo cáo)");
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> reports.approve(id, null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> reports.approve(id, null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.changes(id))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.forAgency(testTasks.agency("STC"))))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("gd.stc", () -> reports.approve(id, version(id)));
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.submit(id, null))).isInstanceOf(AccessDeniedException.class)
			.hasMessage("Bạn không có quyền gửi báo cáo của cơ quan khác");
		assertThatThrownBy(() -> runAs.user("gd.snv", () -> reports.submit(id, null))).isInstanceOf(AccessDeniedException.class)
			.hasMessage("Bạn không có quyền gửi báo cáo của cơ quan khác");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.accept(id))).isInstanceOf(AccessDeniedException.class);
		// DoST and leaders see the state, not the draft
		ReportView dost = runAs.user("sokhcn", () -> reports.view(id));
		assertThat(dost.row().state()).isEqualTo(ReportState.APPROVED);
		assertThat(dost.content()).isNull();
		assertThat(runAs.user("lanhdao", () -> reports.view(id)).content()).isNull();
		assertThat(audit.count("ACCESS_DENIED", "PERIODIC_REPORT", id)).isEqualTo(denied + 11);
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.APPROVED);
	}

	@Test
	@DisplayName("after the lock the agency is refused until DoST reopens, with a reason; a report sent then counts late")
	void lockAndReopen() {
		long regime = regimeFor("STC");
		long id = row(regime, "2026-10", "STC").id();
		assertThat(reports.rowOf(id).cell(TODAY)).isEqualTo(Completeness.Cell.MISSING);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.start(id)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã khóa sổ từ ngày 20/11/2026")
			.hasMessageContaining("Chỉ Sở KH&CN mở lại được");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.reopen(id, null, "Xin mở lại")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> reports.reopen(id, LocalDate.of(2026, 11, 29), "")))
			.isInstanceOf(DomainException.class).hasMessageContaining("lý do");
		long open = row(regime, "2026-11", "STC").id();
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> reports.reopen(open, null, "Không cần")))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa khóa sổ");
		runAs.user("sokhcn", () -> reports.reopen(id, LocalDate.of(2026, 11, 29), "Đơn vị mới kiện toàn bộ máy"));
		runAs.user("cb.stc", () -> reports.start(id));
		runAs.user("cb.stc", () -> reports.save(id, editAll(id, "Báo cáo bổ sung tháng 10."), version(id)));
		runAs.user("gd.stc", () -> reports.approve(id, version(id)));
		runAs.user("gd.stc", () -> reports.submit(id, version(id)));
		assertThat(reports.rowOf(id).cell(TODAY)).isEqualTo(Completeness.Cell.LATE);
		assertThat(runAs.user("cb.stc", () -> reports.steps(id)).get(0).step()).isEqualTo("REOPENED");
		assertThat(runAs.user("cb.stc", () -> reports.steps(id)).get(3).note()).contains("Muộn 13 ngày");

		// a draft left after the reopening ran out is locked again
		long other = row(regime, "2026-09", "STC").id();
		runAs.user("sokhcn", () -> reports.reopen(other, LocalDate.of(2026, 11, 25), "Mở lại ngắn hạn"));
		runAs.user("cb.stc", () -> reports.start(other));
		clock.fixAt(LocalDate.of(2026, 11, 26));
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> reports.save(other, edit("Muộn quá", null), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã khóa sổ");
	}

	@Test
	@DisplayName("markup, a stale form or a period not begun are refused with a message, and nothing changes")
	void badInput() {
		long regime = regimeFor("SNV");
		long id = row(regime, "2026-11", "SNV").id();
		runAs.user("cb.snv", () -> reports.start(id));
		long v = version(id);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.save(id, edit("<script>alert(1)</script>", null), v)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không được chứa mã HTML");
		assertThat(version(id)).isEqualTo(v);
		runAs.user("cb.snv", () -> reports.save(id, edit("Đánh giá chung", "Thiếu kinh phí"), v));
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.save(id, edit("Bản cũ", null), v)))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(runAs.user("cb.snv", () -> reports.view(id)).content().section(ReportContent.SUMMARY).body()).isEqualTo("Đánh giá chung");
		Map<String, String> unknown = Map.of("KHONG-CO", "x");
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.save(id, new Edit(unknown, null, null), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không có mục");
		long december = row(regime, "2026-12", "SNV").id();
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.start(december)))
			.isInstanceOf(DomainException.class).hasMessageContaining("bắt đầu từ ngày 01/12/2026");
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> reports.start(id)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã được lập");
	}

	@Test
	@DisplayName("a task group with no result posted is a required section: the head cannot approve it empty")
	void emptyGroupSectionIsRefused() {
		Plan plan = world.plan("Kế hoạch kiểm thử mục bắt buộc " + World.seq()).groups("IV").create();
		world.task("Xây dựng đề án thu hút nhân lực (kiểm thử)").in(plan, "IV").stt("1").lead("SNV").due("31/12/2026").create();
		long regime = regimeFor("SNV");
		long id = row(regime, "2026-11", "SNV").id();
		runAs.user("cb.snv", () -> reports.start(id));
		ReportContent c = runAs.user("cb.snv", () -> reports.view(id)).content();
		ReportContent.Section group = c.sections().stream().filter(ReportContent.Section::grouped).findFirst().orElseThrow();
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(ReportContent.SUMMARY, "Đánh giá chung của Sở Nội vụ");
		texts.put(group.code(), "   ");
		runAs.user("cb.snv", () -> reports.save(id, new Edit(texts, null, null), null));
		assertThatThrownBy(() -> runAs.user("gd.snv", () -> reports.approve(id, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("“" + group.title() + "”");
		assertThat(reports.rowOf(id).state()).isEqualTo(ReportState.DRAFT);
	}

	/** Fills the summary and every group section so that the report can be approved. */
	Edit editAll(long id, String summary) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(ReportContent.SUMMARY, summary);
		String agency = jdbc.queryForObject("SELECT a.code FROM periodic_report r JOIN agency a ON a.id = r.agency_id WHERE r.id = ?",
				String.class, id);
		String content = jdbc.queryForObject("SELECT content::text FROM periodic_report WHERE id = ?", String.class, id);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\":\\s*\"(GROUP:[^\"]*)\"").matcher(content);
		while (m.find()) {
			texts.put(m.group(1), "Kết quả của " + agency + " trong nhóm nhiệm vụ này.");
		}
		return new Edit(texts, null, null);
	}
}
