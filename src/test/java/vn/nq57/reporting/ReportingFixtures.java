package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.system.AppClock;

/** Regimes and reports for a test, made the way users make them (through the services, with the clock moved). */
@Component
public class ReportingFixtures {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
	public static final Rule MONTHLY = new Rule(2, 10, true, 1, 31, 10);
	private static final AtomicInteger SEQ = new AtomicInteger();
	private static final Pattern GROUP = Pattern.compile("\"code\":\\s*\"(GROUP:[^\"]*)\"");

	private final RegimeService regimes;
	private final PeriodicReportService reports;
	private final TestTasks tasks;
	private final RunAs runAs;
	private final AppClock clock;
	private final JdbcTemplate jdbc;

	ReportingFixtures(RegimeService regimes, PeriodicReportService reports, TestTasks tasks, RunAs runAs, AppClock clock,
			JdbcTemplate jdbc) {
		this.regimes = regimes;
		this.reports = reports;
		this.tasks = tasks;
		this.runAs = runAs;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** A monthly regime of the test's own, from {@code from}, for the agencies named. */
	public long monthlyRegime(LocalDate from, String... agencyCodes) {
		int n = SEQ.incrementAndGet();
		long r = runAs.user("sokhcn", () -> regimes.createRegime("KT-" + n + "-" + System.nanoTime() % 1000000,
				"Báo cáo tháng kiểm thử " + n, Frequency.MONTHLY, null, null, from, MONTHLY,
				EnumSet.noneOf(AgencyKind.class)));
		for (String code : agencyCodes) {
			runAs.user("sokhcn", () -> regimes.addAgencyRule(r, tasks.agency(code), true, null, null));
		}
		return r;
	}

	public long reportId(long regimeId, String periodKey, String agencyCode) {
		return reports.row(regimes.period(regimeId, periodKey).id(), tasks.agency(agencyCode)).id();
	}

	/** On {@code day}: the officer drafts and fills every required section, the head approves and submits. */
	public long send(long regimeId, String periodKey, String agencyCode, String officer, String head, LocalDate day,
			String summary) {
		return send(regimeId, periodKey, agencyCode, officer, head, day, summary, false);
	}

	/** As {@link #send}; with {@code keepPrefilled} the texts pre-filled from progress stay, only blanks are filled. */
	public long send(long regimeId, String periodKey, String agencyCode, String officer, String head, LocalDate day,
			String summary, boolean keepPrefilled) {
		long id = reportId(regimeId, periodKey, agencyCode);
		LocalDate before = clock.today();
		clock.fixAt(day);
		try {
			if (reports.rowOf(id).state() == ReportState.NOT_STARTED) {
				runAs.user(officer, () -> reports.start(id));
			}
			runAs.user(officer, () -> reports.save(id, keepPrefilled ? fillBlank(id, summary) : fillAll(id, summary), null));
			runAs.user(head, () -> reports.approve(id, null));
			runAs.user(head, () -> reports.submit(id, null));
		}
		finally {
			clock.fixAt(before);
		}
		return id;
	}

	public void as(String user, LocalDate day, Runnable work) {
		LocalDate before = clock.today();
		clock.fixAt(day);
		try {
			runAs.user(user, work);
		}
		finally {
			clock.fixAt(before);
		}
	}

	/** The summary and the task-group sections still blank (run as the agency's user). */
	public Edit fillBlank(long id, String summary) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(ReportContent.SUMMARY, summary);
		for (ReportContent.Section s : reports.view(id).content().sections()) {
			if (s.grouped() && s.blank()) {
				texts.put(s.code(), "Chưa phát sinh kết quả mới trong kỳ.");
			}
		}
		return new Edit(texts, null, null);
	}

	/** The summary and every task-group section filled, so that the report can be approved. */
	public Edit fillAll(long id, String summary) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(ReportContent.SUMMARY, summary);
		String agency = jdbc.queryForObject(
				"SELECT a.name FROM periodic_report r JOIN agency a ON a.id = r.agency_id WHERE r.id = ?", String.class, id);
		String content = jdbc.queryForObject("SELECT content::text FROM periodic_report WHERE id = ?", String.class, id);
		Matcher m = GROUP.matcher(content == null ? "" : content);
		while (m.find()) {
			texts.put(m.group(1), agency + ": kết quả thực hiện nhóm nhiệm vụ " + m.group(1).substring(6) + ".");
		}
		return new Edit(texts, null, null);
	}
}
