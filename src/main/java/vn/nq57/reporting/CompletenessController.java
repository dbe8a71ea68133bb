package vn.nq57.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.CompletenessQueries.Filter;
import vn.nq57.reporting.CompletenessQueries.Grid;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/**
 * Completeness and timeliness for DoST, leaders and administrators: the agency × period grid, the agencies to
 * urge, and a period's page with its consolidated reports.
 */
@Controller
class CompletenessController {

	static final int PAGE_SIZE = 50;
	/**
	 * Rows of the grid per page. The default, 200, holds every agency of the province that reports (about 30
	 * departments and 96 communes) on one page; "all" shows every row at once (5.000 agencies × 12 periods: about
	 * 400 ms on the server, see bench/RESULTS-reporting.md), but such a page is 5,5 MB of HTML and takes a browser
	 * seconds to lay out, so it is not the default.
	 */
	static final List<String> GRID_SIZES = List.of("50", "200", "1000", "all");
	static final String GRID_DEFAULT_SIZE = "200";
	static final int GRID_ALL = 100_000;

	private final CompletenessQueries queries;
	private final RegimeService regimes;
	private final ConsolidatedReportService consolidated;
	private final AccessPolicy access;
	private final AppClock clock;
	private final MessageSource messages;

	/**
	 * The grid and the figures per regime count every expected report of the year (5.000 agencies × 12 periods at
	 * national scale); they are kept {@code nq57.reporting.cache-seconds} (60 unless set, 0 keeps nothing) per filter,
	 * page and day, and the page says when they were counted (issue 22).
	 */
	private record Kept(Object value, java.time.Instant at, long expires) {
	}

	private final Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();
	private final long cacheSeconds;

	@SuppressWarnings("unchecked")
	private <T> T keep(String key, java.util.function.Supplier<T> compute, java.time.Instant[] countedAt) {
		long now = System.nanoTime();
		if (cacheSeconds > 0) {
			Kept k = kept.get(key);
			if (k != null && k.expires() - now > 0) {
				if (countedAt[0] == null || k.at().isBefore(countedAt[0])) {
					countedAt[0] = k.at();
				}
				return (T) k.value();
			}
		}
		T value = compute.get();
		if (cacheSeconds > 0) {
			if (kept.size() > 500) {
				kept.clear();
			}
			kept.put(key, new Kept(value, java.time.Instant.now(), now + cacheSeconds * 1_000_000_000L));
		}
		return value;
	}

	CompletenessController(CompletenessQueries queries, RegimeService regimes, ConsolidatedReportService consolidated,
			AccessPolicy access, AppClock clock, MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${nq57.reporting.cache-seconds:60}") long cacheSeconds) {
		this.cacheSeconds = Math.max(0, cacheSeconds);
		this.messages = messages;
		this.queries = queries;
		this.regimes = regimes;
		this.consolidated = consolidated;
		this.access = access;
		this.clock = clock;
	}

	private CurrentUser requireOverview() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.seesEveryAgency(), "REPORTING", null, "xem tình hình báo cáo của mọi cơ quan");
		return me;
	}

	@GetMapping("/reporting/completeness")
	String grid(@RequestParam(required = false) Long regime, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) String only, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String size, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale) {
		requireOverview();
		LocalDate today = clock.today();
		GridRequest req = GridRequest.read(regimes.regimes(), regime, year, kind, q, only, sort, today);
		Filter f = req.filter();
		long regimeId = f.regimeId();
		int y = f.year();
		AgencyKind k = f.kind();
		String o = f.only();
		String sz = size == null || size.isBlank() ? GRID_DEFAULT_SIZE : size;
		if (!GRID_SIZES.contains(sz)) {
			throw new DomainException("Số dòng mỗi trang “" + sz + "” không hợp lệ");
		}
		java.time.Instant[] countedAt = { null };
		int rowsPerPage = "all".equals(sz) ? GRID_ALL : Integer.parseInt(sz);
		int pageNo = Math.max(0, page);
		Grid grid = keep("grid|" + f + "|" + today + "|" + pageNo + "|" + rowsPerPage,
				() -> queries.grid(f, today, pageNo, rowsPerPage), countedAt);
		model.addAttribute("g", grid);
		Map<Completeness.Cell, String> cellLabels = new EnumMap<>(Completeness.Cell.class);
		for (Completeness.Cell c : Completeness.Cell.values()) {
			cellLabels.put(c, messages.getMessage("reportCell." + c.name(), null, c.label(), locale));
		}
		model.addAttribute("cellLabels", cellLabels);
		// the rows written here in one piece: one expression for the page, not two (with a method call) per agency
		StringBuilder rowsHtml = new StringBuilder(grid.agencies().rows().size() * (grid.periods().size() * 72 + 120));
		for (CompletenessQueries.AgencyRow a : grid.agencies().rows()) {
			rowsHtml.append("<tr><td lang=\"vi\">").append(org.springframework.web.util.HtmlUtils.htmlEscape(a.name(), "UTF-8"))
				.append("</td>").append(a.cellsHtml(grid.periods(), "/reporting/reports/", cellLabels)).append("</tr>");
		}
		model.addAttribute("gridRowsHtml", rowsHtml.toString());
		model.addAttribute("regimes", req.regimes());
		model.addAttribute("selected", req.regime());
		model.addAttribute("years", years(y));
		model.addAttribute("year", y);
		model.addAttribute("kinds", Arrays.stream(AgencyKind.values()).filter(x -> x != AgencyKind.COLLECTIVE).toList());
		model.addAttribute("kind", k);
		model.addAttribute("q", q);
		model.addAttribute("only", o);
		model.addAttribute("sort", sort);
		model.addAttribute("sizes", GRID_SIZES);
		model.addAttribute("size", sz);
		model.addAttribute("byRegime", keep("byRegime|" + y + "|" + today, () -> queries.byRegime(y, today), countedAt));
		model.addAttribute("countedAt", countedAt[0] == null ? null
				: java.time.LocalTime.ofInstant(countedAt[0], AppClock.ZONE_ID).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
		model.addAttribute("base", "/reporting/completeness?regime=" + regimeId + "&year=" + y
				+ (k == null ? "" : "&kind=" + k.name()) + (q == null || q.isBlank() ? "" : "&q=" + enc(q))
				+ (o == null ? "" : "&only=" + o) + (sort == null ? "" : "&sort=" + enc(sort))
				+ (sz.equals(GRID_DEFAULT_SIZE) ? "" : "&size=" + sz) + "&");
		return "reporting/completeness";
	}

	@GetMapping("/reporting/urge")
	String urge(@RequestParam(required = false) Long regime, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Model model) {
		requireOverview();
		LocalDate today = clock.today();
		int y = year == null ? today.getYear() : year;
		model.addAttribute("page", queries.urge(regime, y, today, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("dueSoon", queries.dueSoon(today, 10));
		model.addAttribute("regimes", regimes.regimes());
		model.addAttribute("regime", regime);
		model.addAttribute("year", y);
		model.addAttribute("years", years(y));
		model.addAttribute("base", "/reporting/urge?year=" + y + (regime == null ? "" : "&regime=" + regime) + "&");
		return "reporting/urge";
	}

	@GetMapping("/reporting/periods/{id}")
	String period(@PathVariable long id, @RequestParam(defaultValue = "false") boolean missing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		requireOverview();
		ReportingPeriod p = regimes.period(id);
		LocalDate today = clock.today();
		model.addAttribute("agencies", queries.periodAgencies(p, today, missing, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("missing", missing);
		model.addAttribute("base", "/reporting/periods/" + id + "?" + (missing ? "missing=true&" : ""));
		model.addAttribute("secretariat", AccessPolicy.current().is(vn.nq57.account.Role.SECRETARIAT));
		Grid g = queries.grid(new Filter(p.regimeId(), p.year(), null, null, null, null), today, 0, 1);
		model.addAttribute("p", p);
		model.addAttribute("totals", g.totals().stream().filter(t -> t.period().id() == id).findFirst().orElse(null));
		model.addAttribute("list", consolidated.forPeriod(id));
		model.addAttribute("regime", regimes.regime(p.regimeId()));
		return "reporting/period";
	}

	@PostMapping("/reporting/periods/{id}/consolidated")
	String generate(@PathVariable long id, RedirectAttributes redirect) {
		try {
			long created = consolidated.generate(id);
			Flash.done(redirect, "flash.consolidated.drafted");
			return "redirect:/reporting/consolidated/" + created;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/reporting/periods/" + id;
		}
	}

	private List<Integer> years(int selected) {
		List<Integer> ys = new java.util.ArrayList<>(regimes.years());
		if (!ys.contains(selected)) {
			ys.add(0, selected);
		}
		return ys;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
