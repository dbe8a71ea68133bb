package vn.nq57.ioc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorPublicBoard;
import vn.nq57.publicsite.PublicFigures;
import vn.nq57.task.TaskStatus;

/**
 * The feed's figures as flat keys (stable names, documented in the README): {@code tasks.total},
 * {@code tasks.status.OVERDUE}, {@code tasks.rate.over_due}, {@code indicator.<CODE>.value}, {@code indicator.<CODE>.period},
 * {@code indicator.<CODE>.status}… Values are plain strings (numbers with a dot, dates ISO), read from the public
 * figures, so the feed publishes exactly what the public pages do.
 */
@Component
class IocFigures {

	record Current(LocalDate asOf, Instant computedAt, Map<String, String> figures) {
	}

	private final PublicFigures figures;

	IocFigures(PublicFigures figures) {
		this.figures = figures;
	}

	static String num(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros().toPlainString();
	}

	Current current() {
		PublicFigures.Progress p = figures.progress();
		Map<String, String> m = new LinkedHashMap<>();
		m.put("tasks.total", String.valueOf(p.total().total()));
		for (TaskStatus s : PublicFigures.ORDER) {
			m.put("tasks.status." + s.name(), String.valueOf(p.total().count(s)));
		}
		m.put("tasks.rate.over_due", num(p.total().rateOverDue()));
		m.put("tasks.rate.over_all", num(p.total().rateOverAll()));
		m.put("tasks.rate.overdue", num(p.total().overdueRate()));
		for (IndicatorPublicBoard.Line l : figures.scoreboard(Locale.forLanguageTag("vi"))) {
			String k = "indicator." + l.code() + ".";
			m.put(k + "value", num(l.value()));
			m.put(k + "period", l.series().isEmpty() ? null : l.series().get(l.series().size() - 1).periodStart().toString());
			m.put(k + "target", num(l.target()));
			m.put(k + "target_year", l.targetYear() == null ? null : String.valueOf(l.targetYear()));
			m.put(k + "status", l.statusCode());
		}
		return new Current(p.asOf(), p.computedAt(), m);
	}

	static Map<String, String> visible(Map<String, String> all, Set<IocScope> scopes) {
		Map<String, String> out = new LinkedHashMap<>();
		all.forEach((k, v) -> {
			if (IocScope.allows(scopes, k)) {
				out.put(k, v);
			}
		});
		return out;
	}
}
