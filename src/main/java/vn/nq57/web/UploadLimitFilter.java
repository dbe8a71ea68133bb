package vn.nq57.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * An upload over {@code spring.servlet.multipart.*} fails when the request's parameters are first read, which
 * is Spring Security's CSRF check, before any controller or {@link ErrorAdvice}; the container would answer
 * with its own English error page. This filter, just before Spring Security's (order -100), reads a multipart
 * request first and answers such a failure itself, in Vietnamese. A request that parses is passed on as is.
 */
@Component
@Order(-101)
class UploadLimitFilter extends OncePerRequestFilter {

	static final String TOO_LARGE = "Tệp tải lên vượt quá dung lượng cho phép (tối đa %s mỗi lần tải lên); không có gì được lưu";

	/** The limit the message names: the multipart limit of the whole request. */
	private final String limit;

	UploadLimitFilter(@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:10MB}")
			org.springframework.util.unit.DataSize limit) {
		this.limit = limit.toMegabytes() + " MB";
	}

	static final String UNREADABLE = "Không đọc được tệp tải lên; không có gì được lưu";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !StringUtils.startsWithIgnoreCase(request.getContentType(), "multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			new StandardMultipartHttpServletRequest(request);
		}
		catch (MaxUploadSizeExceededException e) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE.formatted(limit));
			return;
		}
		catch (MultipartException e) {
			refuse(request, response, HttpStatus.BAD_REQUEST, UNREADABLE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message) throws IOException {
		response.setStatus(status.value());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"status\":" + status.value() + ",\"message\":\"" + message + "\"}");
			return;
		}
		String home = request.getContextPath() + "/";
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html>
				<html lang="vi"><head><meta charset="UTF-8"><title>Không thực hiện được</title>
				<link rel="stylesheet" href="%scss/app.css"></head>
				<body><main><h1>Không thực hiện được</h1><p class="flash error">%s</p>
				<p><a href="%s">Về trang chủ</a></p></main></body></html>
				""".formatted(HtmlUtils.htmlEscape(home, "UTF-8"), HtmlUtils.htmlEscape(message, "UTF-8"),
						HtmlUtils.htmlEscape(home, "UTF-8")));
	}
}
