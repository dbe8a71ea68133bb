package vn.nq57.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.indicator.IndicatorFeed;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;

/**
 * The inventory's counts as computed indicators of the indicator set (004 §3.3 and fn 2: 24 systems in the data
 * centre, 34 connected to LGSP, about 60 applications in use): declared once, published for the year containing
 * today after every change of the inventory, so nobody types them any more. The two codes 004 already had
 * ({@code HT-TTDL-HT}, {@code HT-LGSP}) become fed indicators.
 */
@Component
public class InventoryIndicators {

	public static final String DATA_CENTRE = "HT-TTDL-HT";

	public static final String LGSP = "HT-LGSP";

	public static final String IN_USE = "HT-UD-SD";

	private static final String SOURCE = "Danh mục hệ thống thông tin (tính tự động)";

	static final List<IndicatorFeed.Definition> DEFINITIONS = List.of(
			new IndicatorFeed.Definition(DATA_CENTRE, "Số hệ thống thông tin, cơ sở dữ liệu triển khai tại Trung tâm dữ liệu tỉnh",
					"Hạ tầng số", "hệ thống", false, true, PeriodKind.YEAR, "SKHCN", SOURCE, Map.of()),
			new IndicatorFeed.Definition(LGSP, "Số hệ thống thông tin, cơ sở dữ liệu kết nối Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
					"Hạ tầng số", "hệ thống", false, true, PeriodKind.YEAR, "SKHCN", SOURCE, Map.of()),
			new IndicatorFeed.Definition(IN_USE, "Số ứng dụng, cơ sở dữ liệu, hệ thống thông tin đang sử dụng",
					"Hạ tầng số", "hệ thống", false, true, PeriodKind.YEAR, "SKHCN", SOURCE, Map.of()));

	private final IndicatorFeed feed;
	private final InventoryService inventory;
	private final AppClock clock;

	InventoryIndicators(IndicatorFeed feed, InventoryService inventory, AppClock clock) {
		this.feed = feed;
		this.inventory = inventory;
		this.clock = clock;
	}

	@EventListener
	void onChange(InventoryService.InventoryChanged e) {
		publish();
	}

	/** Declares the indicators (first time) and publishes the current counts; returns them. */
	@Transactional
	public InventoryService.Counts publish() {
		// declared on every publication: a declaration inside a transaction that was rolled back (an import's
		// preview) must not be taken for done; declare() is idempotent and leaves DoST's edits alone
		DEFINITIONS.forEach(feed::declare);
		InventoryService.Counts c = inventory.counts();
		feed.publish(DATA_CENTRE, clock.today(), BigDecimal.valueOf(c.dataCentre()));
		feed.publish(LGSP, clock.today(), BigDecimal.valueOf(c.lgsp()));
		feed.publish(IN_USE, clock.today(), BigDecimal.valueOf(c.inUse()));
		return c;
	}
}
