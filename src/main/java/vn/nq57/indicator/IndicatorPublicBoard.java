package vn.nq57.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The scoreboard as the public may see it (public pages, open data, the operations centre's feed): each active
 * indicator on the scoreboard with its latest <em>approved</em> province figure (from {@code indicator_rollup}, which
 * counts approved values only), its target, the level its trajectory expects and its status against the target, and
 * its recent approved figures. Nothing about single agencies' values, drafts, flags, notes or missing reports.
 */
@Component
public class IndicatorPublicBoard {

	/** One approved figure of the series. */
	public record Figure(LocalDate periodStart, String period, BigDecimal value, String shown) {
	}

	/** One indicator's public line. */
	public record Line(String code, String name, String category, String unit, String frequency, String agency,
			String period, BigDecimal value, String shown, String parts, Integer targetYear, BigDecimal target,
			String targetShown, String expectedShown, String statusCode, String statusLabel, String trend,
			List<Figure> series) {
	}

	private final IndicatorQueries queries;
	private final MessageSource messages;

	IndicatorPublicBoard(IndicatorQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	/** Today's public scoreboard in the given language (Vietnamese when {@code locale} is null). */
	public List<Line> lines(Locale locale) {
		Locale loc = locale == null ? Locale.forLanguageTag("vi") : locale;
		IndicatorQueries.Scoreboard board = queries.scoreboard(null, null);
		return board.rows().stream().map(r -> {
			IndicatorQueries.Shown s = r.shown(messages, loc);
			Indicator ind = r.ind();
			List<Figure> series = r.recent().stream().filter(p -> p.value() != null)
				.map(p -> new Figure(p.period().start(), p.period().label(loc), p.value(), ind.show(p.value())))
				.toList();
			return new Line(ind.code(), ind.name(), ind.category(), ind.unit(), ind.frequency().name(), r.agencyName(),
					r.latest() == null ? null : r.latest().period().label(loc), r.latest() == null ? null : r.latest().value(),
					s.value(), s.parts(), r.target() == null ? null : r.target().year(),
					r.target() == null ? null : r.target().value(), s.target(), s.expected(), r.status().name(),
					s.statusLabel(), r.trend(), series);
		}).toList();
	}
}
