package vn.nq57.publicsite;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.indicator.IndicatorPublicBoard;
import vn.nq57.kernel.Page;
import vn.nq57.system.NotFoundException;

/**
 * The public pages, open to anyone without signing in (and embeddable in the provincial portal): the province's
 * progress, the lead agencies, the indicator scoreboard, one indicator's series and the open data. Every figure comes
 * from {@link PublicFigures} (kept aggregates), never from a query per request.
 */
@Controller
class PublicController {

	static final int AGENCY_PAGE = 50;

	private final PublicFigures figures;
	private final PublicDatasets datasets;
	private final PublicSettings settings;

	PublicController(PublicFigures figures, PublicDatasets datasets, PublicSettings settings) {
		this.figures = figures;
		this.datasets = datasets;
		this.settings = settings;
	}

	static void cacheable(HttpServletResponse response) {
		response.setHeader("Cache-Control", CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic().getHeaderValue());
	}

	@GetMapping({ "/public", "/public/" })
	String home(Model model, Locale locale, HttpServletResponse response) {
		cacheable(response);
		model.addAttribute("progress", figures.progress());
		model.addAttribute("statuses", PublicFigures.ORDER);
		List<IndicatorPublicBoard.Line> board = figures.scoreboard(locale);
		model.addAttribute("indicatorCount", board.size());
		model.addAttribute("section", "home");
		return "publicsite/home";
	}

	@GetMapping("/public/agencies")
	String agencies(@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		cacheable(response);
		List<PublicFigures.Counts> all = figures.agencies();
		int p = Math.max(0, page);
		int from = Math.min(all.size(), p * AGENCY_PAGE);
		int to = Math.min(all.size(), from + AGENCY_PAGE);
		model.addAttribute("rows", all.subList(from, to));
		model.addAttribute("page", new Page<>(all.subList(from, to), p, AGENCY_PAGE, all.size()));
		model.addAttribute("asOf", figures.agenciesAsOf());
		model.addAttribute("statuses", PublicFigures.ORDER);
		model.addAttribute("section", "agencies");
		return "publicsite/agencies";
	}

	@GetMapping("/public/indicators")
	String indicators(Model model, Locale locale, HttpServletResponse response) {
		cacheable(response);
		model.addAttribute("lines", figures.scoreboard(locale));
		model.addAttribute("asOf", figures.progress().asOf());
		model.addAttribute("section", "indicators");
		return "publicsite/indicators";
	}

	@GetMapping("/public/indicators/{code}")
	String indicator(@PathVariable String code, Model model, Locale locale, HttpServletResponse response) {
		IndicatorPublicBoard.Line line = figures.scoreboard(locale).stream().filter(l -> l.code().equals(code)).findFirst()
			.orElseThrow(() -> new NotFoundException("Không có chỉ số công khai mã “" + code + "”"));
		cacheable(response);
		model.addAttribute("line", line);
		model.addAttribute("chart", PublicCharts.series(line));
		model.addAttribute("section", "indicators");
		return "publicsite/indicator";
	}

	/** The catalogues' data sets with a page of their own (the others are read as figures on the pages above). */
	static final List<String> LISTED = List.of("bai-toan-lon", "sang-kien", "kien-nghi-da-tra-loi", "he-thong-thong-tin");

	/**
	 * One public data set as a page: each row a card with the columns' meanings as labels (fits 390 px, prints), 20
	 * a page, with an accent-insensitive search; the same rows as the downloads, from the kept table.
	 */
	@GetMapping("/public/data/{name}")
	String dataset(@PathVariable String name, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		PublicDataset d = datasets.find(name)
			.orElseThrow(() -> new NotFoundException("Không có bộ dữ liệu công khai “" + name + "”"));
		cacheable(response);
		PublicDatasets.Table table = datasets.table(d);
		List<java.util.Map<String, Object>> rows = table.maps();
		String needle = vn.nq57.kernel.VnText.fold(q == null ? "" : q).strip();
		if (!needle.isEmpty()) {
			rows = rows.stream()
				.filter(r -> vn.nq57.kernel.VnText.fold(r.values().stream().filter(java.util.Objects::nonNull)
					.map(Object::toString).collect(java.util.stream.Collectors.joining(" "))).contains(needle))
				.toList();
		}
		int p = Math.max(0, page);
		int from = Math.min(rows.size(), p * LIST_PAGE);
		int to = Math.min(rows.size(), from + LIST_PAGE);
		model.addAttribute("dataset", d);
		model.addAttribute("rows", rows.subList(from, to));
		model.addAttribute("page", new Page<>(rows.subList(from, to), p, LIST_PAGE, rows.size()));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("pagerUrl", "/public/data/" + name + "?"
				+ (needle.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(q.strip(), java.nio.charset.StandardCharsets.UTF_8) + "&"));
		model.addAttribute("asOf", table.asOf());
		model.addAttribute("formats", OpenDataFiles.Format.values());
		model.addAttribute("section", LISTED.contains(name) ? name : "data");
		return "publicsite/list";
	}

	static final int LIST_PAGE = 20;

	@GetMapping("/public/data")
	String data(Model model, HttpServletResponse response) {
		cacheable(response);
		model.addAttribute("datasets", datasets.all());
		model.addAttribute("licence", settings.licence());
		model.addAttribute("formats", OpenDataFiles.Format.values());
		model.addAttribute("section", "data");
		return "publicsite/data";
	}
}
