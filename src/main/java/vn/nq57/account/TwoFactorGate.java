package vn.nq57.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor a session opens only the code page (and signing out); a session whose
 * role must use two factors but has not set them up opens only the set-up page.
 */
final class TwoFactorGate extends OncePerRequestFilter {

	static final String PENDING = "nq57.totp.pending";
	static final String ENROL = "nq57.totp.enrol";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean asset = path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
					|| path.startsWith("/img/") || path.equals("/logout") || path.equals("/error");
			if (session.getAttribute(PENDING) != null && !asset && !path.equals("/login/totp")) {
				response.sendRedirect(request.getContextPath() + "/login/totp");
				return;
			}
			if (session.getAttribute(ENROL) != null && !asset && !path.startsWith("/account/totp")) {
				response.sendRedirect(request.getContextPath() + "/account/totp");
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
