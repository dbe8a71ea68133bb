package vn.nq57.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.VnText;
import vn.nq57.system.DomainException;
import vn.nq57.system.TextRules;

/**
 * The definition form, both ways: a definition shown for editing (and exported to Excel), and a form typed or
 * imported read into a definition, with every problem of the form named at once.
 */
@Component
class IndicatorForms {

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,49}");
	private static final Pattern TARGET_LINE = Pattern.compile("(\\d{4})\\s*[:=]\\s*([^|]*?)\\s*(?:\\|\\s*(.*))?");

	private final AgencyDirectory agencies;
	private final IndicatorStore store;

	IndicatorForms(AgencyDirectory agencies, IndicatorStore store) {
		this.agencies = agencies;
		this.store = store;
	}

	/** The form filled with a definition (for the edit page and the Excel export). */
	static IndicatorForm toForm(Indicator i) {
		IndicatorForm f = new IndicatorForm();
		f.setCode(i.code());
		f.setName(i.name());
		f.setCategory(i.category());
		f.setUnit(i.unit());
		f.setKind(i.kind().name());
		f.setAggregation(i.aggregation() == null ? null : i.aggregation().name());
		f.setFormulaKind(i.formulaKind() == null ? null : i.formulaKind().name());
		f.setNumeratorCode(i.numeratorCode());
		f.setDenominatorCode(i.denominatorCode());
		f.setExpression(i.expression());
		f.setDirection(i.direction().name());
		f.setFrequency(i.frequency().name());
		f.setResponsibleAgencyId(i.responsibleAgencyId());
		f.setDataSource(i.dataSource());
		f.setBreakdown(i.breakdown().name());
		f.setBaselineValue(i.baselineValue() == null ? "" : VnNumber.compact(i.baselineValue(), 6));
		f.setBaselineYear(i.baselineYear() == null ? "" : String.valueOf(i.baselineYear()));
		StringBuilder t = new StringBuilder();
		for (Indicator.Target x : i.targets()) {
			t.append(x.year()).append(": ").append(VnNumber.compact(x.value(), 6));
			if (x.note() != null && !x.note().isBlank()) {
				t.append(" | ").append(x.note());
			}
			t.append('\n');
		}
		f.setTargets(t.toString().strip());
		f.setGreenPct(VnNumber.compact(i.greenPct(), 2));
		f.setAmberPct(VnNumber.compact(i.amberPct(), 2));
		f.setMinValue(i.minValue() == null ? "" : VnNumber.compact(i.minValue(), 6));
		f.setMaxValue(i.maxValue() == null ? "" : VnNumber.compact(i.maxValue(), 6));
		f.setDecimals(String.valueOf(i.decimals()));
		f.setDueDays(String.valueOf(i.dueDays()));
		f.setOnScoreboard(i.onScoreboard());
		f.setPosition(String.valueOf(i.position()));
		f.setActive(i.active());
		f.setReporterIds(new ArrayList<>(i.reporterIds()));
		f.setVersion(i.version());
		return f;
	}

	/** A blank form with the usual defaults. */
	static IndicatorForm blankForm() {
		IndicatorForm f = new IndicatorForm();
		f.setKind(IndicatorKind.ENTERED.name());
		f.setAggregation(Aggregation.SUM.name());
		f.setDirection(Direction.HIGHER.name());
		f.setFrequency(Frequency.QUARTERLY.name());
		f.setBreakdown(Breakdown.PROVINCE.name());
		f.setGreenPct("100");
		f.setAmberPct("80");
		f.setMinValue("0");
		f.setDueDays("10");
		return f;
	}

	/** Reads and checks one form on its own; every problem found is reported at once. */
	Indicator read(IndicatorForm f, Indicator before) {
		List<String> errors = new ArrayList<>();
		// each message also beside the field it is about: what a step added to errors is tagged with its field
		vn.nq57.system.FieldErrors byField = new vn.nq57.system.FieldErrors();
		int[] mark = { 0 };
		java.util.function.Consumer<String> tag = field -> {
			errors.subList(mark[0], errors.size()).forEach(m -> byField.reject(field, m));
			mark[0] = errors.size();
		};
		String code = f.getCode() == null ? "" : f.getCode().strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty()) {
			errors.add("Chưa nhập mã chỉ số");
		}
		else if (!CODE.matcher(code).matches()) {
			errors.add("Mã chỉ số “" + code + "” chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 50 ký tự)");
		}
		tag.accept("code");
		String name = VnText.nfc(f.getName());
		if (name == null || name.isEmpty()) {
			errors.add("Chưa nhập tên chỉ số");
		}
		else if (name.length() > 500) {
			errors.add("Tên chỉ số quá dài (tối đa 500 ký tự)");
		}
		tag.accept("name");
		String unit = VnText.nfc(f.getUnit());
		if (unit == null || unit.isEmpty()) {
			errors.add("Chưa nhập đơn vị tính (ví dụ %, hệ thống, TB)");
		}
		else if (unit.length() > 50) {
			errors.add("Đơn vị tính quá dài");
		}
		tag.accept("unit");
		String category = blankToNull(VnText.nfc(f.getCategory()));
		String source = blankToNull(VnText.nfc(f.getDataSource()));
		String unsafe = TextRules.firstUnsafe(name, unit, category, source, f.getExpression());
		if (unsafe != null) {
			errors.add(unsafe);
		}
		tag.accept("name");
		IndicatorKind kind = required(IndicatorKind.parse(f.getKind()), f.getKind(), "Loại chỉ số (nhập số liệu / tính theo công thức)", errors);
		tag.accept("kind");
		Direction direction = required(Direction.parse(f.getDirection()), f.getDirection(), "Chiều tốt (cao hơn / thấp hơn là tốt)", errors);
		tag.accept("direction");
		Frequency frequency = required(Frequency.parse(f.getFrequency()), f.getFrequency(), "Tần suất", errors);
		tag.accept("frequency");
		Breakdown breakdown = required(Breakdown.parse(f.getBreakdown()), f.getBreakdown(), "Phân tổ", errors);
		tag.accept("breakdown");
		Aggregation aggregation = null;
		FormulaKind formulaKind = null;
		String num = null;
		String den = null;
		String expression = null;
		if (kind == IndicatorKind.ENTERED) {
			aggregation = required(Aggregation.parse(f.getAggregation()), f.getAggregation(), "Cách tổng hợp", errors);
			if (aggregation != null && unit != null && "%".equals(unit.strip()) && !aggregation.fitsPercent()) {
				errors.add(aggregation.refusalForPercent());
			}
		}
		else if (kind == IndicatorKind.COMPUTED) {
			formulaKind = required(FormulaKind.parse(f.getFormulaKind()), f.getFormulaKind(), "Kiểu công thức", errors);
			if (formulaKind == FormulaKind.RATIO) {
				num = blankToNull(f.getNumeratorCode() == null ? null : f.getNumeratorCode().strip().toUpperCase(Locale.ROOT));
				den = blankToNull(f.getDenominatorCode() == null ? null : f.getDenominatorCode().strip().toUpperCase(Locale.ROOT));
				if (num == null || den == null) {
					errors.add("Công thức tỷ lệ cần mã chỉ số tử số và mã chỉ số mẫu số");
				}
				else {
					try {
						Formula.ratio(num, den, false);
					}
					catch (DomainException e) {
						errors.add(e.getMessage());
					}
				}
			}
			else if (formulaKind == FormulaKind.EXPRESSION) {
				expression = blankToNull(f.getExpression() == null ? null : f.getExpression().strip());
				try {
					Formula.parse(expression);
				}
				catch (DomainException e) {
					errors.add(e.getMessage());
				}
			}
		}
		tag.accept(kind == IndicatorKind.ENTERED ? "aggregation" : formulaKind == FormulaKind.EXPRESSION ? "expression" : formulaKind == FormulaKind.RATIO ? "numeratorCode" : "formulaKind");
		Long resp = f.getResponsibleAgencyId();
		if (resp == null) {
			errors.add("Chưa chọn cơ quan chịu trách nhiệm");
		}
		else {
			Optional<Agency> a = agencies.find(resp);
			if (a.isEmpty() || a.get().isCollective()) {
				errors.add("Cơ quan chịu trách nhiệm phải là một cơ quan, đơn vị cụ thể trong danh mục");
			}
		}
		tag.accept("responsibleAgencyId");
		BigDecimal baselineValue = number(f.getBaselineValue(), "Giá trị gốc", errors);
		tag.accept("baselineValue");
		Integer baselineYear = year(f.getBaselineYear(), "Năm gốc", errors);
		tag.accept("baselineYear");
		if ((baselineValue == null) != (baselineYear == null) && errors.isEmpty()) {
			errors.add("Giá trị gốc và năm gốc phải nhập cùng nhau");
		}
		tag.accept("baselineYear");
		List<Indicator.Target> targets = targets(f.getTargets(), errors);
		tag.accept("targets");
		BigDecimal green = orDefault(number(f.getGreenPct(), "Ngưỡng xanh", errors), 100);
		tag.accept("greenPct");
		BigDecimal amber = orDefault(number(f.getAmberPct(), "Ngưỡng vàng", errors), 80);
		tag.accept("amberPct");
		if (green.signum() <= 0 || amber.signum() <= 0 || amber.compareTo(green) > 0) {
			errors.add("Ngưỡng đèn phải dương và ngưỡng vàng không lớn hơn ngưỡng xanh (ví dụ xanh 100%, vàng 80% tiến độ cần có)");
		}
		tag.accept("amberPct");
		BigDecimal min = number(f.getMinValue(), "Giá trị tối thiểu", errors);
		tag.accept("minValue");
		BigDecimal max = number(f.getMaxValue(), "Giá trị tối đa", errors);
		tag.accept("maxValue");
		if (min != null && max != null && min.compareTo(max) > 0) {
			errors.add("Giá trị tối thiểu lớn hơn giá trị tối đa");
		}
		tag.accept("maxValue");
		Integer decimals = integer(f.getDecimals(), "Số chữ số thập phân", 0, Formula.SCALE, errors);
		tag.accept("decimals");
		Integer dueDays = integer(f.getDueDays(), "Hạn nhập (số ngày sau kỳ)", 0, 366, errors);
		tag.accept("dueDays");
		Integer position = integer(f.getPosition(), "Thứ tự", -1_000_000, 1_000_000, errors);
		tag.accept("position");
		List<Long> reporters = new ArrayList<>();
		if (breakdown == Breakdown.AGENCY && kind == IndicatorKind.ENTERED && f.getReporterIds() != null) {
			for (Long rid : new LinkedHashSet<>(f.getReporterIds())) {
				if (rid == null) {
					continue;
				}
				Optional<Agency> a = agencies.find(rid);
				if (a.isEmpty() || a.get().isCollective()) {
					errors.add("Cơ quan báo cáo #" + rid + " không phải một cơ quan, đơn vị cụ thể");
				}
				else {
					reporters.add(rid);
				}
			}
		}
		tag.accept("reporterIds");
		if (!errors.isEmpty()) {
			throw new vn.nq57.system.FieldsRefused(String.join("; ", errors), byField);
		}
		boolean percent = "%".equals(unit);
		return new Indicator(before == null ? 0 : before.id(), code, name, category, unit, kind, aggregation, formulaKind,
				num, den, expression, direction, frequency, resp, source, breakdown, baselineValue, baselineYear, green, amber,
				min, max, decimals == null ? (percent ? 2 : 0) : decimals, dueDays == null ? 10 : dueDays, f.isOnScoreboard(),
				position == null ? (before == null ? store.nextPosition() : before.position()) : position, f.isActive(),
				before == null ? 0 : before.version(), targets, List.copyOf(reporters));
	}

	private static <T> T required(T parsed, String text, String field, List<String> errors) {
		if (parsed == null) {
			errors.add(text == null || text.isBlank() ? "Chưa chọn " + field.toLowerCase(Locale.ROOT)
					: field + ": “" + text.strip() + "” không hợp lệ");
		}
		return parsed;
	}

	private static BigDecimal number(String text, String field, List<String> errors) {
		try {
			return VnNumber.parse(text, field);
		}
		catch (DomainException e) {
			errors.add(e.getMessage());
			return null;
		}
	}

	private static Integer year(String text, String field, List<String> errors) {
		Integer y = integer(text, field, Period.MIN_YEAR, Period.MAX_YEAR, errors);
		return y;
	}

	private static Integer integer(String text, String field, int min, int max, List<String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.endsWith(",0") || t.endsWith(".0")) {
			t = t.substring(0, t.length() - 2);
		}
		if (!t.matches("-?\\d{1,9}")) {
			errors.add(field + ": “" + text.strip() + "” phải là số nguyên");
			return null;
		}
		int v = Integer.parseInt(t);
		if (v < min || v > max) {
			errors.add(field + " phải từ " + min + " đến " + max);
			return null;
		}
		return v;
	}

	private static List<Indicator.Target> targets(String text, List<String> errors) {
		Map<Integer, Indicator.Target> out = new TreeMap<>();
		if (text == null) {
			return List.of();
		}
		for (String line : text.split("[\\r\\n]+")) {
			if (line.isBlank()) {
				continue;
			}
			Matcher m = TARGET_LINE.matcher(line.strip());
			if (!m.matches()) {
				errors.add("Chỉ tiêu “" + line.strip() + "” không đúng dạng “năm: giá trị” (ví dụ 2026: 60)");
				continue;
			}
			int year = Integer.parseInt(m.group(1));
			if (year < Period.MIN_YEAR || year > Period.MAX_YEAR) {
				errors.add("Năm chỉ tiêu " + year + " phải từ " + Period.MIN_YEAR + " đến " + Period.MAX_YEAR);
				continue;
			}
			BigDecimal value = number(m.group(2), "Chỉ tiêu năm " + year, errors);
			if (value == null) {
				if (m.group(2).isBlank()) {
					errors.add("Chỉ tiêu năm " + year + " chưa có giá trị");
				}
				continue;
			}
			String note = blankToNull(VnText.nfc(m.group(3)));
			if (note != null && !TextRules.isSafe(note)) {
				errors.add(TextRules.firstUnsafe(note));
				continue;
			}
			if (out.put(year, new Indicator.Target(year, value, note)) != null) {
				errors.add("Chỉ tiêu năm " + year + " nhập hai lần");
			}
		}
		return List.copyOf(out.values());
	}

	private static BigDecimal orDefault(BigDecimal v, int fallback) {
		return v == null ? BigDecimal.valueOf(fallback) : v;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
