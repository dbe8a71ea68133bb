package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Period;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.reporting.ReportingCalendar.Version;

/** Periods, data windows, due and lock dates as a table of cases; no framework, no clock but the days given. */
class ReportingCalendarTest {

	/** The 2026 plan: "trước ngày 10 hằng tháng", "trước ngày 10 của tháng cuối quý", "trước ngày 10 tháng 11". */
	static final Rule MONTHLY = new Rule(2, 10, true, 1, 31, 10);
	static final Rule QUARTERLY = new Rule(3, 10, true, 2, 31, 10);
	static final Rule YEARLY = new Rule(11, 10, true, 10, 31, 10);

	static Rule rule(String name) {
		return switch (name) {
			case "plan-monthly" -> MONTHLY;
			case "plan-quarterly" -> QUARTERLY;
			case "plan-yearly" -> YEARLY;
			// Decree 09/2019 style: data 15th to 14th, due on the 20th (not "before")
			case "nd09-half" -> new Rule(6, 20, false, 6, 14, 5);
			case "nd09-monthly" -> new Rule(1, 20, false, 1, 14, 3);
			// due on the 31st of a short month: its last day
			case "end-of-month" -> new Rule(1, 31, false, 1, 31, 0);
			// "trước ngày 01" of the next month: the last day of the month itself
			case "before-first" -> new Rule(2, 1, true, 1, 31, 5);
			default -> throw new IllegalArgumentException(name);
		};
	}

	@ParameterizedTest(name = "{0} {1}-{2}: window {4}–{5}, due {6}, lock {7}")
	@CsvSource(delimiter = '|', textBlock = """
			# rule         | frequency   | year | index | label                 | window start | window end | last on-time day | lock
			plan-monthly   | MONTHLY     | 2026 | 1     | Tháng 1/2026          | 2026-01-01   | 2026-01-31 | 2026-02-09       | 2026-02-19
			plan-monthly   | MONTHLY     | 2026 | 2     | Tháng 2/2026          | 2026-02-01   | 2026-02-28 | 2026-03-09       | 2026-03-19
			plan-monthly   | MONTHLY     | 2026 | 10    | Tháng 10/2026         | 2026-10-01   | 2026-10-31 | 2026-11-09       | 2026-11-19
			plan-monthly   | MONTHLY     | 2026 | 12    | Tháng 12/2026         | 2026-12-01   | 2026-12-31 | 2027-01-09       | 2027-01-19
			plan-monthly   | MONTHLY     | 2028 | 2     | Tháng 2/2028          | 2028-02-01   | 2028-02-29 | 2028-03-09       | 2028-03-19
			plan-quarterly | QUARTERLY   | 2026 | 1     | Quý I/2026            | 2025-12-01   | 2026-02-28 | 2026-03-09       | 2026-03-19
			plan-quarterly | QUARTERLY   | 2026 | 2     | Quý II/2026           | 2026-03-01   | 2026-05-31 | 2026-06-09       | 2026-06-19
			plan-quarterly | QUARTERLY   | 2026 | 3     | Quý III/2026          | 2026-06-01   | 2026-08-31 | 2026-09-09       | 2026-09-19
			plan-quarterly | QUARTERLY   | 2026 | 4     | Quý IV/2026           | 2026-09-01   | 2026-11-30 | 2026-12-09       | 2026-12-19
			plan-yearly    | YEARLY      | 2026 | 1     | Năm 2026              | 2025-11-01   | 2026-10-31 | 2026-11-09       | 2026-11-19
			nd09-half      | HALF_YEARLY | 2026 | 1     | 6 tháng đầu năm 2026  | 2025-12-15   | 2026-06-14 | 2026-06-20       | 2026-06-25
			nd09-half      | HALF_YEARLY | 2026 | 2     | 6 tháng cuối năm 2026 | 2026-06-15   | 2026-12-14 | 2026-12-20       | 2026-12-25
			nd09-monthly   | MONTHLY     | 2026 | 3     | Tháng 3/2026          | 2026-02-15   | 2026-03-14 | 2026-03-20       | 2026-03-23
			end-of-month   | MONTHLY     | 2026 | 2     | Tháng 2/2026          | 2026-02-01   | 2026-02-28 | 2026-02-28       | 2026-02-28
			end-of-month   | MONTHLY     | 2026 | 4     | Tháng 4/2026          | 2026-04-01   | 2026-04-30 | 2026-04-30       | 2026-04-30
			before-first   | MONTHLY     | 2026 | 1     | Tháng 1/2026          | 2026-01-01   | 2026-01-31 | 2026-01-31       | 2026-02-05
			""")
	void periodDates(String rule, Frequency f, int year, int index, String label, LocalDate windowStart,
			LocalDate windowEnd, LocalDate due, LocalDate lock) {
		Period p = ReportingCalendar.period(f, year, index, rule(rule));
		assertThat(p.label()).isEqualTo(label);
		assertThat(p.windowStart()).as("window start").isEqualTo(windowStart);
		assertThat(p.windowEnd()).as("window end").isEqualTo(windowEnd);
		assertThat(p.dueDate()).as("last on-time day").isEqualTo(due);
		assertThat(p.lockDate()).as("lock date").isEqualTo(lock);
		assertThat(p.start()).isEqualTo(ReportingCalendar.start(f, year, index));
		assertThat(p.end()).isEqualTo(p.start().plusMonths(f.months()).minusDays(1));
	}

	@ParameterizedTest(name = "Tháng 10/2026 (hạn trước 10/11): sent {0} → on time {1}; on {2}: past due {3}, locked {4}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-01 | true  | 2026-11-08 | false | false
			2026-11-09 | true  | 2026-11-09 | false | false
			2026-11-10 | false | 2026-11-10 | true  | false
			2026-11-19 | false | 2026-11-19 | true  | false
			2026-11-20 | false | 2026-11-20 | true  | true
			2026-11-22 | false | 2026-11-22 | true  | true
			""")
	@DisplayName("'trước ngày 10' means the 9th is the last on-time day; the period locks 10 days after it")
	void timeliness(LocalDate sent, boolean onTime, LocalDate today, boolean pastDue, boolean locked) {
		Period oct = ReportingCalendar.period(Frequency.MONTHLY, 2026, 10, MONTHLY);
		assertThat(oct.isOnTime(sent)).isEqualTo(onTime);
		assertThat(oct.isPastDue(today)).isEqualTo(pastDue);
		assertThat(oct.isLocked(today)).isEqualTo(locked);
		assertThat(oct.hasStarted(LocalDate.of(2026, 9, 30))).isFalse();
		assertThat(oct.hasStarted(LocalDate.of(2026, 10, 1))).isTrue();
	}

	@Test
	@DisplayName("the 2026 plan puts two periods on one due day five times a year; both are periods of their own")
	void twoPeriodsDueTheSameDay() {
		LocalDate from = LocalDate.of(2026, 1, 1);
		LocalDate to = LocalDate.of(2026, 12, 31);
		List<Period> months = ReportingCalendar.periods(Frequency.MONTHLY, List.of(new Version(from, MONTHLY)), from, to);
		List<Period> quarters = ReportingCalendar.periods(Frequency.QUARTERLY, List.of(new Version(from, QUARTERLY)), from, to);
		List<Period> years = ReportingCalendar.periods(Frequency.YEARLY, List.of(new Version(from, YEARLY)), from, to);
		assertThat(months).hasSize(12);
		assertThat(quarters).hasSize(4);
		assertThat(years).hasSize(1);
		Map<LocalDate, List<String>> byDue = java.util.stream.Stream.of(months, quarters, years).flatMap(List::stream)
			.collect(Collectors.groupingBy(Period::dueDate, java.util.TreeMap::new,
					Collectors.mapping(Period::label, Collectors.toList())));
		Map<LocalDate, List<String>> shared = byDue.entrySet().stream().filter(e -> e.getValue().size() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
		assertThat(shared).containsExactly(
				Map.entry(LocalDate.of(2026, 3, 9), List.of("Tháng 2/2026", "Quý I/2026")),
				Map.entry(LocalDate.of(2026, 6, 9), List.of("Tháng 5/2026", "Quý II/2026")),
				Map.entry(LocalDate.of(2026, 9, 9), List.of("Tháng 8/2026", "Quý III/2026")),
				Map.entry(LocalDate.of(2026, 11, 9), List.of("Tháng 10/2026", "Năm 2026")),
				Map.entry(LocalDate.of(2026, 12, 9), List.of("Tháng 11/2026", "Quý IV/2026")));
		// consecutive windows neither overlap nor leave a gap
		for (int i = 1; i < months.size(); i++) {
			assertThat(months.get(i).windowStart()).isEqualTo(months.get(i - 1).windowEnd().plusDays(1));
		}
		for (int i = 1; i < quarters.size(); i++) {
			assertThat(quarters.get(i).windowStart()).isEqualTo(quarters.get(i - 1).windowEnd().plusDays(1));
		}
	}

	@Test
	@DisplayName("a rule changed on 05/07 governs from the first period that begins after it; July keeps the old one")
	void changedMidYear() {
		Rule later = new Rule(2, 15, true, 1, 31, 10);
		List<Version> versions = List.of(new Version(LocalDate.of(2026, 1, 1), MONTHLY),
				new Version(LocalDate.of(2026, 7, 5), later));
		List<Period> ps = ReportingCalendar.periods(Frequency.MONTHLY, versions, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		assertThat(ps).hasSize(12);
		assertThat(ps).extracting(Period::key).doesNotHaveDuplicates();
		Period jul = ps.get(6);
		Period aug = ps.get(7);
		assertThat(jul.label()).isEqualTo("Tháng 7/2026");
		assertThat(jul.dueDate()).isEqualTo(LocalDate.of(2026, 8, 9));
		assertThat(jul.version().rule()).isEqualTo(MONTHLY);
		assertThat(aug.dueDate()).isEqualTo(LocalDate.of(2026, 9, 14));
		assertThat(aug.windowStart()).isEqualTo(LocalDate.of(2026, 8, 1));
		assertThat(aug.version().rule()).isEqualTo(later);
	}

	@Test
	@DisplayName("a regime suspended from 01/07 has no periods after June; one starting 15/03 has none before April")
	void suspendedOrStartedMidYear() {
		LocalDate jan = LocalDate.of(2026, 1, 1);
		LocalDate dec = LocalDate.of(2026, 12, 31);
		assertThat(ReportingCalendar.periods(Frequency.MONTHLY,
				List.of(new Version(jan, MONTHLY), new Version(LocalDate.of(2026, 7, 1), null)), jan, dec))
			.extracting(Period::key)
			.containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
		assertThat(ReportingCalendar.periods(Frequency.MONTHLY, List.of(new Version(LocalDate.of(2026, 3, 15), MONTHLY)),
				jan, dec))
			.extracting(Period::key).startsWith("2026-04").hasSize(9);
		assertThat(ReportingCalendar.periods(Frequency.QUARTERLY, List.of(new Version(LocalDate.of(2026, 3, 15), QUARTERLY)),
				jan, dec))
			.extracting(Period::key).containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
	}

	@ParameterizedTest(name = "{0} {1}-{2} → {3} / {4}")
	@CsvSource(delimiter = '|', textBlock = """
			MONTHLY     | 2026 | 3  | 2026-03 | Tháng 3/2026
			MONTHLY     | 2026 | 11 | 2026-11 | Tháng 11/2026
			QUARTERLY   | 2026 | 1  | 2026-Q1 | Quý I/2026
			QUARTERLY   | 2026 | 4  | 2026-Q4 | Quý IV/2026
			HALF_YEARLY | 2026 | 2  | 2026-H2 | 6 tháng cuối năm 2026
			YEARLY      | 2026 | 1  | 2026    | Năm 2026
			""")
	void keysAndLabels(Frequency f, int year, int index, String key, String label) {
		assertThat(ReportingCalendar.key(f, year, index)).isEqualTo(key);
		assertThat(ReportingCalendar.label(f, year, index)).isEqualTo(label);
		assertThat(ReportingCalendar.parseKey(f, key)).containsExactly(year, index);
	}

	@ParameterizedTest
	@CsvSource({ "MONTHLY, 2026-13", "MONTHLY, 2026", "QUARTERLY, 2026-Q5", "YEARLY, 2026-03", "HALF_YEARLY, 2026-Q1", "MONTHLY, abc" })
	void badKeysAreRefusedInVietnamese(Frequency f, String key) {
		assertThatThrownBy(() -> ReportingCalendar.parseKey(f, key)).hasMessageContaining("không hợp lệ");
	}

	@Test
	void rulesThatMakeNoSenseAreRefused() {
		assertThatThrownBy(() -> new Rule(1, 10, true, 1, 31, 10)).hasMessage("Ngày chốt số liệu phải trước hoặc trùng hạn gửi báo cáo");
		assertThatThrownBy(() -> new Rule(0, 10, true, 1, 31, 10)).hasMessageContaining("Tháng của hạn gửi");
		assertThatThrownBy(() -> new Rule(2, 32, true, 1, 31, 10)).hasMessageContaining("Ngày của hạn gửi");
		assertThatThrownBy(() -> new Rule(2, 10, true, 1, 31, -1)).hasMessageContaining("gia hạn");
		assertThatThrownBy(() -> ReportingCalendar.start(Frequency.QUARTERLY, 2026, 5)).hasMessageContaining("Kỳ 5");
	}

	@Test
	@DisplayName("a rule is described in the words of a plan")
	void description() {
		assertThat(ReportingCalendar.describe(Frequency.MONTHLY, MONTHLY))
			.isEqualTo("Hạn gửi: trước ngày 10 của tháng sau; số liệu tính đến hết tháng báo cáo; khóa sổ 10 ngày sau hạn gửi");
		assertThat(ReportingCalendar.describe(Frequency.QUARTERLY, QUARTERLY))
			.isEqualTo("Hạn gửi: trước ngày 10 của tháng cuối quý; số liệu tính đến hết tháng thứ 2 của quý; khóa sổ 10 ngày sau hạn gửi");
		assertThat(ReportingCalendar.describe(Frequency.YEARLY, YEARLY))
			.isEqualTo("Hạn gửi: trước ngày 10 tháng 11; số liệu tính đến hết tháng 10; khóa sổ 10 ngày sau hạn gửi");
	}
}
