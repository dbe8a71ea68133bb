package vn.nq57.indicator;

/**
 * An indicator as DoST types it (the definition form, a row of the Excel file): numbers are text in the
 * Vietnamese way until {@link IndicatorCatalog} parses and checks them, so a wrong entry comes back with a
 * message instead of a binding error. Targets are lines "năm: giá trị" (optionally "| ghi chú").
 */
public class IndicatorForm {

	private String code;
	private String name;
	private String category;
	private String unit;
	private String kind;
	private String aggregation;
	private String formulaKind;
	private String numeratorCode;
	private String denominatorCode;
	private String expression;
	private String direction;
	private String frequency;
	private Long responsibleAgencyId;
	private String dataSource;
	private String breakdown;
	private String baselineValue;
	private String baselineYear;
	private String targets;
	private String greenPct;
	private String amberPct;
	private String minValue;
	private String maxValue;
	private String decimals;
	private String dueDays;
	private boolean onScoreboard = true;
	private String position;
	private boolean active = true;
	private java.util.List<Long> reporterIds = new java.util.ArrayList<>();
	private Long version;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getAggregation() {
		return aggregation;
	}

	public void setAggregation(String aggregation) {
		this.aggregation = aggregation;
	}

	public String getFormulaKind() {
		return formulaKind;
	}

	public void setFormulaKind(String formulaKind) {
		this.formulaKind = formulaKind;
	}

	public String getNumeratorCode() {
		return numeratorCode;
	}

	public void setNumeratorCode(String numeratorCode) {
		this.numeratorCode = numeratorCode;
	}

	public String getDenominatorCode() {
		return denominatorCode;
	}

	public void setDenominatorCode(String denominatorCode) {
		this.denominatorCode = denominatorCode;
	}

	public String getExpression() {
		return expression;
	}

	public void setExpression(String expression) {
		this.expression = expression;
	}

	public String getDirection() {
		return direction;
	}

	public void setDirection(String direction) {
		this.direction = direction;
	}

	public String getFrequency() {
		return frequency;
	}

	public void setFrequency(String frequency) {
		this.frequency = frequency;
	}

	public Long getResponsibleAgencyId() {
		return responsibleAgencyId;
	}

	public void setResponsibleAgencyId(Long responsibleAgencyId) {
		this.responsibleAgencyId = responsibleAgencyId;
	}

	public String getDataSource() {
		return dataSource;
	}

	public void setDataSource(String dataSource) {
		this.dataSource = dataSource;
	}

	public String getBreakdown() {
		return breakdown;
	}

	public void setBreakdown(String breakdown) {
		this.breakdown = breakdown;
	}

	public String getBaselineValue() {
		return baselineValue;
	}

	public void setBaselineValue(String baselineValue) {
		this.baselineValue = baselineValue;
	}

	public String getBaselineYear() {
		return baselineYear;
	}

	public void setBaselineYear(String baselineYear) {
		this.baselineYear = baselineYear;
	}

	public String getTargets() {
		return targets;
	}

	public void setTargets(String targets) {
		this.targets = targets;
	}

	public String getGreenPct() {
		return greenPct;
	}

	public void setGreenPct(String greenPct) {
		this.greenPct = greenPct;
	}

	public String getAmberPct() {
		return amberPct;
	}

	public void setAmberPct(String amberPct) {
		this.amberPct = amberPct;
	}

	public String getMinValue() {
		return minValue;
	}

	public void setMinValue(String minValue) {
		this.minValue = minValue;
	}

	public String getMaxValue() {
		return maxValue;
	}

	public void setMaxValue(String maxValue) {
		this.maxValue = maxValue;
	}

	public String getDecimals() {
		return decimals;
	}

	public void setDecimals(String decimals) {
		this.decimals = decimals;
	}

	public String getDueDays() {
		return dueDays;
	}

	public void setDueDays(String dueDays) {
		this.dueDays = dueDays;
	}

	public boolean isOnScoreboard() {
		return onScoreboard;
	}

	public void setOnScoreboard(boolean onScoreboard) {
		this.onScoreboard = onScoreboard;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public java.util.List<Long> getReporterIds() {
		return reporterIds;
	}

	public void setReporterIds(java.util.List<Long> reporterIds) {
		this.reporterIds = reporterIds;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
