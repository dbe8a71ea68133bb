package vn.nq57.steering;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyKind;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** The leaders' boards: list, compose, view with filters, PDF and Excel; and the ranking page. */
@Controller
class BoardController {

	static final String ROUTE = "/boards";
	static final String RANKING = "/steering/ranking";

	private final BoardService boards;
	private final RankingService ranking;
	private final AccessPolicy access;

	private final PanelText text;

	BoardController(BoardService boards, RankingService ranking, AccessPolicy access, PanelText text) {
		this.text = text;
		this.boards = boards;
		this.ranking = ranking;
		this.access = access;
	}

	@GetMapping(ROUTE)
	String list(Model model) {
		access.requireRoute(ROUTE);
		model.addAttribute("boards", boards.boards());
		model.addAttribute("mayCompose", BoardService.mayCompose(AccessPolicy.current()));
		form(model, null);
		return "steering/boards";
	}

	private void form(Model model, BoardService.Board b) {
		model.addAttribute("widgets", boards.available());
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("periods", BoardService.PeriodKind.values());
		model.addAttribute("roles", List.of(Role.LEADER, Role.SECRETARIAT, Role.AGENCY_HEAD, Role.AGENCY_OFFICER));
		model.addAttribute("communes", boards.communes());
		model.addAttribute("groups", boards.groupCodes());
		model.addAttribute("edit", b);
	}

	@PostMapping(ROUTE)
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> widgets,
			@RequestParam(required = false) String groupCode, @RequestParam(required = false) String agencyKind,
			@RequestParam(required = false) Long communeId, @RequestParam(required = false) BoardService.PeriodKind period,
			@RequestParam(required = false) Role sharedRole, RedirectAttributes redirect) {
		return save(null, null, name, widgets, groupCode, agencyKind, communeId, period, sharedRole, redirect);
	}

	@PostMapping(ROUTE + "/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String name, @RequestParam(required = false) List<String> widgets,
			@RequestParam(required = false) String groupCode, @RequestParam(required = false) String agencyKind,
			@RequestParam(required = false) Long communeId, @RequestParam(required = false) BoardService.PeriodKind period,
			@RequestParam(required = false) Role sharedRole, RedirectAttributes redirect) {
		return save(id, version, name, widgets, groupCode, agencyKind, communeId, period, sharedRole, redirect);
	}

	private String save(Long id, Long version, String name, List<String> widgets, String groupCode, String agencyKind,
			Long communeId, BoardService.PeriodKind period, Role sharedRole, RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		try {
			long bid = boards.save(id, new BoardService.BoardInput(name, widgets == null ? new ArrayList<>() : widgets,
					groupCode, agencyKind, communeId, period, sharedRole), version);
			Flash.done(redirect, "steering.flash.boardSaved");
			return "redirect:" + ROUTE + "/" + bid;
		}
		catch (DomainException e) {
			if (e instanceof ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
			return "redirect:" + (id == null ? ROUTE : ROUTE + "/" + id + "/edit");
		}
	}

	@PostMapping(ROUTE + "/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		boards.delete(id, version);
		Flash.done(redirect, "steering.flash.boardDeleted");
		return "redirect:" + ROUTE;
	}

	@GetMapping(ROUTE + "/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		access.requireRoute(ROUTE);
		BoardService.Board b = boards.open(id);
		access.require(b.ownerId() == AccessPolicy.current().id(), "STEERING_BOARD", id, "sửa bảng điều hành của người khác");
		form(model, b);
		return "steering/board-edit";
	}

	@GetMapping(ROUTE + "/{id}")
	String view(@PathVariable long id, @RequestParam(required = false) String groupCode,
			@RequestParam(required = false) String agencyKind, @RequestParam(required = false) Long communeId,
			@RequestParam(required = false) BoardService.PeriodKind period, Model model) {
		access.requireRoute(ROUTE);
		BoardService.View v = view(id, groupCode, agencyKind, communeId, period);
		model.addAttribute("v", v);
		model.addAttribute("filterText", filterText(v));
		model.addAttribute("query", query(v, period));
		form(model, v.board());
		return "steering/board";
	}

	@GetMapping(ROUTE + "/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String groupCode,
			@RequestParam(required = false) String agencyKind, @RequestParam(required = false) Long communeId,
			@RequestParam(required = false) BoardService.PeriodKind period) {
		access.requireRoute(ROUTE);
		BoardService.View v = view(id, groupCode, agencyKind, communeId, period);
		return SessionController.file(BoardExport.pdf(v, filterText(v)), "bang-dieu-hanh-" + id + ".pdf",
				MediaType.APPLICATION_PDF);
	}

	@GetMapping(ROUTE + "/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false) String groupCode,
			@RequestParam(required = false) String agencyKind, @RequestParam(required = false) Long communeId,
			@RequestParam(required = false) BoardService.PeriodKind period) {
		access.requireRoute(ROUTE);
		BoardService.View v = view(id, groupCode, agencyKind, communeId, period);
		return SessionController.file(BoardExport.xlsx(v, filterText(v)), "bang-dieu-hanh-" + id + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	private BoardService.View view(long id, String groupCode, String agencyKind, Long communeId,
			BoardService.PeriodKind period) {
		BoardService.Board b = boards.open(id);
		boolean override = groupCode != null || agencyKind != null || communeId != null;
		Filter f = override ? new Filter(groupCode, agencyKind, communeId, null) : null;
		if (agencyKind != null && !agencyKind.isBlank()) {
			try {
				AgencyKind.valueOf(agencyKind);
			}
			catch (IllegalArgumentException e) {
				throw new DomainException("Loại cơ quan không hợp lệ");
			}
		}
		return boards.view(b, f, period);
	}

	private String filterText(BoardService.View v) {
		List<String> parts = new ArrayList<>();
		Filter f = v.filter();
		if (f.groupCode() != null) {
			parts.add("Nhóm nhiệm vụ " + f.groupCode());
		}
		if (f.agencyKind() != null) {
			parts.add(AgencyKind.valueOf(f.agencyKind()).label());
		}
		if (f.agencyId() != null) {
			parts.add(boards.agencyName(f.agencyId()));
		}
		return String.join(" · ", parts);
	}

	private static String query(BoardService.View v, BoardService.PeriodKind period) {
		StringBuilder q = new StringBuilder();
		Filter f = v.filter();
		if (f.groupCode() != null) {
			q.append("&groupCode=").append(java.net.URLEncoder.encode(f.groupCode(), java.nio.charset.StandardCharsets.UTF_8));
		}
		if (f.agencyKind() != null) {
			q.append("&agencyKind=").append(f.agencyKind());
		}
		if (f.communeId() != null) {
			q.append("&communeId=").append(f.communeId());
		}
		if (period != null) {
			q.append("&period=").append(period.name());
		}
		return q.isEmpty() ? "" : "?" + q.substring(1);
	}

	// ----- the ranking -----

	@GetMapping(RANKING)
	String ranking(@RequestParam(required = false) String kind, @RequestParam(required = false) String period,
			Model model, jakarta.servlet.http.HttpServletRequest request) {
		access.requireRoute(RANKING);
		String k = kind == null || kind.isBlank() ? null : kind;
		if (k != null) {
			try {
				AgencyKind.valueOf(k);
			}
			catch (IllegalArgumentException e) {
				throw new DomainException("Loại cơ quan không hợp lệ");
			}
		}
		Filter f = new Filter(null, k, null, null);
		List<RankingService.PeriodRef> closed = ranking.closedPeriods(4);
		RankingService.Ranking r = closed.stream().filter(p -> p.label().equals(period)).findFirst()
			.map(p -> ranking.closed(p, f)).orElseGet(() -> ranking.live(ranking.today(), f));
		model.addAttribute("r", r);
		model.addAttribute("rankingRowsHtml", text.rankingRows(r, request.getContextPath() + "/tasks"));
		model.addAttribute("closed", closed);
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("kind", k);
		model.addAttribute("period", period);
		return "steering/ranking";
	}
}
