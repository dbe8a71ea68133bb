package vn.nq57.indicator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.system.NotFoundException;

/**
 * The leaders' scoreboard ("Bộ chỉ số"), one indicator's page (series, breakdown by agency, values,
 * sources), DoST's definition form, Excel in and out, and the files attached to values.
 */
@Controller
class IndicatorController {

	static final int BREAKDOWN_PAGE = 50;

	private final IndicatorCatalog catalog;
	private final IndicatorQueries queries;
	private final IndicatorEntry entry;
	private final IndicatorAccess access;
	private final IndicatorExcel excel;
	private final IndicatorValuesExcel valuesExcel;
	private final IndicatorHistory history;
	private final IndicatorFiles files;
	private final AgencyDirectory agencies;
	private final AppClock clock;
	private final JsonMapper json;

	private final MessageSource messages;

	IndicatorController(IndicatorCatalog catalog, IndicatorQueries queries, IndicatorEntry entry, IndicatorAccess access,
			IndicatorExcel excel, IndicatorValuesExcel valuesExcel, IndicatorHistory history, IndicatorFiles files, AgencyDirectory agencies, AppClock clock, JsonMapper json,
			MessageSource messages) {
		this.messages = messages;
		this.catalog = catalog;
		this.queries = queries;
		this.entry = entry;
		this.access = access;
		this.excel = excel;
		this.valuesExcel = valuesExcel;
		this.history = history;
		this.files = files;
		this.agencies = agencies;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping("/indicators")
	String scoreboard(@RequestParam(required = false) String category, @RequestParam(required = false) String status,
			@RequestParam(required = false) String asOf, Model model, Locale locale) {
		access.requireScoreboard();
		LocalDate day = null;
		if (asOf != null && !asOf.isBlank()) {
			try {
				day = asOfDay(asOf, clock.today());
			}
			catch (DomainException e) {
				model.addAttribute("error",
						messages.getMessage("scoreboard.asOf.invalid", new Object[] { e.getMessage() }, locale));
			}
		}
		TargetStatus st = null;
		if (status != null && !status.isBlank()) {
			try {
				st = TargetStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				model.addAttribute("error",
						messages.getMessage("scoreboard.status.invalid", new Object[] { status }, locale));
			}
		}
		String cat = category == null || category.isBlank() ? null : category;
		IndicatorQueries.Scoreboard board = queries.scoreboard(cat, st, day);
		model.addAttribute("board", board);
		model.addAttribute("asOf", day != null ? day.format(VnFormat.DATE) : asOf == null ? "" : asOf.strip());
		model.addAttribute("asOfShown", day != null);
		model.addAttribute("asOfQuery", day == null ? "" : "&asOf=" + day.format(VnFormat.DATE));
		model.addAttribute("category", cat);
		model.addAttribute("status", st);
		model.addAttribute("statuses", TargetStatus.values());
		model.addAttribute("canManage", access.canManage(IndicatorAccess.me()));
		model.addAttribute("groups", group(board.rows(), locale));
		model.addAttribute("otherCategory", messages.getMessage("scoreboard.otherCategory", null, "Chỉ số khác", locale));
		return "indicator/scoreboard";
	}

	/** A day typed dd/MM/yyyy, not after today. */
	static LocalDate asOfDay(String typed, LocalDate today) {
		LocalDate d;
		try {
			d = LocalDate.parse(typed.strip(), VnFormat.TYPED_DATE);
		}
		catch (java.time.format.DateTimeParseException e) {
			String t = typed.strip();
			throw new DomainException("Ngày xem “" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
					+ "” không đúng dạng ngày/tháng/năm (ví dụ 30/09/2026)");
		}
		if (d.isAfter(today)) {
			throw new DomainException("Ngày xem " + d.format(VnFormat.DATE) + " ở sau hôm nay ("
					+ today.format(VnFormat.DATE) + "): chưa có số liệu của ngày đó");
		}
		return d;
	}

	/** The lines ready to print, by group. */
	private Map<String, List<IndicatorQueries.Shown>> group(List<IndicatorQueries.ScoreRow> rows, Locale locale) {
		Map<String, List<IndicatorQueries.Shown>> out = new LinkedHashMap<>();
		String other = messages.getMessage("scoreboard.otherCategory", null, "Chỉ số khác", locale);
		for (IndicatorQueries.ScoreRow r : rows) {
			out.computeIfAbsent(r.ind().category() == null ? other : r.ind().category(), k -> new ArrayList<>())
				.add(r.shown(messages, locale));
		}
		return out;
	}

	@GetMapping("/indicators/{code}")
	String page(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(defaultValue = "VALUE_DESC") String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Long historyOf, Model model, Locale locale) {
		Indicator ind = catalog.get(code);
		access.requireView(ind);
		Map<String, Indicator> all = catalog.byCode();
		List<IndicatorQueries.Point> series = queries.series(ind);
		Map<Period, TargetStatus.Assessment> statuses = queries.statuses(ind, series);
		Period selected = null;
		if (period != null && !period.isBlank()) {
			try {
				selected = Period.parse(ind.frequency(), period);
			}
			catch (DomainException e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		if (selected == null) {
			selected = series.stream().filter(p -> p.value() != null).reduce((a, b) -> b).map(IndicatorQueries.Point::period)
				.orElse(IndicatorQueries.lastDuePeriod(ind, clock.today()));
		}
		IndicatorQueries.BreakdownSort order = parseSort(sort);
		CurrentUser me = IndicatorAccess.me();
		IndicatorQueries.Point latest = series.stream().filter(p -> p.value() != null).reduce((a, b) -> b).orElse(null);
		model.addAttribute("ind", ind);
		model.addAttribute("agencyName", agencies.find(ind.responsibleAgencyId()).map(a -> a.getName()).orElse("?"));
		List<IndicatorQueries.Point> newestFirst = new ArrayList<>(series);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("series", newestFirst);
		model.addAttribute("statuses", statuses);
		model.addAttribute("latest", latest);
		model.addAttribute("assessment", latest == null ? TargetStatus.Assessment.of(TargetStatus.NO_DATA) : statuses.get(latest.period()));
		model.addAttribute("selected", selected);
		model.addAttribute("periods", queries.periods(ind, series));
		model.addAttribute("breakdown", ind.computed() && ind.breakdown() == Breakdown.PROVINCE ? null
				: queries.breakdown(ind, selected, order, Math.max(0, page), BREAKDOWN_PAGE));
		model.addAttribute("sort", order.name());
		model.addAttribute("inputs", queries.inputs(ind, selected, all));
		model.addAttribute("all", all);
		model.addAttribute("dependents", FormulaGraph.dependents(ind, all));
		model.addAttribute("sources", queries.sources(ind, selected));
		model.addAttribute("changes", ind.computed() ? List.of() : history.changes(ind, selected, historyOf, messages, locale));
		model.addAttribute("historyOf", historyOf == null ? null : queries.agencyName(historyOf));
		model.addAttribute("canManage", access.canManage(me));
		model.addAttribute("canEnter", !ind.computed() && access.isAgencyStaff(me) && catalog.reports(ind, me.agencyId()));
		model.addAttribute("chart", json.writeValueAsString(chart(ind, series)));
		model.addAttribute("reporters", ind.breakdown() == Breakdown.AGENCY && !ind.reporterIds().isEmpty()
				? agencies.refs(ind.reporterIds()).values().stream().map(r -> r.displayName()).sorted().toList() : List.of());
		return "indicator/page";
	}

	private static IndicatorQueries.BreakdownSort parseSort(String sort) {
		try {
			return IndicatorQueries.BreakdownSort.valueOf(sort);
		}
		catch (IllegalArgumentException e) {
			return IndicatorQueries.BreakdownSort.VALUE_DESC;
		}
	}

	/** Chart.js data for static/js/indicator-chart.js (a data-* attribute: no inline script under the CSP). */
	private static Map<String, Object> chart(Indicator ind, List<IndicatorQueries.Point> series) {
		Map<String, Object> c = new LinkedHashMap<>();
		List<String> labels = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		List<Object> targets = new ArrayList<>();
		for (IndicatorQueries.Point p : series) {
			labels.add(p.period().shortLabel());
			values.add(p.value() == null ? null : p.value().setScale(ind.decimals(), java.math.RoundingMode.HALF_UP));
			Indicator.Target t = ind.targetFor(p.period().year());
			targets.add(t == null ? null : t.value());
		}
		c.put("labels", labels);
		c.put("values", values);
		c.put("targets", targets);
		c.put("unit", ind.unit());
		c.put("decimals", ind.decimals());
		c.put("name", ind.name());
		return c;
	}

	// ---- definitions (DoST) ----

	@GetMapping("/indicators/new")
	String newForm(Model model) {
		access.requireManage("thêm chỉ số (chỉ Sở KH&CN)");
		return form(model, IndicatorForms.blankForm(), null);
	}

	@GetMapping("/indicators/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		access.requireManage("sửa chỉ số (chỉ Sở KH&CN)");
		Indicator ind = catalog.get(code);
		return form(model, IndicatorForms.toForm(ind), ind);
	}

	private String form(Model model, IndicatorForm form, Indicator ind) {
		model.addAttribute("form", form);
		model.addAttribute("ind", ind);
		model.addAttribute("agencies", agencies.assignable());
		model.addAttribute("kinds", IndicatorKind.values());
		model.addAttribute("aggregations", Aggregation.values());
		model.addAttribute("formulaKinds", FormulaKind.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("breakdowns", Breakdown.values());
		model.addAttribute("codes", catalog.all().stream().filter(i -> ind == null || i.id() != ind.id())
			.map(i -> i.code() + " – " + i.name()).toList());
		return "indicator/form";
	}

	@PostMapping("/indicators")
	String create(@ModelAttribute("form") IndicatorForm form, vn.nq57.system.FieldErrors problems, Model model,
			RedirectAttributes redirect) {
		try {
			problems.throwIfAny();
			Indicator saved = catalog.save(null, form);
			Flash.done(redirect, "flash.indicator.added", saved.code());
			return "redirect:/indicators/" + saved.code();
		}
		catch (DomainException e) {
			besideFields(model, e);
			return form(model, form, null);
		}
	}

	@PostMapping("/indicators/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") IndicatorForm form,
			vn.nq57.system.FieldErrors problems, Model model, RedirectAttributes redirect) {
		access.requireManage("sửa chỉ số (chỉ Sở KH&CN)");
		Indicator ind = catalog.get(code);
		try {
			problems.throwIfAny();
			Indicator saved = catalog.save(ind.id(), form);
			Flash.done(redirect, "flash.indicator.saved", saved.code());
			return "redirect:/indicators/" + saved.code();
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			besideFields(model, e);
			return form(model, form, ind);
		}
	}

	/** A refusal naming fields: each message beside its field, "not saved" at the top; any other at the top. */
	private static void besideFields(Model model, DomainException e) {
		if (e instanceof vn.nq57.system.FieldsRefused f) {
			model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, f.fields());
			model.addAttribute("error", Flash.text("form.notSaved"));
		}
		else {
			model.addAttribute("error", e.getMessage());
		}
	}

	@GetMapping("/indicators/export.xlsx")
	ResponseEntity<byte[]> export() {
		access.requireScoreboard();
		byte[] data = excel.export(catalog.all());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("bo-chi-so-" + clock.today() + ".xlsx", StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(data);
	}

	/** The indicator's values: province per period, agencies × periods, every value with its state and source. */
	@GetMapping("/indicators/{code}/values.xlsx")
	ResponseEntity<byte[]> exportValues(@PathVariable String code) {
		Indicator ind = catalog.get(code);
		access.requireView(ind);
		List<IndicatorQueries.Point> series = queries.series(ind);
		byte[] data = valuesExcel.export(ind, queries.agencyName(ind.responsibleAgencyId()), series,
				queries.statuses(ind, series), clock.today());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(IndicatorValuesExcel.filename(ind, clock.today()), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(data);
	}

	@PostMapping("/indicators/import")
	String importFile(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		access.requireManage("nhập bộ chỉ số từ tệp Excel (chỉ Sở KH&CN)");
		try {
			if (file == null || file.isEmpty()) {
				throw new DomainException("Chưa chọn tệp Excel");
			}
			List<Indicator> saved = excel.importFrom(file.getInputStream());
			Flash.done(redirect, "flash.indicator.imported", String.valueOf(saved.size()), file.getOriginalFilename());
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		catch (IOException e) {
			Flash.errorKey(redirect, "flash.upload.unreadable");
		}
		return "redirect:/indicators";
	}

	// ---- DoST returns a value ----

	@PostMapping("/indicators/values/{id}/return")
	String returnValue(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		IndicatorEntry.ValueRow v = entry.get(id);
		Indicator ind = catalog.get(v.indicatorId());
		try {
			entry.returnValue(id, reason, version);
			Flash.done(redirect, "flash.indicator.returned", v.agencyName());
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/indicators/" + ind.code() + "?period=" + new Period(ind.frequency(), v.periodStart()).code();
	}

	@GetMapping("/indicators/files/{id}")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		IndicatorFiles.StoredFile f = files.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy tệp"));
		access.requireReadValues(catalog.get(f.indicatorId()), f.agencyId());
		access.requireSubmittedOrOwn(files.backsSubmittedValue(id), f.agencyId(), null);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(f.data());
	}
}
