package vn.nq57.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;

/** Indicators and values for a test, created the way DoST and the agencies do (through the services). */
@Component
class Fixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	final IndicatorCatalog catalog;
	final IndicatorEntry entry;
	final RunAs runAs;
	final AgencyDirectory agencies;

	Fixtures(IndicatorCatalog catalog, IndicatorEntry entry, RunAs runAs, AgencyDirectory agencies) {
		this.catalog = catalog;
		this.entry = entry;
		this.runAs = runAs;
		this.agencies = agencies;
	}

	/** A code no other test uses. */
	static String code(String prefix) {
		return (prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet())
			.toUpperCase(Locale.ROOT);
	}

	long agency(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	/** An entered indicator's form: province-wide, quarterly, responsible Sở KH&CN. */
	IndicatorForm entered(String code, String unit) {
		IndicatorForm f = IndicatorForms.blankForm();
		f.setCode(code);
		f.setName("Chỉ số kiểm thử " + code);
		f.setCategory("Kiểm thử");
		f.setUnit(unit);
		f.setKind("ENTERED");
		// a share is rolled up from its parts, never summed (the catalog refuses it)
		f.setAggregation("%".equals(unit) ? "RATIO" : "SUM");
		f.setResponsibleAgencyId(agency("SKHCN"));
		f.setDecimals("%".equals(unit) ? "2" : "0");
		return f;
	}

	/** A share reported by several agencies as numerator and denominator. */
	IndicatorForm share(String code, String... reporterCodes) {
		IndicatorForm f = entered(code, "%");
		f.setAggregation("RATIO");
		f.setBreakdown("AGENCY");
		f.setFrequency("YEARLY");
		f.setReporterIds(new ArrayList<>(Arrays.stream(reporterCodes).map(this::agency).toList()));
		return f;
	}

	IndicatorForm computed(String code, String expression) {
		IndicatorForm f = entered(code, "%");
		f.setKind("COMPUTED");
		f.setAggregation(null);
		f.setFormulaKind("EXPRESSION");
		f.setExpression(expression);
		return f;
	}

	Indicator save(IndicatorForm f) {
		return runAs.user("sokhcn", () -> catalog.save(null, f));
	}

	Indicator update(Indicator ind, java.util.function.Consumer<IndicatorForm> change) {
		IndicatorForm f = IndicatorForms.toForm(ind);
		change.accept(f);
		return runAs.user("sokhcn", () -> catalog.save(ind.id(), f));
	}

	IndicatorEntry.Result enter(String user, String code, String period, String value) {
		return runAs.user(user, () -> entry.enter(code, new IndicatorEntry.Submission(null, period,
				value == null ? null : new BigDecimal(value), null, null, null, null), null));
	}

	IndicatorEntry.Result enterShare(String user, String code, String period, long num, long den) {
		return runAs.user(user, () -> entry.enter(code, new IndicatorEntry.Submission(null, period, null,
				BigDecimal.valueOf(num), BigDecimal.valueOf(den), null, null), null));
	}

	void approve(String head, long valueId) {
		runAs.user(head, () -> entry.approve(valueId));
	}

	List<String> reporters(String... codes) {
		return List.of(codes);
	}
}
