package vn.nq57.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.Settings;

/**
 * The indicator set's settings in the {@code setting} table (defaults in {@code V61__indicator_settings.sql}):
 * the rule that flags a jump far outside an agency's series. DoST changes them on {@code /indicators/settings};
 * each change is audited with the rule before and after, and applies to the next value entered.
 */
@Component
class IndicatorSettings {

	static final String JUMP_SIGMAS = "indicator.jump.sigmas";
	static final String JUMP_MIN_PCT = "indicator.jump.min-pct";
	static final String JUMP_SERIES = "indicator.jump.series";

	private static final Logger log = LoggerFactory.getLogger(IndicatorSettings.class);

	private final Settings settings;
	private final IndicatorAccess access;
	private final AuditLog audit;

	IndicatorSettings(Settings settings, IndicatorAccess access, AuditLog audit) {
		this.settings = settings;
		this.access = access;
		this.audit = audit;
	}

	/** The rule in force; a value someone broke in the table by hand falls back to the default, with a warning in the log. */
	ValueChecks.JumpRule jumpRule() {
		ValueChecks.JumpRule d = ValueChecks.JumpRule.DEFAULT;
		String sigmas = settings.get(JUMP_SIGMAS, d.sigmas().toPlainString());
		String pct = settings.get(JUMP_MIN_PCT, d.minPct().toPlainString());
		String series = settings.get(JUMP_SERIES, String.valueOf(d.series()));
		try {
			// stored plain (2.5), read the way a user types (2,5)
			return parse(sigmas.replace('.', ','), pct.replace('.', ','), series.replace('.', ','));
		}
		catch (DomainException e) {
			log.warn("Indicator jump rule in the setting table is not valid ({}); using the default", e.getMessage());
			return d;
		}
	}

	/** Reads the three numbers as typed (Vietnamese way: 2,5), refusing what would make the rule meaningless. */
	static ValueChecks.JumpRule parse(String sigmas, String minPct, String series) {
		List<String> errors = new ArrayList<>();
		BigDecimal k = number(sigmas, "Số độ lệch chuẩn", errors);
		BigDecimal p = number(minPct, "Tỷ lệ tối thiểu so với bình quân", errors);
		BigDecimal n = number(series, "Số kỳ so sánh", errors);
		if (k != null && (k.compareTo(new BigDecimal("0.5")) < 0 || k.compareTo(BigDecimal.TEN) > 0)) {
			errors.add("Số độ lệch chuẩn phải từ 0,5 đến 10");
		}
		if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0)) {
			errors.add("Tỷ lệ tối thiểu so với bình quân phải từ 0% đến 1.000%");
		}
		if (n != null && (n.stripTrailingZeros().scale() > 0 || n.intValue() < ValueChecks.MIN_SERIES
				|| n.intValue() > ValueChecks.MAX_SERIES)) {
			errors.add("Số kỳ so sánh phải là số nguyên từ " + ValueChecks.MIN_SERIES + " đến " + ValueChecks.MAX_SERIES);
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		return new ValueChecks.JumpRule(k, p, n.intValue());
	}

	private static BigDecimal number(String typed, String field, List<String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.add(field + ": chưa nhập");
			return null;
		}
		try {
			return VnNumber.parse(typed, field);
		}
		catch (DomainException e) {
			errors.add(e.getMessage());
			return null;
		}
	}

	/** DoST sets the rule; nothing changes unless all three numbers are valid. */
	@Transactional
	ValueChecks.JumpRule setJumpRule(String sigmas, String minPct, String series) {
		access.requireManage("sửa quy tắc kiểm tra số liệu chỉ số (chỉ Sở KH&CN)");
		ValueChecks.JumpRule before = jumpRule();
		ValueChecks.JumpRule after = parse(sigmas, minPct, series);
		settings.put(JUMP_SIGMAS, after.sigmas().stripTrailingZeros().toPlainString());
		settings.put(JUMP_MIN_PCT, after.minPct().stripTrailingZeros().toPlainString());
		settings.put(JUMP_SERIES, String.valueOf(after.series()));
		audit.change("INDICATOR_SETTINGS_CHANGED", "SETTING", null, null,
				"Quy tắc cảnh báo số liệu khác xa các kỳ trước: " + after.describe(), map(before), map(after));
		return after;
	}

	private static Map<String, Object> map(ValueChecks.JumpRule r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(JUMP_SIGMAS, r.sigmas().stripTrailingZeros().toPlainString());
		m.put(JUMP_MIN_PCT, r.minPct().stripTrailingZeros().toPlainString());
		m.put(JUMP_SERIES, r.series());
		return m;
	}
}
