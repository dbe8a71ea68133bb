package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AppClock;

/** The scoreboard's verdict for one indicator as the days go by (the clock moved, then put back). */
@IntegrationTest
class IndicatorStatusTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired Fixtures fx;
	@Autowired IndicatorQueries queries;
	@Autowired AppClock clock;

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	IndicatorQueries.ScoreRow row(String code) {
		return queries.scoreboard(null, null).rows().stream().filter(r -> r.ind().code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	@DisplayName("5G coverage from 40% (2025) towards 60% (2026), quarter by quarter, judged on fixed dates")
	void quarterByQuarter() {
		IndicatorForm f = fx.entered(Fixtures.code("5GDS"), "%");
		f.setBaselineValue("40");
		f.setBaselineYear("2025");
		f.setTargets("2026: 60");
		String code = fx.save(f).code();

		clock.fixAt(LocalDate.of(2026, 3, 15));
		assertThat(row(code).status()).isEqualTo(TargetStatus.NO_DATA);

		// Q1 on the line (the line expects 44,93% on 31/03/2026)
		clock.fixAt(LocalDate.of(2026, 4, 5));
		fx.enter("gd.skhcn", code, "2026-Q1", "45");
		assertThat(row(code).status()).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(row(code).missingPastDue()).isZero();

		// Q2 due 10/07: on 11/07, still missing → flagged; the status is still Q1's
		clock.fixAt(LocalDate.of(2026, 7, 11));
		assertThat(row(code).missingPastDue()).isEqualTo(1);
		assertThat(row(code).duePeriod().label()).isEqualTo("Quý II/2026");
		assertThat(row(code).status()).isEqualTo(TargetStatus.ON_TRACK);

		// 48,5% at 30/06 when the line expects 49,92%: 85,7% of the way, at risk
		fx.enter("gd.skhcn", code, "2026-Q2", "48.5");
		assertThat(row(code).status()).isEqualTo(TargetStatus.AT_RISK);
		assertThat(row(code).assessment().progressPct()).isEqualByComparingTo("85.7");
		assertThat(row(code).missingPastDue()).isZero();

		// 50% at 30/09 when the line expects 54,96%: off track
		clock.fixAt(LocalDate.of(2026, 10, 8));
		fx.enter("gd.skhcn", code, "2026-Q3", "50");
		assertThat(row(code).status()).isEqualTo(TargetStatus.OFF_TRACK);

		// 60% in Q4: achieved
		clock.fixAt(LocalDate.of(2027, 1, 5));
		fx.enter("gd.skhcn", code, "2026-Q4", "60");
		assertThat(row(code).status()).isEqualTo(TargetStatus.ACHIEVED);
		assertThat(row(code).trend()).isEqualTo("↑");
		assertThat(row(code).spark()).isNotNull();
	}

	@Test
	@DisplayName("the year ends short of the target: off track, whatever the progress")
	void missedTarget() {
		IndicatorForm f = fx.entered(Fixtures.code("MISS"), "%");
		f.setFrequency("YEARLY");
		f.setBaselineValue("74,08");
		f.setBaselineYear("2025");
		f.setTargets("2026: 100");
		String code = fx.save(f).code();
		clock.fixAt(LocalDate.of(2027, 1, 5));
		fx.enter("gd.skhcn", code, "2026", "99");
		assertThat(row(code).status()).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	@DisplayName("lower is better: late dossiers falling from 10% towards 4%")
	void lowerIsBetter() {
		IndicatorForm f = fx.entered(Fixtures.code("LATE"), "%");
		f.setDirection("LOWER");
		f.setBaselineValue("10");
		f.setBaselineYear("2025");
		f.setTargets("2026: 4");
		String code = fx.save(f).code();
		clock.fixAt(LocalDate.of(2026, 7, 11));
		fx.enter("gd.skhcn", code, "2026-Q2", "7");
		assertThat(row(code).status()).isEqualTo(TargetStatus.ON_TRACK);
		fx.enter("gd.skhcn", code, "2026-Q2", "9");
		assertThat(row(code).status()).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	@DisplayName("without a baseline a single value is judged against the target itself")
	void noBaseline() {
		IndicatorForm f = fx.entered(Fixtures.code("NOBASE"), "%");
		f.setFrequency("YEARLY");
		f.setTargets("2026: 15");
		String code = fx.save(f).code();
		fx.enter("gd.skhcn", code, "2026", "11");
		assertThat(row(code).status()).isEqualTo(TargetStatus.OFF_TRACK);
		fx.enter("gd.skhcn", code, "2026", "12.5");
		assertThat(row(code).status()).isEqualTo(TargetStatus.AT_RISK);
	}
}
