package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.system.AuditLog;

/**
 * The changes of an indicator's values of one period as the audit trail recorded them: who, when, what
 * (entered, corrected, approved, returned), for which agency, and the value before and after. Read from the
 * audit trail ({@link AuditLog}: the record of every change, with the state before and after), so the indicator
 * page shows the same story an inspection would read.
 */
@Component
class IndicatorHistory {

	static final int SHOWN = 100;

	/** One change, ready to print. */
	record Change(long valueId, String agencyName, String period, Instant at, String actor, String action,
			String before, String after, String note) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json;
	private final AuditLog audit;

	IndicatorHistory(NamedParameterJdbcTemplate jdbc, JsonMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	/** The newest changes first, at most {@value #SHOWN}; {@code agencyId} narrows them to one agency's value. */
	List<Change> changes(Indicator ind, Period period, Long agencyId) {
		return changes(ind, period, agencyId, null, null);
	}

	/**
	 * {@link #changes(Indicator, Period, Long)} worded in the page's language (the {@code indicatorAction.*},
	 * {@code valueState.*} and {@code indicatorHistory.*} keys); without {@code messages}, in Vietnamese.
	 */
	List<Change> changes(Indicator ind, Period period, Long agencyId, MessageSource messages, Locale locale) {
		IndicatorQueries.Words w = new IndicatorQueries.Words(messages, locale);
		MapSqlParameterSource p = new MapSqlParameterSource("id", ind.id()).addValue("p", Date.valueOf(period.start()))
			.addValue("agency", agencyId);
		Map<Long, String> agencyOfValue = new HashMap<>();
		jdbc.query("""
				SELECT v.id, a.name FROM indicator_value v JOIN agency_view a ON a.id = v.agency_id
				WHERE v.indicator_id = :id AND v.period_start = :p
				  AND (CAST(:agency AS bigint) IS NULL OR v.agency_id = :agency)""", p,
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					agencyOfValue.put(rs.getLong(1), rs.getString(2));
				});
		return audit.latest("INDICATOR_VALUE", agencyOfValue.keySet(), "INDICATOR_VALUE_", SHOWN).stream()
			.map(e -> {
				JsonNode before = parse(e.before());
				JsonNode after = parse(e.after());
				return new Change(e.entityId(), agencyOfValue.get(e.entityId()), period.label(locale), e.occurredAt(),
						e.actorName(), w.get("indicatorAction." + e.action(), label(e.action())), state(ind, before, w),
						state(ind, after, w), note(e.action(), after, w));
			})
			.toList();
	}

	static String label(String action) {
		return switch (action) {
			case "INDICATOR_VALUE_ENTERED" -> "Nhập số liệu";
			case "INDICATOR_VALUE_CORRECTED" -> "Sửa số liệu";
			case "INDICATOR_VALUE_APPROVED" -> "Thủ trưởng duyệt";
			case "INDICATOR_VALUE_RETURNED" -> "Sở KH&CN trả lại";
			default -> action;
		};
	}

	/** {@code 4/5 = 80,00% · Đã duyệt}, or a dash when there was no value yet. */
	static String state(Indicator ind, JsonNode s) {
		return state(ind, s, new IndicatorQueries.Words(null, null));
	}

	static String state(Indicator ind, JsonNode s, IndicatorQueries.Words w) {
		if (s == null || s.isNull() || s.isMissingNode()) {
			return "–";
		}
		BigDecimal value = number(s, "value");
		BigDecimal num = number(s, "numerator");
		BigDecimal den = number(s, "denominator");
		String st = text(s, "state");
		StringBuilder sb = new StringBuilder();
		if (num != null && den != null) {
			sb.append(ind.part(num)).append('/').append(ind.part(den)).append(" = ");
		}
		sb.append(ind.show(value));
		if (st != null) {
			try {
				ValueState vs = ValueState.valueOf(st);
				sb.append(" · ").append(w.get("valueState." + vs.name(), vs.label()));
			}
			catch (IllegalArgumentException e) {
				sb.append(" · ").append(st);
			}
		}
		BigDecimal approved = number(s, "approvedValue");
		if (ValueState.DRAFT.name().equals(st) && approved != null) {
			String shown = ind.show(approved);
			sb.append(' ').append(w.get("indicatorHistory.approvedStill", "(số liệu đã duyệt vẫn là " + shown + ")", shown));
		}
		return sb.toString();
	}

	private static String note(String action, JsonNode after, IndicatorQueries.Words w) {
		if (after == null) {
			return null;
		}
		if ("INDICATOR_VALUE_RETURNED".equals(action)) {
			String r = text(after, "returnReason");
			return r == null ? null : w.get("indicatorHistory.reason", "Lý do: " + r, r);
		}
		String flag = text(after, "flag");
		String source = text(after, "sourceNote");
		if (action.equals("INDICATOR_VALUE_APPROVED")) {
			return null;
		}
		String n = source == null ? null : w.get("indicatorHistory.source", "Nguồn: " + source, source);
		if (flag != null) {
			n = (n == null ? "" : n + " · ") + "⚠ " + flag;
		}
		return n;
	}

	private JsonNode parse(String text) {
		return text == null ? null : json.readTree(text);
	}

	private static String text(JsonNode s, String field) {
		JsonNode n = s.get(field);
		return n == null || n.isNull() ? null : n.asString();
	}

	private static BigDecimal number(JsonNode s, String field) {
		String t = text(s, field);
		return t == null || t.isBlank() ? null : new BigDecimal(t);
	}
}
