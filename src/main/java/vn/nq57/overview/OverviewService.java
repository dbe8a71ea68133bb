package vn.nq57.overview;

import java.time.LocalDate;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.overview.OverviewQueries.AgencyRow;
import vn.nq57.kernel.Page;
import vn.nq57.overview.OverviewQueries.Summary;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.Settings;

/**
 * The leaders' overview ("Tổng quan"): only for roles that see every agency (Sở KH&CN, lãnh đạo tỉnh,
 * quản trị); an agency's own staff are refused, on the page and in the API alike.
 */
@Service
public class OverviewService {

	public static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * Everything one overview shows, for one plan (or all) on one day: the figures, the same figures at the end of
	 * the previous month ({@code previous}, as of {@code previousDay}) for the change at the top, the agencies worst
	 * first with the reason each gave ({@code reasons} by agency id), the overdue tasks one row per task, and the
	 * number of overdue work items (assignments) under them.
	 */
	public record Overview(LocalDate day, boolean today, Long planId, String planTitle, int dueSoonDays,
			Summary summary, LocalDate previousDay, Summary previous, Page<AgencyRow> agencies,
			Map<Long, OverviewQueries.Reason> reasons, Page<OverviewQueries.OverdueTask> overdue,
			long overdueAssignments) {

		/** The change of a rate since the previous month, in percentage points; {@code null} when either is missing. */
		public java.math.BigDecimal change(java.math.BigDecimal now, java.math.BigDecimal before) {
			return now == null || before == null ? null : now.subtract(before);
		}
	}

	/** How long the previous month's figures are kept before they are counted again (they rarely change). */
	static final java.time.Duration PREVIOUS_KEPT = java.time.Duration.ofMinutes(10);

	private record Kept(java.time.Instant at, Summary summary) {
	}

	private final Map<String, Kept> previous = new java.util.concurrent.ConcurrentHashMap<>();

	private final OverviewQueries queries;
	private final AccessPolicy access;
	private final AppClock clock;
	private final Settings settings;

	private final long cacheSeconds;

	OverviewService(OverviewQueries queries, AccessPolicy access, AppClock clock, Settings settings,
			@org.springframework.beans.factory.annotation.Value("${nq57.overview.cache-seconds:60}") long cacheSeconds) {
		this.cacheSeconds = Math.max(0, cacheSeconds);
		this.queries = queries;
		this.access = access;
		this.clock = clock;
		this.settings = settings;
	}

	/** Refuses (403, written to the audit trail) anyone who does not see every agency. */
	public void checkAllowed() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.seesEveryAgency(), "OVERVIEW", null, "xem trang tổng quan của toàn tỉnh");
	}

	/**
	 * All figures in one read-only, repeatable-read transaction, so the totals, the agencies and the overdue
	 * list describe the same moment even while people are reporting.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Overview load(Long planId, LocalDate day, int agencyPage, int overduePage) {
		checkAllowed();
		return loadKept(planId, day, agencyPage, overduePage).overview();
	}

	/** An overview and when its figures were counted: this request ({@code null}) or earlier, kept in memory. */
	public record KeptOverview(Overview overview, java.time.Instant countedAt) {
	}

	private record KeptEntry(Overview overview, java.time.Instant at, long expires) {
	}

	private final Map<String, KeptEntry> kept = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The overview as {@link #load}, kept for {@code nq57.overview.cache-seconds} per plan, day and pages: every
	 * leader sees the same figures (the page is for roles that see every agency), and a page asked for by many at
	 * once, or refreshed, is counted once in that time at national scale (a pass over a million assignments). The page
	 * says when its figures were counted.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public KeptOverview loadKept(Long planId, LocalDate day, int agencyPage, int overduePage) {
		checkAllowed();
		LocalDate today = clock.today();
		String key = planId + "|" + day + "|" + today + "|" + agencyPage + "|" + overduePage + "|" + settings.dueSoonDays();
		long now = System.nanoTime();
		if (cacheSeconds > 0) {
			KeptEntry e = kept.get(key);
			if (e != null && e.expires() - now > 0) {
				return new KeptOverview(e.overview(), e.at());
			}
		}
		Overview o = compute(planId, day, agencyPage, overduePage);
		if (cacheSeconds > 0) {
			if (kept.size() > 500) {
				kept.clear();
			}
			kept.put(key, new KeptEntry(o, java.time.Instant.now(), now + cacheSeconds * 1_000_000_000L));
		}
		return new KeptOverview(o, null);
	}

	/** Forgets the kept overviews (after a change a user expects to see at once). */
	public void forgetKept() {
		kept.clear();
	}

	private Overview compute(Long planId, LocalDate day, int agencyPage, int overduePage) {
		LocalDate today = clock.today();
		LocalDate asOf = day == null ? today : day;
		String planTitle = null;
		if (planId != null) {
			planTitle = queries.planTitle(planId).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch"));
		}
		int soonDays = settings.dueSoonDays();
		Summary summary = queries.summary(planId, asOf, today, soonDays);
		OverviewQueries.AgencyPage agencyRows = queries.agencyPage(planId, asOf, today, soonDays,
				Math.max(0, agencyPage), PAGE_SIZE);
		Page<AgencyRow> agencies = agencyRows.page();
		Map<Long, OverviewQueries.Reason> reasons = queries.reasons(
				agencies.rows().stream().map(AgencyRow::agencyId).toList(), asOf);
		Page<OverviewQueries.OverdueTask> overdue = queries.overdueTasks(planId, asOf, today, Math.max(0, overduePage),
				PAGE_SIZE);
		long overdueAssignments = agencyRows.overdueAssignments() != null ? agencyRows.overdueAssignments()
				: queries.overdue(planId, asOf, today, 0, 1).total();
		LocalDate previousDay = asOf.withDayOfMonth(1).minusDays(1);
		return new Overview(asOf, asOf.equals(today), planId, planTitle, soonDays, summary, previousDay,
				previousMonth(planId, previousDay, today, soonDays), agencies, reasons, overdue, overdueAssignments);
	}

	/**
	 * The figures at the end of the previous month: counted as of that day over every assignment, which costs a
	 * full scan at national scale, so kept for {@link #PREVIOUS_KEPT} per plan and day (a completion dated back into
	 * the previous month shows in the change within that time).
	 */
	private Summary previousMonth(Long planId, LocalDate day, LocalDate today, int soonDays) {
		String key = planId + "@" + day + "@" + today + "@" + soonDays;
		java.time.Instant now = java.time.Instant.now();
		Kept k = previous.get(key);
		if (k == null || k.at().plus(PREVIOUS_KEPT).isBefore(now)) {
			if (previous.size() > 200) {
				previous.clear();
			}
			k = new Kept(now, queries.summary(planId, day, today, soonDays));
			previous.put(key, k);
		}
		return k.summary();
	}

	/** Forgets the kept figures of previous months (tests that change the past). */
	void forgetPrevious() {
		previous.clear();
	}

	/** A day typed as dd/MM/yyyy (or yyyy-MM-dd, as the API writes it); blank means today. */
	public static LocalDate parseDay(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			return t.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(t) : LocalDate.parse(t, VN_DATE);
		}
		catch (DateTimeParseException e) {
			throw new DomainException("Ngày “" + t + "” không hợp lệ (nhập theo dạng dd/MM/yyyy)");
		}
	}
}
