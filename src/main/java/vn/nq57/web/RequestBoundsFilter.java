package vn.nq57.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nq57.system.Bounds;

/**
 * Before any handler of any module: a {@code page} parameter outside 0…{@value Bounds#MAX_PAGE} or a {@code size}
 * outside 1…{@value Bounds#MAX_SIZE} is refused with 400 and a Vietnamese message (JSON on the API), so that no
 * list can be asked for past the end of the integers or in pages of millions of rows.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBoundsFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the query string only: reading a parameter would parse a multipart body here, before its size is checked
		String bad = check(query(request, "page"), 0, Bounds.MAX_PAGE, "Số trang");
		if (bad == null) {
			bad = check(query(request, "size"), 1, Bounds.MAX_SIZE, "Số dòng mỗi trang");
		}
		if (bad != null) {
			response.setStatus(400);
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType("application/json;charset=UTF-8");
				response.getWriter().write(new tools.jackson.databind.ObjectMapper()
					.writeValueAsString(Map.of("status", 400, "message", bad)));
			}
			else {
				response.setContentType("text/html;charset=UTF-8");
				response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>Yêu cầu "
						+ "không hợp lệ</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><h1>Yêu cầu "
						+ "không hợp lệ</h1><p>" + org.springframework.web.util.HtmlUtils.htmlEscape(bad)
						+ "</p><p><a href=\"/\">Về trang chủ</a></p></main></body></html>");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static String query(HttpServletRequest request, String name) {
		String q = request.getQueryString();
		if (q == null) {
			return null;
		}
		for (String pair : q.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			if (key.equals(name)) {
				return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String check(String value, int min, int max, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long n = Long.parseLong(value.strip());
			if (n >= min && n <= max) {
				return null;
			}
		}
		catch (NumberFormatException e) {
			// a page size like "all" is left to the handler, which may accept words
			return null;
		}
		String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
		return what + " “" + shown + "” không hợp lệ: từ " + min + " đến " + max;
	}
}
