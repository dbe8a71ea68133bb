package vn.nq57.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.CurrentUser;
import vn.nq57.system.AppClock;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.system.NotFoundException;

/**
 * The agency's data-entry pages: the indicators it reports with what is due, one indicator's form and
 * the agency's own series, and the head's approval.
 */
@Controller
class IndicatorEntryController {

	static final int SERIES_SHOWN = 24;

	private final IndicatorCatalog catalog;
	private final IndicatorEntry entry;
	private final IndicatorAccess access;
	private final IndicatorFiles files;
	private final AppClock clock;

	IndicatorEntryController(IndicatorCatalog catalog, IndicatorEntry entry, IndicatorAccess access, IndicatorFiles files,
			AppClock clock) {
		this.catalog = catalog;
		this.entry = entry;
		this.access = access;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping("/indicators/entry")
	String list(Model model) {
		access.requireAgencyStaff("nhập số liệu chỉ số (chỉ cán bộ, thủ trưởng cơ quan, đơn vị)");
		CurrentUser me = IndicatorAccess.me();
		List<IndicatorEntry.AgencyIndicator> rows = entry.agencyIndicators(me.agencyId());
		model.addAttribute("rows", rows);
		model.addAttribute("drafts", entry.drafts(me.agencyId()));
		model.addAttribute("returned", entry.returned(me.agencyId()));
		model.addAttribute("isHead", me.is(vn.nq57.account.Role.AGENCY_HEAD));
		model.addAttribute("lateCount", rows.stream().filter(r -> r.duePastMissing()).count());
		model.addAttribute("byCode", byCode(rows));
		return "indicator/entry-list";
	}

	private static Map<Long, Indicator> byCode(List<IndicatorEntry.AgencyIndicator> rows) {
		Map<Long, Indicator> m = new LinkedHashMap<>();
		rows.forEach(r -> m.put(r.ind().id(), r.ind()));
		return m;
	}

	@GetMapping("/indicators/entry/{code}")
	String form(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
		access.requireAgencyStaff("nhập số liệu chỉ số (chỉ cán bộ, thủ trưởng cơ quan, đơn vị)");
		Indicator ind = catalog.get(code);
		CurrentUser me = IndicatorAccess.me();
		checkReports(ind, me);
		Period selected = null;
		if (period != null && !period.isBlank()) {
			try {
				selected = Period.parse(ind.frequency(), period);
			}
			catch (DomainException e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		Long version = null;
		if (selected != null) {
			Period sel = selected;
			IndicatorEntry.ValueRow row = entry.series(ind, me.agencyId(), 500).stream()
				.filter(v -> v.periodStart().equals(sel.start())).findFirst().orElse(null);
			if (row != null) {
				values.put("value", row.value() == null ? "" : VnNumber.compact(row.value(), Formula.SCALE));
				values.put("numerator", row.numerator() == null ? "" : VnNumber.compact(row.numerator(), Formula.SCALE));
				values.put("denominator", row.denominator() == null ? "" : VnNumber.compact(row.denominator(), Formula.SCALE));
				values.put("sourceNote", row.sourceNote() == null ? "" : row.sourceNote());
				version = row.version();
			}
		}
		return page(model, ind, me, selected, values, version);
	}

	private void checkReports(Indicator ind, CurrentUser me) {
		if (ind.computed()) {
			throw new DomainException("Chỉ số “" + ind.code() + "” được tính tự động theo công thức; không nhập trực tiếp được");
		}
		if (!catalog.reports(ind, me.agencyId())) {
			throw new DomainException(me.agencyName() + " không thuộc diện báo cáo chỉ số “" + ind.code() + "”");
		}
	}

	private String page(Model model, Indicator ind, CurrentUser me, Period selected, Map<String, String> values, Long version) {
		Period current = Period.containing(ind.frequency(), clock.today());
		List<Period> periods = new ArrayList<>();
		Period p = current;
		for (int i = 0; i < 12; i++) {
			periods.add(p);
			p = p.previous();
		}
		if (selected != null && !periods.contains(selected) && !selected.start().isAfter(clock.today())) {
			periods.add(selected);
		}
		List<IndicatorEntry.ValueRow> series = entry.series(ind, me.agencyId(), SERIES_SHOWN);
		Map<Long, List<IndicatorEntry.HistoryRow>> history = new LinkedHashMap<>();
		series.forEach(v -> history.put(v.id(), entry.history(v.id())));
		model.addAttribute("ind", ind);
		model.addAttribute("periods", periods);
		model.addAttribute("selected", selected == null ? IndicatorQueries.lastDuePeriod(ind, clock.today()) : selected);
		model.addAttribute("values", values);
		model.addAttribute("version", version);
		model.addAttribute("series", series);
		model.addAttribute("history", history);
		model.addAttribute("isHead", me.is(vn.nq57.account.Role.AGENCY_HEAD));
		model.addAttribute("maxUploadMb", files.maxMegabytes());
		return "indicator/entry";
	}

	@PostMapping("/indicators/entry/{code}")
	String submit(@PathVariable String code, @RequestParam(required = false) Long agencyId,
			@RequestParam(required = false) String period, @RequestParam(required = false) String value,
			@RequestParam(required = false) String numerator, @RequestParam(required = false) String denominator,
			@RequestParam(required = false) String sourceNote, @RequestParam(required = false) Long version,
			@RequestParam(value = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		access.requireAgencyStaff("nhập số liệu chỉ số (chỉ cán bộ, thủ trưởng cơ quan, đơn vị)");
		Indicator ind = catalog.get(code);
		CurrentUser me = IndicatorAccess.me();
		try {
			IndicatorEntry.Result r = entry.enterTyped(code, agencyId, period, value, numerator, denominator, sourceNote,
					version, file);
			String msg = r.state() == ValueState.APPROVED ? "flash.indicator.savedApproved" : "flash.indicator.savedPending";
			Flash.done(redirect, msg);
			if (r.flag() != null) {
				Flash.warning(redirect, "flash.indicator.flagged", r.flag());
			}
			return "redirect:/indicators/entry/" + ind.code() + "?period=" + Period.parse(ind.frequency(), period).code();
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage() + (e instanceof ConcurrentEditException ? "" : " — chưa lưu số liệu nào."));
			if (e instanceof vn.nq57.system.FieldsRefused f) {
				model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, f.fields());
			}
			Map<String, String> values = new LinkedHashMap<>();
			values.put("value", value == null ? "" : value);
			values.put("numerator", numerator == null ? "" : numerator);
			values.put("denominator", denominator == null ? "" : denominator);
			values.put("sourceNote", sourceNote == null ? "" : sourceNote);
			checkReports(ind, me);
			Period sel = null;
			try {
				sel = Period.parse(ind.frequency(), period);
			}
			catch (DomainException ignored) {
				// the message above already says what is wrong with the period
			}
			return page(model, ind, me, sel, values, version);
		}
	}

	@PostMapping("/indicators/entry/values/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String back,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		IndicatorEntry.ValueRow v = entry.get(id);
		Indicator ind = catalog.get(v.indicatorId());
		try {
			entry.approve(id, version);
			Flash.done(redirect, "flash.indicator.approved", ind.code(), new Period(ind.frequency(), v.periodStart()).label());
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "list".equals(back) ? "redirect:/indicators/entry" : "redirect:/indicators/entry/" + ind.code();
	}
}
