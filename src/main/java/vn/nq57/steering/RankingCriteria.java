package vn.nq57.steering;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorStandings;
import vn.nq57.kernel.Rates;
import vn.nq57.reporting.Completeness;
import vn.nq57.reporting.CompletenessQueries;

/** The ranking's criteria of what exists today. */
final class RankingCriteria {

	private RankingCriteria() {
	}

	/** Completed on time ÷ (completed + overdue not done), over the agency's assignments as lead, on the day. */
	@Component
	static class OnTime implements RankingCriterion {

		private final StatusFigures figures;

		OnTime(StatusFigures figures) {
			this.figures = figures;
		}

		@Override
		public String code() {
			return "ON_TIME";
		}

		@Override
		public String label() {
			return "Tỷ lệ hoàn thành nhiệm vụ đúng hạn";
		}

		@Override
		public String definition() {
			return "số nhiệm vụ hoàn thành đúng hạn ÷ (số đã hoàn thành + số quá hạn chưa hoàn thành), tính đến ngày xếp hạng";
		}

		@Override
		public Map<Long, Rates.Ratio> byAgency(LocalDate day, Filter f) {
			return ratios(figures.byAgency(f, day, day));
		}

		/** The ratios from figures already counted (their {@code day}). */
		static Map<Long, Rates.Ratio> ratios(StatusFigures.ByAgency figures) {
			Map<Long, Rates.Ratio> out = new HashMap<>();
			figures.rows().forEach((agency, c) -> {
				long whole = c[0].completed() + c[0].overdue();
				if (whole > 0) {
					out.put(agency, new Rates.Ratio(c[0].onTime(), whole));
				}
			});
			return out;
		}
	}

	/** Reports received on time ÷ reports owed, over the year's periods already due. */
	@Component
	static class Reports implements RankingCriterion {

		private final CompletenessQueries completeness;
		private final FigureCache cache;

		Reports(CompletenessQueries completeness, FigureCache cache) {
			this.completeness = completeness;
			this.cache = cache;
		}

		@Override
		public String code() {
			return "REPORTS";
		}

		@Override
		public String label() {
			return "Tỷ lệ báo cáo định kỳ gửi đúng hạn";
		}

		@Override
		public String definition() {
			return "số báo cáo gửi đúng hạn ÷ số báo cáo phải gửi của các kỳ đã đến hạn trong năm";
		}

		@Override
		public Map<Long, Rates.Ratio> byAgency(LocalDate day, Filter f) {
			Map<Long, Rates.Ratio> out = new HashMap<>();
			for (Map.Entry<Long, Completeness.Counts> e : BoardWidgets.Reports
				.figures(cache, completeness, day.getYear(), day.plusDays(1)).byAgency().entrySet()) {
				if (e.getValue().expected() > 0) {
					out.put(e.getKey(), new Rates.Ratio(e.getValue().onTime(), e.getValue().expected()));
				}
			}
			return out;
		}
	}

	/** Indicators the agency is responsible for that met their target or are on their trajectory ÷ those judged. */
	@Component
	static class Indicators implements RankingCriterion {

		private final IndicatorStandings standings;
		private final FigureCache cache;

		Indicators(IndicatorStandings standings, FigureCache cache) {
			this.standings = standings;
			this.cache = cache;
		}

		@Override
		public String code() {
			return "INDICATORS";
		}

		@Override
		public String label() {
			return "Tỷ lệ chỉ số đạt chỉ tiêu hoặc đúng lộ trình";
		}

		@Override
		public String definition() {
			return "số chỉ số do cơ quan phụ trách đạt chỉ tiêu hoặc đúng lộ trình ÷ số chỉ số có chỉ tiêu và số liệu";
		}

		@Override
		public Map<Long, Rates.Ratio> byAgency(LocalDate day, Filter f) {
			Map<Long, Rates.Ratio> out = new HashMap<>();
			for (IndicatorStandings.Standing s : cache.get("indicators|" + day, () -> standings.on(day))) {
				if (s.judged()) {
					out.merge(s.responsibleAgencyId(), new Rates.Ratio(s.onCourse() ? 1 : 0, 1), Rates.Ratio::plus);
				}
			}
			return out;
		}
	}
}
