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
}
