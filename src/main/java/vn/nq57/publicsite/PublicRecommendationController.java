package vn.nq57.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.system.DomainException;

/** The public recommendation form: no login, works without JavaScript, every refusal in Vietnamese, nothing stored. */
@Controller
class PublicRecommendationController {

	private final PublicRecommendations recommendations;

	PublicRecommendationController(PublicRecommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/public/recommendations/new")
	String form(Model model) {
		model.addAttribute("form", new PublicRecommendations.Submission("CITIZEN", "", "", "", ""));
		model.addAttribute("section", "recommend");
		return "publicsite/recommend";
	}

	@PostMapping("/public/recommendations")
	String send(@RequestParam(defaultValue = "") String senderKind, @RequestParam(defaultValue = "") String topic,
			@RequestParam(defaultValue = "") String content, @RequestParam(defaultValue = "") String senderName,
			@RequestParam(defaultValue = "") String contact, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		var form = new PublicRecommendations.Submission(senderKind, topic, content, senderName, contact);
		model.addAttribute("section", "recommend");
		try {
			long id = recommendations.submit(form, request.getRemoteAddr());
			model.addAttribute("receipt", id);
			model.addAttribute("sent", form);
			return "publicsite/recommend-sent";
		}
		catch (PublicRecommendations.Flood e) {
			response.setStatus(429);
			response.setHeader("Retry-After", "3600");
			model.addAttribute("formError", e.getMessage());
		}
		catch (DomainException e) {
			response.setStatus(400);
			model.addAttribute("formError", e.getMessage());
		}
		model.addAttribute("form", form);
		return "publicsite/recommend";
	}
}
