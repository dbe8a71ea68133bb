package vn.nq57.publicsite;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A post to a public form larger than {@value #MAX_BYTES} bytes (a 10-MB "recommendation") is answered 413 with a
 * Vietnamese page before anything reads it: the container would otherwise drop the oversized form's fields, and the
 * CSRF check would answer with a bare 403.
 */
@Component
@Order(-102)
class PublicBodyLimitFilter extends OncePerRequestFilter {

	static final int MAX_BYTES = 64 * 1024;

	static final String TOO_LARGE = "Kiến nghị quá dài (tối đa 5.000 ký tự); không có gì được lưu. Vui lòng rút gọn rồi gửi lại.";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/public/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > MAX_BYTES || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
			response.setStatus(413);
			response.setHeader("Connection", "close");
			response.setContentType("text/html;charset=UTF-8");
			String home = HtmlUtils.htmlEscape(request.getContextPath() + "/public/recommendations/new", "UTF-8");
			response.getWriter().write("""
					<!DOCTYPE html>
					<html lang="vi"><head><meta charset="UTF-8"><title>Không gửi được kiến nghị</title>
					<meta name="viewport" content="width=device-width, initial-scale=1">
					<link rel="stylesheet" href="%s/css/app.css"></head>
					<body><main id="main"><h1>Không gửi được kiến nghị</h1><p class="flash error">%s</p>
					<p><a href="%s">Quay lại biểu mẫu kiến nghị</a></p></main></body></html>
					""".formatted(HtmlUtils.htmlEscape(request.getContextPath(), "UTF-8"), HtmlUtils.htmlEscape(TOO_LARGE, "UTF-8"), home));
			return;
		}
		chain.doFilter(request, response);
	}
}
