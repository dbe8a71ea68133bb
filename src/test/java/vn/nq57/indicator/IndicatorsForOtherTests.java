package vn.nq57.indicator;

import org.springframework.context.ApplicationContext;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;

/**
 * For tests outside this package that need an indicator on the pages (the browser tests): the definitions are made
 * through this module's package-private services, as {@link Fixtures} does for the tests inside it.
 */
public final class IndicatorsForOtherTests {

	private IndicatorsForOtherTests() {
	}

	/** A yearly share reported by the given agencies (by code), defined by DoST; returns its code. */
	public static String share(ApplicationContext context, String... reporterCodes) {
		Fixtures fx = new Fixtures(context.getBean(IndicatorCatalog.class), context.getBean(IndicatorEntry.class),
				context.getBean(RunAs.class), context.getBean(AgencyDirectory.class));
		String code = Fixtures.code("TRINH-DUYET");
		fx.save(fx.share(code, reporterCodes));
		return code;
	}

	/**
	 * A quarterly count (in TB, a unit without Vietnamese letters, for the English pages) of Sở KH&CN (the public tests): the director's own entry for Q1/2026 ({@code approved}, so it
	 * is approved at once, with {@code note} as its source note) and an officer's draft for Q2/2026 ({@code draft},
	 * waiting for the director); returns the code.
	 */
	public static String approvedAndDraft(ApplicationContext context, String name, String approved, String draft,
			String note) {
		IndicatorEntry entry = context.getBean(IndicatorEntry.class);
		RunAs runAs = context.getBean(RunAs.class);
		Fixtures fx = new Fixtures(context.getBean(IndicatorCatalog.class), entry, runAs,
				context.getBean(AgencyDirectory.class));
		String code = Fixtures.code("CONG-KHAI");
		IndicatorForm f = fx.entered(code, "TB");
		f.setName(name);
		f.setTargets("2026: 100");
		fx.save(f);
		runAs.user("gd.skhcn", () -> entry.enter(code, new IndicatorEntry.Submission(null, "Quý I/2026",
				new java.math.BigDecimal(approved), null, null, note, null), null));
		runAs.user("cb.skhcn", () -> entry.enter(code, new IndicatorEntry.Submission(null, "Quý II/2026",
				new java.math.BigDecimal(draft), null, null, note, null), null));
		return code;
	}
}
