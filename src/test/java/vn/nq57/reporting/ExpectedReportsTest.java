package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyDirectory.AgencyForm;
import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/** Which agency owes which report: two periods on one day, a rule changed, agencies created and merged mid-year. */
@IntegrationTest
class ExpectedReportsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
	static final Rule MONTHLY = new Rule(2, 10, true, 1, 31, 10);
	static final Rule QUARTERLY = new Rule(3, 10, true, 2, 31, 10);
	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired RegimeService regimes;
	@Autowired AgencyDirectory agencies;
	@Autowired RunAs runAs;
	@Autowired AppClock clock;
	@Autowired JdbcTemplate jdbc;
	@Autowired CompletenessQueries completeness;

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	long regime(Frequency f, Rule rule, LocalDate from, Set<AgencyKind> kinds) {
		int n = SEQ.incrementAndGet();
		return runAs.user("sokhcn", () -> regimes.createRegime("KT-EXP-" + n + "-" + System.nanoTime() % 100000,
				"Chế độ kiểm thử " + n, f, null, "kiểm thử", from, rule, kinds));
	}

	Agency agency(String name, AgencyKind kind) {
		String code = "KT-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 1000000;
		return runAs.user("admin", () -> agencies.save(null,
				new AgencyForm(code, name + " " + code, null, kind, Set.of(), List.of(), null, true), null));
	}

	List<String> expectedKeys(long regimeId, long agencyId) {
		return jdbc.queryForList("""
				SELECT p.period_key FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE p.regime_id = ? AND r.agency_id = ? AND r.expected ORDER BY p.starts_on""", String.class, regimeId, agencyId);
	}

	/**
	 * What the completeness grid counts for the agency in the regime's year 2026, on the clock's day: expected are
	 * the reports of periods already due.
	 */
	Completeness.Counts counted(long regimeId, long agencyId) {
		CompletenessQueries.Grid g = completeness.grid(new CompletenessQueries.Filter(regimeId, 2026, null, null, null, null),
				clock.today(), 0, 10_000);
		return g.agencies().rows().stream().filter(r -> r.agencyId() == agencyId).findFirst()
			.map(CompletenessQueries.AgencyRow::counts).orElse(Completeness.Counts.NONE);
	}

	@Test
	@DisplayName("the February report and the Q1 report are both due 09/03/2026: two expected reports, not one")
	void twoPeriodsSameDay() {
		long monthly = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.noneOf(AgencyKind.class));
		long quarterly = regime(Frequency.QUARTERLY, QUARTERLY, LocalDate.of(2026, 1, 1), EnumSet.noneOf(AgencyKind.class));
		long stc = agencies.findByCode("STC").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.addAgencyRule(monthly, stc, true, null, "kiểm thử"));
		runAs.user("sokhcn", () -> regimes.addAgencyRule(quarterly, stc, true, null, "kiểm thử"));
		Integer dueThatDay = jdbc.queryForObject("""
				SELECT count(*) FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE p.regime_id IN (?, ?) AND r.agency_id = ? AND r.expected AND p.due_date = DATE '2026-03-09'""",
				Integer.class, monthly, quarterly, stc);
		assertThat(dueThatDay).isEqualTo(2);
		assertThat(expectedKeys(monthly, stc)).hasSize(12).startsWith("2026-01").endsWith("2026-12");
		assertThat(expectedKeys(quarterly, stc)).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
		assertThat(regimes.period(monthly, "2026-02").dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(regimes.period(quarterly, "2026-Q1").dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
		// syncing again changes nothing
		regimes.sync();
		assertThat(expectedKeys(monthly, stc)).hasSize(12);
		// counted on 22/11: January to October (October's due 09/11) and the first three quarters, nothing received
		assertThat(counted(monthly, stc)).isEqualTo(new Completeness.Counts(10, 0, 0));
		assertThat(counted(quarterly, stc)).isEqualTo(new Completeness.Counts(3, 0, 0));
		clock.fixAt(LocalDate.of(2026, 3, 10));
		assertThat(counted(monthly, stc).expected()).as("January and February, due 09/02 and 09/03").isEqualTo(2);
		assertThat(counted(quarterly, stc).expected()).as("the first quarter, due 09/03 too").isEqualTo(1);
	}

	@Test
	@DisplayName("a rule changed on 05/07 moves the due dates of August on, keeps July's, and keeps 12 expected reports")
	void ruleChangedMidYear() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.noneOf(AgencyKind.class));
		long snv = agencies.findByCode("SNV").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.addAgencyRule(r, snv, true, null, null));
		clock.fixAt(LocalDate.of(2026, 7, 5));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> regimes.changeRule(r, LocalDate.of(2026, 7, 1),
				new Rule(2, 15, true, 1, 31, 10), EnumSet.noneOf(AgencyKind.class), null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("01/07/2026").hasMessageContaining("trước ngày hôm nay");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> regimes.changeRule(r, LocalDate.of(2026, 7, 5),
				new Rule(2, 15, true, 1, 31, 10), EnumSet.noneOf(AgencyKind.class), null, null)))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> regimes.changeRule(r, LocalDate.of(2026, 7, 5), new Rule(2, 15, true, 1, 31, 10),
				EnumSet.noneOf(AgencyKind.class), "Điều chỉnh theo văn bản mới", null));
		assertThat(regimes.period(r, "2026-06").dueDate()).isEqualTo(LocalDate.of(2026, 7, 9));
		assertThat(regimes.period(r, "2026-07").dueDate()).isEqualTo(LocalDate.of(2026, 8, 9));
		assertThat(regimes.period(r, "2026-08").dueDate()).isEqualTo(LocalDate.of(2026, 9, 14));
		assertThat(regimes.period(r, "2026-12").dueDate()).isEqualTo(LocalDate.of(2027, 1, 14));
		assertThat(expectedKeys(r, snv)).hasSize(12).doesNotHaveDuplicates();
		assertThat(regimes.regime(r).versions()).hasSize(2);
		clock.fixAt(TODAY);
		regimes.sync();
		assertThat(expectedKeys(r, snv)).hasSize(12);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'REGIME_CHANGED' AND entity_id = ?",
				Integer.class, r)).isEqualTo(1);
		// on 22/11 January to October are due (October's on 14/11 under the new rule), November (14/12) not yet
		assertThat(counted(r, snv)).isEqualTo(new Completeness.Counts(10, 0, 0));
		clock.fixAt(LocalDate.of(2026, 9, 10));
		assertThat(counted(r, snv).expected()).as("August is due 14/09 now, no longer 09/09").isEqualTo(7);
	}

	@Test
	@DisplayName("a regime suspended from 01/12 has no December period; the reports already owed stay owed")
	void suspended() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.noneOf(AgencyKind.class));
		long bql = agencies.findByCode("BQLKKT").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.addAgencyRule(r, bql, true, null, null));
		runAs.user("sokhcn", () -> regimes.changeRule(r, LocalDate.of(2026, 12, 1), null, EnumSet.noneOf(AgencyKind.class),
				"Tạm ngừng", null));
		assertThat(expectedKeys(r, bql)).hasSize(11).endsWith("2026-11");
		assertThat(regimes.periods(r, 2026)).hasSize(11);
	}

	@Test
	@DisplayName("an agency created on 15/07 owes the reports due from then on; DoST can date it back to 01/07")
	void agencyCreatedMidYear() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.of(AgencyKind.UNIVERSITY));
		long q = regime(Frequency.QUARTERLY, QUARTERLY, LocalDate.of(2026, 1, 1), EnumSet.of(AgencyKind.UNIVERSITY));
		clock.fixAt(LocalDate.of(2026, 7, 15));
		Agency created = agency("Trường Cao đẳng mới thành lập", AgencyKind.UNIVERSITY);
		regimes.sync();
		// July's report (due 09/08) on; June's (due 09/07) was due before the agency existed
		assertThat(expectedKeys(r, created.getId())).containsExactly("2026-07", "2026-08", "2026-09", "2026-10",
				"2026-11", "2026-12");
		assertThat(expectedKeys(q, created.getId())).containsExactly("2026-Q3", "2026-Q4");
		clock.fixAt(TODAY);
		regimes.sync();
		assertThat(expectedKeys(r, created.getId())).hasSize(6);
		runAs.user("sokhcn", () -> regimes.setSpan(created.getId(), LocalDate.of(2026, 7, 1), null, null,
				"Quyết định thành lập ngày 01/7/2026"));
		assertThat(expectedKeys(r, created.getId())).hasSize(7).startsWith("2026-06");
		// counted on 22/11: June to October; none of the months before it existed
		assertThat(counted(r, created.getId())).isEqualTo(new Completeness.Counts(5, 0, 0));
		assertThat(counted(q, created.getId()).expected()).as("the third quarter; the fourth is due 09/12").isEqualTo(1);
		// an agency of the same kind that existed all along owes all twelve
		long dhpvd = agencies.findByCode("DHPVD").orElseThrow().getId();
		assertThat(expectedKeys(r, dhpvd)).hasSize(12);
	}

	@Test
	@DisplayName("an agency merged into another on 01/07 owes the reports due until 30/06, and no more")
	void agencyMergedMidYear() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.of(AgencyKind.UNIVERSITY));
		clock.fixAt(LocalDate.of(2026, 1, 2));
		Agency merged = agency("Trường Trung cấp sáp nhập", AgencyKind.UNIVERSITY);
		regimes.sync();
		assertThat(expectedKeys(r, merged.getId())).hasSize(12);
		clock.fixAt(LocalDate.of(2026, 7, 1));
		runAs.user("admin", () -> agencies.save(merged.getId(), new AgencyForm(merged.getCode(), merged.getName(), null,
				AgencyKind.UNIVERSITY, Set.of(), List.of(), null, false), null));
		regimes.sync();
		assertThat(expectedKeys(r, merged.getId())).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05");
		RegimeService.Span span = regimes.span(merged.getId());
		assertThat(span.reportsUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(span.untilAuto()).isTrue();
		clock.fixAt(TODAY);
		regimes.sync();
		assertThat(expectedKeys(r, merged.getId())).hasSize(5);
		long dhpvd = agencies.findByCode("DHPVD").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.setSpan(merged.getId(), null, LocalDate.of(2026, 6, 30), dhpvd,
				"Sáp nhập vào Trường Đại học Phạm Văn Đồng"));
		assertThat(regimes.span(merged.getId()).successorName()).contains("Phạm Văn Đồng");
		assertThat(expectedKeys(r, merged.getId())).hasSize(5);
		// counted on 22/11: January to May, not the ten months a live agency owes by now
		assertThat(counted(r, merged.getId())).isEqualTo(new Completeness.Counts(5, 0, 0));
		assertThat(counted(r, dhpvd).expected()).isEqualTo(10);
	}

	@Test
	@DisplayName("an agency excluded from 01/10 stops owing reports due after that; an inclusion adds one of another kind")
	void includeAndExclude() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.of(AgencyKind.UNIVERSITY));
		long dhpvd = agencies.findByCode("DHPVD").orElseThrow().getId();
		long stc = agencies.findByCode("STC").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.addAgencyRule(r, dhpvd, false, LocalDate.of(2026, 10, 1), "Miễn báo cáo"));
		assertThat(expectedKeys(r, dhpvd)).hasSize(8).endsWith("2026-08");
		assertThat(expectedKeys(r, stc)).isEmpty();
		long include = runAs.user("sokhcn", () -> regimes.addAgencyRule(r, stc, true, LocalDate.of(2026, 11, 1), null));
		assertThat(expectedKeys(r, stc)).containsExactly("2026-10", "2026-11", "2026-12");
		runAs.user("sokhcn", () -> regimes.endAgencyRule(include, LocalDate.of(2026, 12, 31)));
		assertThat(expectedKeys(r, stc)).containsExactly("2026-10", "2026-11");
		long collective = agencies.findByCode("G-SBNDP").orElseThrow().getId();
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> regimes.addAgencyRule(r, collective, true, null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("nhóm cơ quan");
	}

	@Test
	@DisplayName("a province that starts tracking in September owes, in the system, the reports due from 01/09 on")
	void expectedFromGoLive() {
		long r = regime(Frequency.MONTHLY, MONTHLY, LocalDate.of(2026, 1, 1), EnumSet.noneOf(AgencyKind.class));
		long snv = agencies.findByCode("SNV").orElseThrow().getId();
		runAs.user("sokhcn", () -> regimes.addAgencyRule(r, snv, true, null, null));
		assertThat(expectedKeys(r, snv)).hasSize(12);
		runAs.user("sokhcn", () -> regimes.setExpectedFrom(r, LocalDate.of(2026, 9, 1), "Bắt đầu dùng hệ thống"));
		assertThat(expectedKeys(r, snv)).containsExactly("2026-08", "2026-09", "2026-10", "2026-11", "2026-12");
		assertThat(regimes.regime(r).expectedFrom()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> regimes.setExpectedFrom(r, null, null)))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> regimes.setExpectedFrom(r, null, null));
		assertThat(expectedKeys(r, snv)).hasSize(12);
	}

	@Test
	@DisplayName("the 2026 plan's regime is there by default: every department and commune owes the October report by 09/11")
	void defaultRegime() {
		RegimeService.Regime monthly = regimes.regimes().stream().filter(x -> x.code().equals("KH2026-THANG")).findFirst()
			.orElseThrow();
		assertThat(monthly.describe(TODAY)).isEqualTo(
				"Hạn gửi: trước ngày 10 của tháng sau; số liệu tính đến hết tháng báo cáo; khóa sổ 10 ngày sau hạn gửi");
		ReportingPeriod oct = regimes.period(monthly.id(), "2026-10");
		assertThat(oct.dueDate()).isEqualTo(LocalDate.of(2026, 11, 9));
		assertThat(oct.label()).isEqualTo("Tháng 10/2026");
		long stc = agencies.findByCode("STC").orElseThrow().getId();
		long lyson = agencies.findByCode("DK-LYSON").orElseThrow().getId();
		long vnpt = agencies.findByCode("VNPT").orElseThrow().getId();
		assertThat(expectedKeys(monthly.id(), stc)).contains("2026-10");
		assertThat(expectedKeys(monthly.id(), lyson)).contains("2026-10");
		assertThat(expectedKeys(monthly.id(), vnpt)).as("an enterprise does not report under the plan").isEmpty();
		assertThat(regimes.periods(monthly.id(), 2026)).hasSize(12);
	}
}
