package vn.nq57.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * An htmx request that targets one element of a page ({@code HX-Target: task-results}) gets that element only,
 * rendered from the same template and model ({@code task/list :: #task-results}), instead of the whole page in
 * its layout: the page asks for less, the browser keeps its state. Controllers stay unaware of htmx; a request
 * without htmx, or without a target, gets the page as always.
 */
class HtmxFragments implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView mv) {
		String target = request.getHeader("HX-Target");
		if (mv == null || !"true".equals(request.getHeader("HX-Request")) || target == null
				|| !target.matches("[A-Za-z][\\w-]*")) {
			return;
		}
		String view = mv.getViewName();
		if (view != null && !view.startsWith("redirect:") && !view.startsWith("forward:") && !view.contains("::")) {
			mv.setViewName(view + " :: #" + target);
			// a cache must not hand the fragment to a full page load of the same address, or the reverse
			response.addHeader("Vary", "HX-Request");
		}
	}
}
