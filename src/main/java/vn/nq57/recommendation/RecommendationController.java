package vn.nq57.recommendation;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** The recommendations pages (list, entry, routing, answer, publication, timeliness) and the obstacles queue. */
@Controller
class RecommendationController {

	private final RecommendationService service;
	private final ObstacleQueue queue;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AppClock clock;

	RecommendationController(RecommendationService service, ObstacleQueue queue, AgencyDirectory agencies,
			AccessPolicy access, AppClock clock) {
		this.service = service;
		this.queue = queue;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	private String act(RedirectAttributes redirect, Runnable work, String back) {
		try {
			work.run();
			Flash.done(redirect, "flash.catalogue.stepDone");
		}
		catch (ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:" + back;
	}

	@GetMapping("/recommendations")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/recommendations");
		CurrentUser user = AccessPolicy.current();
		RecommendationService.State s = state == null || state.isBlank() ? null : RecommendationService.State.valueOf(state);
		model.addAttribute("page", service.search(new RecommendationService.Filter(q, s, null), Math.max(0, page), 20));
		model.addAttribute("q", q);
		model.addAttribute("state", state);
		model.addAttribute("states", RecommendationService.State.values());
		model.addAttribute("isSecretariat", user.is(Role.SECRETARIAT));
		model.addAttribute("timeliness", user.seesEveryAgency() ? service.timeliness() : List.of());
		model.addAttribute("today", clock.today());
		return "recommendation/list";
	}

	@PostMapping("/recommendations")
	String create(RecommendationService.Input form, RedirectAttributes redirect) {
		long[] id = { 0 };
		String back = act(redirect, () -> id[0] = service.create(form), "/recommendations");
		return id[0] == 0 ? back : "redirect:/recommendations/" + id[0];
	}

	@GetMapping("/recommendations/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser user = AccessPolicy.current();
		RecommendationService.Recommendation r = service.get(id);
		model.addAttribute("r", r);
		model.addAttribute("history", service.history(id));
		model.addAttribute("agencies", agencies.assignable());
		model.addAttribute("isSecretariat", user.is(Role.SECRETARIAT));
		model.addAttribute("canAnswer", user.is(Role.SECRETARIAT) || (r.agencyId() != null && access.canReport(user, r.agencyId())));
		model.addAttribute("overdue", r.overdue(clock.today()));
		return "recommendation/detail";
	}

	@PostMapping("/recommendations/{id}/route")
	String route(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long agencyId,
			@RequestParam(required = false) String dueDate, RedirectAttributes redirect) {
		return act(redirect, () -> service.route(id, version, agencyId, dueDate), "/recommendations/" + id);
	}

	@PostMapping("/recommendations/{id}/answer")
	String answer(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String answer,
			RedirectAttributes redirect) {
		return act(redirect, () -> service.answer(id, version, answer), "/recommendations/" + id);
	}

	@PostMapping("/recommendations/{id}/publish")
	String publish(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return act(redirect, () -> service.publish(id, version), "/recommendations/" + id);
	}

	@PostMapping("/recommendations/{id}/close")
	String close(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return act(redirect, () -> service.close(id, version, note), "/recommendations/" + id);
	}

	// ----- the obstacles queue -----

	@GetMapping("/recommendations/obstacles")
	String obstacles(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String group,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/recommendations/obstacles");
		CurrentUser user = AccessPolicy.current();
		// the queue is filled by RecommendationJobs.obstacles (every five minutes, one node), not by opening the page
		model.addAttribute("page", queue.search(new ObstacleQueue.Filter(q, state, kind, null, group), Math.max(0, page), 30));
		model.addAttribute("groups", queue.groups());
		model.addAttribute("q", q);
		model.addAttribute("state", state);
		model.addAttribute("kind", kind);
		model.addAttribute("isSecretariat", user.is(Role.SECRETARIAT));
		model.addAttribute("canAnswer", user.is(Role.SECRETARIAT) || user.is(Role.LEADER));
		return "recommendation/obstacles";
	}

	@PostMapping("/recommendations/obstacles/group")
	String group(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String label,
			RedirectAttributes redirect) {
		return act(redirect, () -> queue.group(ids, label), "/recommendations/obstacles");
	}

	@PostMapping("/recommendations/obstacles/{id}/route")
	String routeObstacle(@PathVariable long id, @RequestParam long version, @RequestParam String level,
			RedirectAttributes redirect) {
		return act(redirect, () -> queue.route(id, version, level), "/recommendations/obstacles");
	}

	@PostMapping("/recommendations/obstacles/{id}/answer")
	String answerObstacle(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String answer,
			RedirectAttributes redirect) {
		return act(redirect, () -> queue.answer(id, version, answer), "/recommendations/obstacles");
	}
}
