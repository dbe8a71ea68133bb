package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.Completeness.Cell;
import vn.nq57.reporting.Completeness.Counts;
import vn.nq57.reporting.CompletenessQueries.AgencyRow;
import vn.nq57.reporting.CompletenessQueries.Filter;
import vn.nq57.reporting.CompletenessQueries.Grid;
import vn.nq57.reporting.CompletenessQueries.PeriodTotals;
import vn.nq57.reporting.CompletenessQueries.UrgeRow;

/**
 * Four departments under a monthly regime from September 2026, seen on 22/11/2026:
 *
 * <pre>
 *            Tháng 9 (hạn 09/10)   Tháng 10 (hạn 09/11)        Tháng 11 (hạn 09/12)
 * STC        gửi 05/10 đúng hạn    gửi 12/11 muộn              –
 * SNV        gửi 08/10 đúng hạn    gửi 08/11, trả lại 10/11    –
 * BQLKKT     chưa gửi              chưa gửi                    –
 * SKHCN      gửi 15/10 muộn        gửi 09/11 đúng hạn          gửi sớm 22/11
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletenessQueriesTest {

	static final LocalDate TODAY = ReportingFixtures.TODAY;

	@Autowired org.springframework.context.MessageSource messages;
	@Autowired ReportingFixtures fx;
	@Autowired CompletenessQueries queries;
	@Autowired PeriodicReportService reports;
	@Autowired RegimeService regimes;
	@Autowired TestTasks tasks;
	@Autowired RunAs runAs;

	long regime;

	@BeforeAll
	void reports() {
		regime = fx.monthlyRegime(LocalDate.of(2026, 9, 1), "STC", "SNV", "BQLKKT", "SKHCN");
		fx.send(regime, "2026-09", "STC", "cb.stc", "gd.stc", LocalDate.of(2026, 10, 5), "Tháng 9 của Sở Tài chính");
		fx.send(regime, "2026-10", "STC", "cb.stc", "gd.stc", LocalDate.of(2026, 11, 12), "Tháng 10 của Sở Tài chính");
		fx.send(regime, "2026-09", "SNV", "cb.snv", "gd.snv", LocalDate.of(2026, 10, 8), "Tháng 9 của Sở Nội vụ");
		long snvOct = fx.send(regime, "2026-10", "SNV", "cb.snv", "gd.snv", LocalDate.of(2026, 11, 8), "Tháng 10 của Sở Nội vụ");
		fx.as("sokhcn", LocalDate.of(2026, 11, 10), () -> reports.returnReport(snvOct, "Thiếu kết quả nhóm IV"));
		fx.send(regime, "2026-09", "SKHCN", "cb.skhcn", "gd.skhcn", LocalDate.of(2026, 10, 15), "Tháng 9 của Sở KH&CN");
		fx.send(regime, "2026-10", "SKHCN", "cb.skhcn", "gd.skhcn", LocalDate.of(2026, 11, 9), "Tháng 10 của Sở KH&CN");
		fx.send(regime, "2026-11", "SKHCN", "cb.skhcn", "gd.skhcn", TODAY, "Tháng 11 của Sở KH&CN");
	}

	Grid grid(String only, String sort, String text) {
		return queries.grid(new Filter(regime, 2026, null, text, only, sort), TODAY, 0, 50);
	}

	Map<String, AgencyRow> byCode(Grid g) {
		return g.agencies().rows().stream().collect(Collectors.toMap(r -> code(r.agencyId()), r -> r));
	}

	String code(long agencyId) {
		for (String c : new String[] { "STC", "SNV", "BQLKKT", "SKHCN" }) {
			if (tasks.agency(c) == agencyId) {
				return c;
			}
		}
		return "?" + agencyId;
	}

	@Test
	@DisplayName("per period: September 3 of 4 received (75,00%), 2 on time (50,00%); October 2 of 4, 1 on time; November not counted yet")
	void perPeriod() {
		Grid g = grid(null, null, null);
		assertThat(g.periods()).extracting(ReportingPeriod::key).containsExactly("2026-09", "2026-10", "2026-11", "2026-12");
		PeriodTotals sep = g.totals().get(0);
		assertThat(sep.pastDue()).isTrue();
		assertThat(sep.counts()).isEqualTo(new Counts(4, 3, 2));
		assertThat(sep.counts().completeness()).isEqualByComparingTo(new BigDecimal("75.00"));
		assertThat(sep.counts().timeliness()).isEqualByComparingTo(new BigDecimal("50.00"));
		PeriodTotals oct = g.totals().get(1);
		assertThat(oct.counts()).isEqualTo(new Counts(4, 2, 1));
		assertThat(oct.returned()).isEqualTo(1);
		PeriodTotals nov = g.totals().get(2);
		assertThat(nov.pastDue()).isFalse();
		assertThat(nov.counts()).isEqualTo(Counts.NONE);
		assertThat(nov.owed()).isEqualTo(4);
		assertThat(nov.receivedSoFar()).isEqualTo(1);
		assertThat(g.overall()).isEqualTo(new Counts(8, 5, 3));
		assertThat(g.overall().completeness()).isEqualByComparingTo(new BigDecimal("62.50"));
		assertThat(g.overall().timeliness()).isEqualByComparingTo(new BigDecimal("37.50"));
	}

	@Test
	@DisplayName("per agency, with cells: missing, late, on time, returned; the SQL counts equal the cells counted in Java")
	void perAgency() {
		Map<String, AgencyRow> rows = byCode(grid(null, null, null));
		assertThat(rows).containsOnlyKeys("STC", "SNV", "BQLKKT", "SKHCN");
		Grid g = grid(null, null, null);
		ReportingPeriod sep = g.periods().get(0);
		ReportingPeriod oct = g.periods().get(1);
		ReportingPeriod nov = g.periods().get(2);
		assertThat(rows.get("STC").cell(sep)).isEqualTo(Cell.ON_TIME);
		assertThat(rows.get("STC").cell(oct)).isEqualTo(Cell.LATE);
		assertThat(rows.get("STC").cell(nov)).isEqualTo(Cell.PENDING);
		assertThat(rows.get("SNV").cell(oct)).isEqualTo(Cell.RETURNED);
		assertThat(rows.get("BQLKKT").cell(sep)).isEqualTo(Cell.MISSING);
		assertThat(rows.get("BQLKKT").cell(oct)).isEqualTo(Cell.MISSING);
		assertThat(rows.get("SKHCN").cell(sep)).isEqualTo(Cell.LATE);
		assertThat(rows.get("SKHCN").cell(nov)).isEqualTo(Cell.ON_TIME);
		assertThat(rows.get("STC").counts()).isEqualTo(new Counts(2, 2, 1));
		assertThat(rows.get("SNV").counts()).isEqualTo(new Counts(2, 1, 1));
		assertThat(rows.get("SNV").returned()).isEqualTo(1);
		assertThat(rows.get("BQLKKT").counts()).isEqualTo(new Counts(2, 0, 0));
		assertThat(rows.get("BQLKKT").counts().completeness()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(rows.get("SKHCN").counts()).isEqualTo(new Counts(2, 2, 1));
		for (AgencyRow r : rows.values()) {
			Counts fromCells = Counts.NONE;
			for (ReportingPeriod p : g.periods()) {
				if (r.cell(p) != null) {
					fromCells = fromCells.plus(r.cell(p), p.isPastDue(TODAY));
				}
			}
			assertThat(fromCells).as("SQL and Java agree for " + r.name()).isEqualTo(r.counts());
		}
		// the cells' words in the page's language: the Vietnamese byte for byte as before, and English
		AgencyRow snv = rows.get("SNV");
		assertThat(snv.cellsHtml(g.periods(), "/r/", cellLabels(java.util.Locale.forLanguageTag("vi"))))
			.isEqualTo(snv.cellsHtml(g.periods(), "/r/"));
		assertThat(snv.cellsHtml(g.periods(), "/r/", cellLabels(java.util.Locale.ENGLISH)))
			.contains(">Returned</a>").doesNotContain("Bị trả lại", "Đúng hạn", "Chưa");
	}

	private Map<Cell, String> cellLabels(java.util.Locale locale) {
		Map<Cell, String> labels = new java.util.EnumMap<>(Cell.class);
		for (Cell c : Cell.values()) {
			labels.put(c, messages.getMessage("reportCell." + c.name(), null, locale));
		}
		return labels;
	}

	@Test
	@DisplayName("filters and order: only missing, only those to urge, worst first, accent-insensitive search, pages")
	void filtersAndPages() {
		assertThat(byCode(grid("missing", null, null))).containsOnlyKeys("BQLKKT");
		assertThat(byCode(grid("urge", null, null))).containsOnlyKeys("BQLKKT", "SNV");
		assertThat(byCode(grid("late", null, null))).containsOnlyKeys("STC", "SKHCN");
		assertThat(byCode(grid("returned", null, null))).containsOnlyKeys("SNV");
		assertThat(grid(null, "worst", null).agencies().rows()).extracting(r -> code(r.agencyId())).startsWith("BQLKKT", "SNV");
		Grid finance = grid(null, null, "so tai chinh");
		assertThat(byCode(finance)).containsOnlyKeys("STC");
		assertThat(finance.overall()).as("totals follow the filter").isEqualTo(new Counts(2, 2, 1));
		assertThat(queries.grid(new Filter(regime, 2026, AgencyKind.COMMUNE, null, null, null), TODAY, 0, 50)
			.agencies().total()).isZero();
		var first = queries.grid(new Filter(regime, 2026, null, null, null, null), TODAY, 0, 3).agencies();
		var second = queries.grid(new Filter(regime, 2026, null, null, null, null), TODAY, 1, 3).agencies();
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.rows()).hasSize(3);
		assertThat(second.rows()).hasSize(1);
		assertThat(queries.grid(new Filter(regime, 2027, null, null, null, null), TODAY, 0, 50).periods()).isEmpty();
	}

	@Test
	@DisplayName("the agencies to urge: BQL with two reports missing first, then SNV with one returned")
	void urge() {
		var page = queries.urge(regime, 2026, TODAY, 0, 20);
		assertThat(page.rows()).extracting(r -> code(r.agencyId())).containsExactly("BQLKKT", "SNV");
		UrgeRow bql = page.rows().get(0);
		assertThat(bql.missing()).isEqualTo(2);
		assertThat(bql.oldestDue()).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(bql.periods()).contains("– Tháng 9/2026").contains("– Tháng 10/2026");
		UrgeRow snv = page.rows().get(1);
		assertThat(snv.returned()).isEqualTo(1);
		assertThat(snv.periods()).contains("(bị trả lại)");
	}

	@Test
	@DisplayName("per regime and overall for the year")
	void perRegime() {
		var mine = queries.byRegime(2026, TODAY).stream().filter(t -> t.regimeId() == regime).findFirst().orElseThrow();
		assertThat(mine.counts()).isEqualTo(new Counts(8, 5, 3));
		long skhcn = tasks.agency("SKHCN");
		Counts all = queries.forAgency(skhcn, 2026, TODAY);
		assertThat(all.expected()).isGreaterThanOrEqualTo(2);
		assertThat(queries.dueSoon(TODAY, 20)).anySatisfy(d -> {
			assertThat(d.period().regimeId()).isEqualTo(regime);
			assertThat(d.period().key()).isEqualTo("2026-11");
			assertThat(d.owed()).isEqualTo(4);
			assertThat(d.notReceived()).isEqualTo(3);
		});
	}

	@Test
	@DisplayName("by agency and by regime in one query: exactly the figures of the two queries apart")
	void byAgencyAndRegimeAgree() {
		for (LocalDate day : new LocalDate[] { TODAY, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 10, 10),
				LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1) }) {
			CompletenessQueries.AgencyAndRegime both = queries.byAgencyAndRegime(day.getYear(), day);
			assertThat(both.byAgency()).as("by agency on " + day).isEqualTo(queries.byAgency(day.getYear(), day));
			assertThat(both.byRegime()).as("by regime on " + day).isEqualTo(queries.byRegime(day.getYear(), day));
		}
		CompletenessQueries.AgencyAndRegime now = queries.byAgencyAndRegime(2026, TODAY);
		assertThat(now.byAgency().get(tasks.agency("STC"))).isNotNull();
		assertThat(now.byRegime()).anySatisfy(t -> {
			assertThat(t.regimeId()).isEqualTo(regime);
			assertThat(t.counts()).isEqualTo(new Counts(8, 5, 3));
		});
	}
}
