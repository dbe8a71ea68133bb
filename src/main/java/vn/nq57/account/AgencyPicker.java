package vn.nq57.account;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nq57.agency.AgencyDirectory.AgencyRef;
import vn.nq57.agency.AgencyPickScope;
import vn.nq57.agency.AgencySearch;
import vn.nq57.system.FieldErrors;

/**
 * The server side of the one agency picker of the product (template {@code fields :: agency}, script
 * {@code /js/agency-picker.js}): the search the picker calls as one types ({@code GET /pick/agencies}, JSON, at
 * most 20 matches a page), and, for a form sent without JavaScript, the resolution of the name typed in the
 * picker's text field ({@code <field>-typed}) into the agency id the controller expects, before any controller
 * runs ({@link Resolver}). A name that matches nothing or several agencies is a {@link FieldErrors} message on
 * the field. Agency staff pick only their own agency; the province's roles pick from the whole registry.
 */
@org.springframework.stereotype.Controller
public class AgencyPicker {

	public static final String TYPED = "-typed";

	static final int PAGE = 20;

	private final AgencySearch search;

	AgencyPicker(AgencySearch search) {
		this.search = search;
	}

	public record Item(long id, String name, String hint) {
		static Item of(AgencyRef a) {
			String hint = a.shortName() != null && !a.shortName().isBlank() && !a.shortName().equals(a.name())
					? a.shortName() + " · " + a.code() : a.code();
			return new Item(a.id(), a.name(), hint);
		}
	}

	public record Answer(List<Item> items, boolean more, int next) {
	}

	@GetMapping(value = "/pick/agencies", produces = "application/json")
	@ResponseBody
	Answer search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String scope,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int size) {
		AgencyPickScope sc = AgencyPickScope.of(scope);
		AgencySearch.Page page = search.search(q, sc, sc.ownOnlyForAgencyStaff() ? onlyAgency() : null,
				offset, Math.min(Math.max(size, 1), PAGE));
		return new Answer(page.items().stream().map(Item::of).toList(), page.more(),
				page.offset() + page.items().size());
	}

	/** The one agency a signed-in user may pick when they do not see every agency; null for the province. */
	static Long onlyAgency() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser me) {
			return me.seesEveryAgency() ? null : (me.agencyId() == null ? -1L : me.agencyId());
		}
		return -1L;
	}

	/** What templates call ({@code @agencyPicks.chosen(ids)}): the chosen agencies of a field, by id. */
	@Component("agencyPicks")
	public static class Chosen {

		private final AgencySearch search;

		Chosen(AgencySearch search) {
			this.search = search;
		}

		public List<AgencyRef> chosen(Object ids) {
			List<Long> list = new ArrayList<>();
			if (ids instanceof Collection<?> c) {
				c.forEach(o -> add(list, o));
			}
			else if (ids instanceof Object[] arr) {
				for (Object o : arr) {
					add(list, o);
				}
			}
			else {
				add(list, ids);
			}
			return list.isEmpty() ? List.of() : search.refs(list);
		}

		private static void add(List<Long> list, Object o) {
			if (o instanceof Number n) {
				list.add(n.longValue());
			}
			else if (o != null && String.valueOf(o).strip().matches("\\d{1,18}")) {
				list.add(Long.parseLong(String.valueOf(o).strip()));
			}
		}
	}

	/**
	 * Resolves the names typed into pickers of a form sent without JavaScript: {@code lead-typed=so khoa hoc}
	 * becomes {@code lead=<id>} (added to those already chosen, or replacing it for a single choice,
	 * {@code lead-mode=single}); what cannot be resolved stays typed and is a message on the field.
	 */
	@Component
	public static class Resolver extends OncePerRequestFilter {

		private final AgencySearch search;

		Resolver(AgencySearch search) {
			this.search = search;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// a multipart request has been read already (web.UploadLimitFilter, before the CSRF check)
			Map<String, String[]> params = request.getParameterMap();
			if (params.keySet().stream().noneMatch(k -> k.endsWith(TYPED))) {
				chain.doFilter(request, response);
				return;
			}
			Map<String, String[]> changed = new LinkedHashMap<>(params);
			Long only = onlyAgency();
			for (Map.Entry<String, String[]> e : params.entrySet()) {
				if (!e.getKey().endsWith(TYPED) || e.getValue().length == 0 || e.getValue()[0].isBlank()) {
					continue;
				}
				String field = e.getKey().substring(0, e.getKey().length() - TYPED.length());
				boolean single = "single".equals(request.getParameter(field + "-mode"));
				AgencyPickScope scope = AgencyPickScope.of(request.getParameter(field + "-scope"));
				Set<String> ids = new LinkedHashSet<>();
				if (!single && params.get(field) != null) {
					ids.addAll(List.of(params.get(field)));
				}
				List<String> left = new ArrayList<>();
				String[] names = single ? new String[] { e.getValue()[0] } : e.getValue()[0].split("[;\\n]");
				for (String name : names) {
					if (name.isBlank()) {
						continue;
					}
					AgencySearch.Resolution r = search.resolve(name, scope, scope.ownOnlyForAgencyStaff() ? only : null);
					if (r.ok()) {
						ids.add(String.valueOf(r.agency().id()));
					}
					else {
						left.add(name.strip());
						FieldErrors.of(request).reject(field, r.problem());
					}
				}
				if (single && ids.isEmpty() && params.get(field) != null) {
					// a single choice that could not be resolved keeps the agency chosen before
					ids.addAll(List.of(params.get(field)));
				}
				changed.put(field, ids.toArray(String[]::new));
				changed.put(e.getKey(), new String[] { String.join("; ", left) });
				if (!left.isEmpty()) {
					FieldErrors.of(request).keep(e.getKey(), String.join("; ", left));
				}
			}
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public String getParameter(String name) {
					String[] v = changed.get(name);
					return v == null || v.length == 0 ? null : v[0];
				}

				@Override
				public Map<String, String[]> getParameterMap() {
					return java.util.Collections.unmodifiableMap(changed);
				}

				@Override
				public java.util.Enumeration<String> getParameterNames() {
					return java.util.Collections.enumeration(changed.keySet());
				}

				@Override
				public String[] getParameterValues(String name) {
					return changed.get(name);
				}
			}, response);
		}
	}
}
