package vn.nq57.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The authorisation matrix ({@code authz/<module>.tsv}) at run time. For a role the matrix marks {@code N} the
 * request is refused before the handler runs or reads a parameter: the same 403 for every refused cell (the error
 * page in Vietnamese, or JSON under {@code /api}), with an audit line naming the route. The handlers keep their own
 * checks as a second line ({@code AuthorizationMatrixTest} proves both agree with the matrix). What lies inside an
 * allowed route (the agency of an object, its state) stays with the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
class RouteMatrix implements WebMvcConfigurer {

	static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.SECRETARIAT, Role.LEADER, Role.AGENCY_HEAD,
			Role.AGENCY_OFFICER);

	private final AccessPolicy access;

	/** "METHOD pattern" → the roles refused. */
	private final Map<String, Set<Role>> refused;

	RouteMatrix(AccessPolicy access) {
		this.access = access;
		this.refused = load();
	}

	static Map<String, Set<Role>> load() {
		Map<String, Set<Role>> map = new HashMap<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.tsv")) {
				try (BufferedReader in = new BufferedReader(new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						if (line.isBlank() || line.startsWith("#")) {
							continue;
						}
						String[] c = line.split("\t", -1);
						if (c.length < 2 + COLUMNS.size()) {
							continue;
						}
						Set<Role> no = EnumSet.noneOf(Role.class);
						for (int i = 0; i < COLUMNS.size(); i++) {
							if (c[2 + i].strip().startsWith("N")) {
								no.add(COLUMNS.get(i));
							}
						}
						if (!no.isEmpty()) {
							map.put(c[0].strip() + " " + c[1].strip(), no);
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(map);
	}

	/** Whether the matrix refuses this role the route (method and pattern as Spring maps them). */
	boolean refuses(String method, String pattern, Role role) {
		Set<Role> no = refused.get(method + " " + pattern);
		if (no == null) {
			no = refused.get("* " + pattern);
		}
		return no != null && no.contains(role);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod && SecurityContextHolder.getContext().getAuthentication() != null
						&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser u
						&& request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
						&& refuses(request.getMethod(), pattern, u.role())) {
					// refused before the handler reads a parameter: one answer (403, audited) for every N cell
					access.refuseRoute(request.getMethod() + " " + pattern);
				}
				return true;
			}
		});
	}
}
