package vn.nq57.publicsite;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The rendered public pages for anonymous visitors, kept for {@code nq57.public.page-seconds} (default 30): under
 * load the page is drawn once and then sent as bytes. A stale page is redrawn by one request while the others still
 * get the kept one. Not kept: a signed-in user's view (its header names the user), a request that switches the
 * language, the recommendation form (it carries a CSRF token), anything but a 200.
 */
class PublicPageCache extends OncePerRequestFilter {

	private record Kept(byte[] body, String contentType, String cacheControl, long at, AtomicBoolean redrawing, long generation) {
	}

	private static final Set<String> PAGES = Set.of("/public", "/public/", "/public/agencies", "/public/indicators",
			"/public/data");

	/** Addresses differ only by page number and language; a search ({@code q}) is never kept. */
	private static final int MAX_PAGES = 2000;

	private final ConcurrentHashMap<String, Kept> pages = new ConcurrentHashMap<>();
	private final long maxAgeMillis;
	private final PublicCache data;

	PublicPageCache(@Value("${nq57.public.page-seconds:30}") long seconds, PublicCache data) {
		this.maxAgeMillis = seconds * 1000;
		this.data = data;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || request.getParameter("lang") != null || request.getParameter("q") != null
				|| maxAgeMillis <= 0 || pages.size() > MAX_PAGES) {
			return true;
		}
		if (!(PAGES.contains(path) || path.startsWith("/public/indicators/") || path.startsWith("/public/data/"))) {
			return true;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && !(auth instanceof AnonymousAuthenticationToken);
	}

	private static String key(HttpServletRequest request) {
		String lang = "vi";
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if ("lang".equals(c.getName())) {
					lang = c.getValue();
				}
			}
		}
		return lang + "|" + request.getRequestURI() + "?" + (request.getQueryString() == null ? "" : request.getQueryString());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		Kept kept = pages.get(key);
		if (kept != null && kept.generation() != data.generation()) {
			pages.remove(key, kept);
			kept = null;
		}
		long now = System.currentTimeMillis();
		if (kept != null && (now - kept.at() < maxAgeMillis || !kept.redrawing().compareAndSet(false, true))) {
			response.setContentType(kept.contentType());
			if (kept.cacheControl() != null) {
				response.setHeader("Cache-Control", kept.cacheControl());
			}
			response.setContentLength(kept.body().length);
			response.getOutputStream().write(kept.body());
			return;
		}
		long generation = data.generation();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == 200 && wrapper.getContentType() != null
					&& wrapper.getContentType().startsWith("text/html") && wrapper.getHeader("Set-Cookie") == null) {
				pages.put(key, new Kept(wrapper.getContentAsByteArray(), wrapper.getContentType(),
						wrapper.getHeader("Cache-Control"), System.currentTimeMillis(), new AtomicBoolean(false), generation));
			}
			else if (kept != null) {
				kept.redrawing().set(false);
			}
		}
		finally {
			wrapper.copyBodyToResponse();
		}
	}

	void clear() {
		pages.clear();
	}
}
