package vn.nq57.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages use a session (held in the database, so every node shares it) with CSRF protection; scripts call
 * {@code /api/v1} with a per-user token in {@code Authorization: Bearer …}, which carries no cookie and so needs no
 * CSRF token, opens the API paths only, expires and carries scopes. What a user may see and change inside a page
 * is decided by {@link AccessPolicy}, on the server, for every request; the account's state, role, agency and
 * password are re-read on every request, so a change to any of them ends the sessions signed in before it.
 * Sign-in: local passwords (throttled per account and per address, state in the database), optionally a second
 * factor (TOTP), and single sign-on through OpenID Connect when a provider is configured.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final RequestMatcher BEARER = r -> {
		String h = r.getHeader("Authorization");
		return h != null && h.startsWith("Bearer ");
	};

	static final RequestMatcher API = r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/");

	/** Paths an API token opens: the API and the metrics scrape. */
	static final RequestMatcher TOKEN_PATHS = r -> API.matches(r)
			|| r.getRequestURI().startsWith(r.getContextPath() + "/actuator/");

	static final String[] PUBLIC = { "/login", "/login/sso-unknown", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
			// the outward face (vn.nq57.publicsite, vn.nq57.ioc): public pages and open data need no login; the machine
			// feed authenticates its clients itself (client id and secret, scopes) and answers 401/403 in JSON; the
			// map's investor view (vn.nq57.map.PublicMapController) is under /public/map
			"/public", "/public/**", "/open-data", "/open-data/**", "/ioc/v1/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (behind a load
	 * balancer, with {@code server.forward-headers-strategy=native}).
	 */
	@Bean
	org.springframework.session.web.http.CookieSerializer cookieSerializer() {
		var cookie = new org.springframework.session.web.http.DefaultCookieSerializer();
		cookie.setCookieName("SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}

	/**
	 * Two requests of one session that add the same attribute at once (a page and its htmx fragment, two tabs) would
	 * both insert it and one would fail on the primary key (found by the load test): PostgreSQL's upsert instead.
	 */
	@Bean
	org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
		return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, UserService users, LoginThrottle throttle, TwoFactor twoFactor,
			JdbcTemplate jdbc, SecurityContextRepository contexts,
			ObjectProvider<ClientRegistrationRepository> clients, SingleSignOn sso,
			@Value("${nq57.auth.local-enabled:true}") boolean localEnabled, vn.nq57.system.Settings settings,
			@Value("${nq57.csp.img-src:}") String extraImages, @Value("${nq57.csp.refresh-seconds:30}") int cspRefresh,
			@Value("${nq57.public.frame-ancestors:https://*.gov.vn}") String publicFrameAncestors)
			throws Exception {
		SignInHandlers handlers = new SignInHandlers(throttle, twoFactor);
		http.securityContext(c -> c.securityContextRepository(contexts))
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll()
				.requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").successHandler(handlers::succeeded)
				.failureHandler(handlers::failed).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.csrf(c -> c.ignoringRequestMatchers(BEARER))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h
				// no inline script or style; images also from the map's tile server when one is configured
				.addHeaderWriter(new ContentSecurityPolicy(settings, extraImages, cspRefresh, publicFrameAncestors))
				// X-Frame-Options DENY for the browsers that read no CSP, except on the portal's embedded public pages
				.frameOptions(f -> f.disable())
				.addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
						r -> !ContentSecurityPolicy.isPublic(r),
						new org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter(
								org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			// the API answers 401 JSON; everything else (browsers, curl, fetch) is sent to the login page
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(SecurityConfig::apiUnauthenticated, API)
				.defaultAuthenticationEntryPointFor(
						new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"),
						org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(SecurityConfig::denied))
			.addFilterBefore(new ApiTokenFilter(users), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle, localEnabled), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new RevalidationFilter(jdbc), AuthorizationFilter.class)
			.addFilterBefore(new TwoFactorGate(), AuthorizationFilter.class);
		if (clients.getIfAvailable() != null) {
			http.oauth2Login(o -> o.loginPage("/login")
				.userInfoEndpoint(u -> u.oidcUserService(sso))
				.successHandler((req, resp, auth) -> {
					CurrentUser user = sso.currentUser(auth);
					SecurityContext ctx = SecurityContextHolder.createEmptyContext();
					ctx.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
					SecurityContextHolder.setContext(ctx);
					contexts.saveContext(ctx, req, resp);
					handlers.afterFirstFactor(user, req, resp);
				})
				.failureHandler((req, resp, ex) -> resp.sendRedirect(req.getContextPath() + "/login/sso-unknown")));
		}
		return http.build();
	}

	static String address(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	/** What happens after a password was checked: the throttle's count, and the second factor when there is one. */
	static final class SignInHandlers {

		private final LoginThrottle throttle;
		private final TwoFactor twoFactor;

		SignInHandlers(LoginThrottle throttle, TwoFactor twoFactor) {
			this.throttle = throttle;
			this.twoFactor = twoFactor;
		}

		void failed(HttpServletRequest req, HttpServletResponse resp, AuthenticationException e) throws IOException {
			String username = req.getParameter("username");
			Optional<Duration> lock = throttle.failed(username, address(req), e.getClass().getSimpleName());
			resp.sendRedirect(req.getContextPath()
					+ lock.map(d -> "/login?locked=" + LoginThrottle.minutes(d)).orElse("/login?error"));
		}

		void succeeded(HttpServletRequest req, HttpServletResponse resp, Authentication auth) throws IOException {
			CurrentUser user = (CurrentUser) auth.getPrincipal();
			throttle.succeeded(user.username(), address(req));
			afterFirstFactor(user, req, resp);
		}

		void afterFirstFactor(CurrentUser user, HttpServletRequest req, HttpServletResponse resp) throws IOException {
			HttpSession session = req.getSession();
			if (twoFactor.enrolled(user.id())) {
				session.setAttribute(TwoFactorGate.PENDING, user.id());
				resp.sendRedirect(req.getContextPath() + "/login/totp");
			}
			else if (twoFactor.requiredFor(user.role())) {
				session.setAttribute(TwoFactorGate.ENROL, user.id());
				resp.sendRedirect(req.getContextPath() + "/account/totp");
			}
			else {
				resp.sendRedirect(req.getContextPath() + "/");
			}
		}
	}

	/** A locked account or address is refused before its password is even checked, with the wait in minutes. */
	static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;
		private final boolean localEnabled;

		ThrottleFilter(LoginThrottle throttle, boolean localEnabled) {
			this.throttle = throttle;
			this.localEnabled = localEnabled;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod())
					&& request.getRequestURI().equals(request.getContextPath() + "/login"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!localEnabled) {
				response.sendRedirect(request.getContextPath() + "/login?localOff");
				return;
			}
			String username = request.getParameter("username");
			Optional<Duration> wait = throttle.lockedFor(username, address(request));
			if (wait.isPresent()) {
				throttle.refusedWhileLocked(username, address(request));
				response.sendRedirect(request.getContextPath() + "/login?locked=" + LoginThrottle.minutes(wait.get()));
				return;
			}
			chain.doFilter(request, response);
		}
	}

	/**
	 * Re-reads the signed-in account on every request: a session signed in before the account was disabled, moved
	 * to another agency or role, or had its password changed ends here (the page asks to sign in again, the API
	 * answers 401).
	 */
	static final class RevalidationFilter extends OncePerRequestFilter {

		private final JdbcTemplate jdbc;

		RevalidationFilter(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof CurrentUser user && !stillValid(user)) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				if (API.matches(request)) {
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
					response.setContentType("application/json;charset=UTF-8");
					response.getWriter().write("{\"status\":401,\"message\":\"Tài khoản đã thay đổi (khóa, vai trò, "
							+ "cơ quan hoặc mật khẩu); hãy đăng nhập lại\"}");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
				return;
			}
			chain.doFilter(request, response);
		}

		private boolean stillValid(CurrentUser user) {
			return Boolean.TRUE.equals(jdbc.query(
					"SELECT enabled, role, agency_id, password_hash FROM app_user WHERE id = ?",
					rs -> rs.next() && rs.getBoolean(1) && user.role().name().equals(rs.getString(2))
							&& user.agencyId() != null && user.agencyId() == rs.getLong(3)
							&& (user.passwordHash() == null || user.passwordHash().equals(rs.getString(4))),
					user.id()));
		}
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
	 * A refusal by the filters (a missing CSRF token, mostly): pages get the error page in Vietnamese; on the API,
	 * a caller without any credentials gets the same 401 as {@link #apiUnauthenticated}, a signed-in one a 403,
	 * both in JSON.
	 */
	static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (!API.matches(request)) {
			request.setAttribute("nq57.error.message", e instanceof CsrfException
					? "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ (CSRF); hãy tải lại trang và gửi lại"
					: "Bạn không có quyền thực hiện thao tác này");
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

	/**
	 * Authenticates a request that carries an API token: only on the API paths (and the metrics scrape), only
	 * before the token's expiry, and a writing method only with the {@code write} scope. A wrong token is refused
	 * outright.
	 */
	static class ApiTokenFilter extends OncePerRequestFilter {

		private final UserService users;

		ApiTokenFilter(UserService users) {
			this.users = users;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (BEARER.matches(request)) {
				if (!TOKEN_PATHS.matches(request)) {
					refuse(response, HttpStatus.UNAUTHORIZED,
							"Mã truy cập API chỉ dùng cho các địa chỉ /api/; trang web cần đăng nhập");
					return;
				}
				String token = request.getHeader("Authorization").substring("Bearer ".length()).trim();
				var found = users.byApiToken(token);
				if (found.isEmpty()) {
					refuse(response, HttpStatus.UNAUTHORIZED, "Mã truy cập API không hợp lệ hoặc đã bị thu hồi");
					return;
				}
				UserService.TokenUser t = found.get();
				if (t.expired()) {
					refuse(response, HttpStatus.UNAUTHORIZED, "Mã truy cập API đã hết hạn; hãy cấp mã mới");
					return;
				}
				String scope = request.getRequestURI().startsWith(request.getContextPath() + "/actuator/") ? "metrics"
						: isRead(request.getMethod()) ? "read" : "write";
				if (!t.scopes().contains(scope)) {
					refuse(response, HttpStatus.FORBIDDEN, "Mã truy cập API không có phạm vi “" + scope
							+ "” cần cho thao tác này");
					return;
				}
				var auth = new UsernamePasswordAuthenticationToken(t.user(), null, t.user().getAuthorities());
				SecurityContextHolder.getContext().setAuthentication(auth);
			}
			chain.doFilter(request, response);
		}

		private static boolean isRead(String method) {
			return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		}

		private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
			response.setStatus(status.value());
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"status\":" + status.value() + ",\"message\":\"" + message + "\"}");
		}
	}
}
