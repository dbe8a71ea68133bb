package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.indicator.TargetStatus.Assessment;
import vn.nq57.indicator.TargetStatus.Point;

class TargetStatusTest {

	static final BigDecimal GREEN = BigDecimal.valueOf(100);
	static final BigDecimal AMBER = BigDecimal.valueOf(80);

	/** Targets written "2026:60 2030:80". */
	static NavigableMap<Integer, BigDecimal> targets(String s) {
		NavigableMap<Integer, BigDecimal> m = new TreeMap<>();
		if (s != null) {
			for (String t : s.trim().split("\\s+")) {
				String[] p = t.split(":");
				m.put(Integer.parseInt(p[0]), new BigDecimal(p[1]));
			}
		}
		return m;
	}

	@ParameterizedTest(name = "{0}, baseline {1} on {2}, targets {3}: {4} on {5} → {6}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# 5G coverage: baseline 40% at the end of 2025, target 60% in 2026; by 30/06/2026 the line expects 49,92%
			HIGHER | 40    | 2025-12-31 | 2026:60         | 50    | 2026-06-30 | ON_TRACK
			HIGHER | 40    | 2025-12-31 | 2026:60         | 48.5  | 2026-06-30 | AT_RISK
			HIGHER | 40    | 2025-12-31 | 2026:60         | 45    | 2026-06-30 | OFF_TRACK
			HIGHER | 40    | 2025-12-31 | 2026:60         | 60    | 2026-06-30 | ACHIEVED
			HIGHER | 40    | 2025-12-31 | 2026:60         | 61    | 2026-03-31 | ACHIEVED
			# at the end of the target year, short of it: the target is missed
			HIGHER | 40    | 2025-12-31 | 2026:60         | 59    | 2026-12-31 | OFF_TRACK
			# after the last target's year, judged against it
			HIGHER | 40    | 2025-12-31 | 2026:60         | 59    | 2027-03-31 | OFF_TRACK
			# a 2027 value is judged against 2030, on the line from the 2026 target
			HIGHER | 40    | 2025-12-31 | 2026:60 2030:80 | 65    | 2027-12-31 | ON_TRACK
			HIGHER | 40    | 2025-12-31 | 2026:60 2030:80 | 63    | 2027-12-31 | OFF_TRACK
			HIGHER | 40    | 2025-12-31 | 2026:60 2030:80 | 64.2  | 2027-12-31 | AT_RISK
			# reuse of administrative-procedure data: 74,08% in 2024 towards 100% in 2026
			HIGHER | 74.08 | 2024-12-31 | 2026:100        | 93    | 2026-09-30 | AT_RISK
			HIGHER | 74.08 | 2024-12-31 | 2026:100        | 85    | 2026-09-30 | OFF_TRACK
			HIGHER | 74.08 | 2024-12-31 | 2026:100        | 97    | 2026-09-30 | ON_TRACK
			# lower is better: late dossiers 10% towards 4% in 2026
			LOWER  | 10    | 2025-12-31 | 2026:4          | 7     | 2026-06-30 | ON_TRACK
			LOWER  | 10    | 2025-12-31 | 2026:4          | 7.5   | 2026-06-30 | AT_RISK
			LOWER  | 10    | 2025-12-31 | 2026:4          | 9     | 2026-06-30 | OFF_TRACK
			LOWER  | 10    | 2025-12-31 | 2026:4          | 4     | 2026-06-30 | ACHIEVED
			# no starting point: the value against the target itself (budget share 2,5% of 3%)
			HIGHER | -     | -          | 2026:3          | 2.5   | 2026-11-22 | AT_RISK
			HIGHER | -     | -          | 2026:3          | 2     | 2026-11-22 | OFF_TRACK
			HIGHER | -     | -          | 2026:3          | 3.1   | 2026-11-22 | ACHIEVED
			# the value on the baseline's day is where the line starts
			HIGHER | 40    | 2026-03-31 | 2026:60         | 40    | 2026-03-31 | ON_TRACK
			# no target, no value
			HIGHER | 40    | 2025-12-31 | -               | 50    | 2026-06-30 | NO_TARGET
			HIGHER | 40    | 2025-12-31 | 2026:60         | -     | 2026-06-30 | NO_DATA
			""")
	@DisplayName("status against the target on fixed dates")
	void statusOnADay(Direction d, BigDecimal base, LocalDate baseDay, String targets, BigDecimal value, LocalDate day,
			TargetStatus expected) {
		Point baseline = base == null ? null : new Point(baseDay, base);
		Point latest = value == null ? null : new Point(day, value);
		Assessment a = TargetStatus.assess(d, targets(targets), baseline, latest, GREEN, AMBER);
		assertThat(a.status()).isEqualTo(expected);
	}

	@Test
	@DisplayName("the assessment says what the value was measured against")
	void explains() {
		Assessment a = TargetStatus.assess(Direction.HIGHER, targets("2026:60"), new Point(LocalDate.of(2025, 12, 31),
				BigDecimal.valueOf(40)), new Point(LocalDate.of(2026, 6, 30), new BigDecimal("48.5")), GREEN, AMBER);
		assertThat(a.targetYear()).isEqualTo(2026);
		assertThat(a.target()).isEqualByComparingTo("60");
		assertThat(a.expected()).isEqualByComparingTo("49.9178");
		assertThat(a.progressPct()).isEqualByComparingTo("85.7");
	}

	@Test
	@DisplayName("the thresholds are the indicator's: with amber at 90%, 85,7% of the way is off track")
	void thresholdsAreTheIndicators() {
		Assessment a = TargetStatus.assess(Direction.HIGHER, targets("2026:60"), new Point(LocalDate.of(2025, 12, 31),
				BigDecimal.valueOf(40)), new Point(LocalDate.of(2026, 6, 30), new BigDecimal("48.5")), GREEN,
				BigDecimal.valueOf(90));
		assertThat(a.status()).isEqualTo(TargetStatus.OFF_TRACK);
	}
}
