package vn.nq57.publicsite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * DoST's read-only view of what citizens and firms sent through the public form, until the recommendation module
 * takes the inbox over and routes each to an agency. A menu route: only the roles {@code account.Menu} lists may open it.
 */
@Controller
class RecommendationInboxController {

	private final PublicRecommendations recommendations;

	RecommendationInboxController(PublicRecommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/public-recommendations")
	String inbox(Model model) {
		model.addAttribute("rows", recommendations.unrouted());
		return "publicsite/inbox";
	}
}
