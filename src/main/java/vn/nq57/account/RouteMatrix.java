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
 * request is flagged ({@link AccessPolicy#ROUTE_REFUSED}) before the handler reads its parameters: the handler's own
 * check refuses it in its own words (and audits it against the object), always as 403 — a handler that refuses softly
 * (a redirect or page with the refusal as its error message) is turned into 403 with those words, and a request that
 * cannot even be read (a missing field, 400) answers 403 all the same ({@code web.ErrorAdvice}), audited here. A
 * flagged request the handler nevertheless served (2xx/3xx without an error message) means the matrix and the code disagree: logged as an error and kept for
 * {@code AuthorizationMatrixTest}. What lies inside an allowed route (the agency of an object, its state) stays with
 * the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
class RouteMatrix implements WebMvcConfigurer {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RouteMatrix.class);

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
					request.setAttribute(AccessPolicy.ROUTE_REFUSED, request.getMethod() + " " + pattern);
				}
				return true;
			}

			/**
			 * A handler that refused a flagged request softly — back to its form or page with the refusal as its
			 * error message — answers 403 with those words instead: one status for every refused cell. (Its redirect
			 * and flash are not written: the exception replaces the view.)
			 */
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					org.springframework.web.servlet.ModelAndView mv) {
				if (request.getAttribute(AccessPolicy.ROUTE_REFUSED) == null) {
					return;
				}
				Object said = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request)
					.get("error");
				if (said == null && mv != null) {
					said = mv.getModel().get("error");
				}
				if (said != null) {
					request.setAttribute(AccessPolicy.ROUTE_REFUSED_ANSWERED, Boolean.TRUE);
					throw new org.springframework.security.access.AccessDeniedException(said.toString());
				}
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				Object route = request.getAttribute(AccessPolicy.ROUTE_REFUSED);
				if (route == null) {
					return;
				}
				if (request.getAttribute(AccessPolicy.ROUTE_REFUSED_ANSWERED) != null) {
					try {
						access.require(false, "PAGE", null, "thực hiện thao tác này (" + route + ")");
					}
					catch (org.springframework.security.access.AccessDeniedException audited) {
						// the answer is already the 403; this wrote the audit line
					}
				}
				else if (response.getStatus() < 300 && ex == null) {
					LOG.error("authorisation matrix: {} is refused to {} but was answered {}", route,
							request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName(), response.getStatus());
				}
			}
		});
	}
}
