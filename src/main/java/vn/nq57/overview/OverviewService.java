package vn.nq57.overview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.overview.OverviewQueries.AgencyRow;
import vn.nq57.overview.OverviewQueries.OverdueRow;
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

	/** Everything one overview shows, for one plan (or all) on one day. */
	public record Overview(LocalDate day, boolean today, Long planId, String planTitle, int dueSoonDays,
			Summary summary, Page<AgencyRow> agencies, Page<OverdueRow> overdue) {
	}

	private final OverviewQueries queries;
	private final AccessPolicy access;
	private final AppClock clock;
	private final Settings settings;

	OverviewService(OverviewQueries queries, AccessPolicy access, AppClock clock, Settings settings) {
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
		Page<OverdueRow> overdue = queries.overdue(planId, asOf, today, Math.max(0, overduePage), PAGE_SIZE,
				agencyRows.overdueAssignments());
		return new Overview(asOf, asOf.equals(today), planId, planTitle, soonDays, summary, agencies, overdue);
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
