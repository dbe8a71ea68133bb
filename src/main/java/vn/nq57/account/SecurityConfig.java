package vn.nq57.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages use a session with CSRF protection; scripts call {@code /api/v1} with a per-user token in
 * {@code Authorization: Bearer …}, which carries no cookie and so needs no CSRF token. What a user may
 * see and change inside a page is decided by {@link AccessPolicy}, on the server, for every request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final RequestMatcher BEARER = r -> {
		String h = r.getHeader("Authorization");
		return h != null && h.startsWith("Bearer ");
	};

	static final RequestMatcher API = r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, UserService users) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
			.permitAll()
			// the outward face (vn.nq57.publicsite, vn.nq57.ioc): public pages and open data need no login; the machine
			// feed authenticates its clients itself (client id and secret, scopes) and answers 401/403 in JSON
			.requestMatchers("/public", "/public/**", "/open-data", "/open-data/**", "/ioc/v1/**")
			.permitAll()
			// the map's investor view: available lots, land use, area, infrastructure (vn.nq57.map.PublicMapController)
			.requestMatchers("/public/map", "/public/map/**").permitAll()
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.csrf(c -> c.ignoringRequestMatchers(BEARER))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
							+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")))
			// the API answers 401 JSON; everything else (browsers, curl, fetch) is sent to the login page
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(SecurityConfig::apiUnauthenticated, API)
				.defaultAuthenticationEntryPointFor(
						new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"),
						org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(SecurityConfig::denied))
			.addFilterBefore(new ApiTokenFilter(users), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** An API call without credentials: 401 with a JSON message, like every other API refusal. */
	static void apiUnauthenticated(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter().write("{\"status\":401,\"message\":\"Chưa đăng nhập: gửi mã truy cập API trong tiêu đề "
				+ "Authorization: Bearer <mã>\"}");
	}

	private static final AccessDeniedHandler PAGES_DENIED = new AccessDeniedHandlerImpl();

	/**
	 * A refusal by the filters (a missing CSRF token, mostly): pages as before; on the API, a caller without any
	 * credentials gets the same 401 as {@link #apiUnauthenticated}, a signed-in one a 403, both in JSON.
	 */
	static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (!API.matches(request)) {
			PAGES_DENIED.handle(request, response, e);
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			apiUnauthenticated(request, response, null);
			return;
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter().write(e instanceof CsrfException
				? "{\"status\":403,\"message\":\"Thiếu mã CSRF hợp lệ; tập lệnh hãy gửi mã truy cập API trong tiêu đề "
						+ "Authorization: Bearer <mã>\"}"
				: "{\"status\":403,\"message\":\"Bạn không có quyền thực hiện thao tác này\"}");
	}

	/** Authenticates a request that carries an API token; a wrong token is refused outright. */
	static class ApiTokenFilter extends OncePerRequestFilter {

		private final UserService users;

		ApiTokenFilter(UserService users) {
			this.users = users;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (BEARER.matches(request)) {
				String token = request.getHeader("Authorization").substring("Bearer ".length()).trim();
				var user = users.byApiToken(token);
				if (user.isEmpty()) {
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
					response.setContentType("application/json;charset=UTF-8");
					response.getWriter().write("{\"message\":\"Mã truy cập API không hợp lệ hoặc đã bị thu hồi\"}");
					return;
				}
				var auth = new UsernamePasswordAuthenticationToken(user.get(), null, user.get().getAuthorities());
				SecurityContextHolder.getContext().setAuthentication(auth);
			}
			chain.doFilter(request, response);
		}
	}
}
