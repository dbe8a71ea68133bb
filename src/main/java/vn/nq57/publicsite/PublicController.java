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
