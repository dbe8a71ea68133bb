package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.nq57.IntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.security.Fixtures;

/**
 * The authorisation matrix as data: {@code src/main/resources/authz/<module>.tsv}, one file per module (so each
 * capability adds its rows without touching another's), one row per route and method × role. The test enumerates
 * every handler mapping of the running application and fails on one the matrix does not list, naming the file to
 * add it to; then, for every listed route, it signs in as each role and checks the answer: allowed (neither 401 nor
 * 403, never 500), 403 for a refused role (or 404 where the route names an object that does not exist), or, for
 * public routes, open without signing in. Format and values: ARCHITECTURE.md, "The authorisation matrix".
 * {@code -Dauthz.print=true} writes what each role observes to {@code target/authz-observed/} (for a new module's rows).
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

	static final Path DIR = Path.of("src/main/resources/authz");

	static final List<Role> ROLES = List.of(Role.ADMIN, Role.SECRETARIAT, Role.LEADER, Role.AGENCY_HEAD,
			Role.AGENCY_OFFICER);

	static final Map<Role, String> ACCOUNTS = Map.of(Role.ADMIN, "admin", Role.SECRETARIAT, "sokhcn", Role.LEADER,
			"lanhdao", Role.AGENCY_HEAD, "gd.stc", Role.AGENCY_OFFICER, "cb.stc");

	/** {@code [as head,officer]} in a row's note: the accounts that play the agency roles for that route. */
	static final java.util.regex.Pattern AS = java.util.regex.Pattern.compile("\\[as ([^,\\]]+),([^\\]]+)]");

	@Autowired
	ApplicationContext ctx;

	@Autowired
	MockMvc mvc;

	/** One row: method, path pattern, the answer per role (Y, N, O, P), the module file it came from. */
	record Row(String method, String path, Map<Role, Character> access, String file, String note) {

		String key() {
			return method + " " + path;
		}
	}

	/** A handler mapping of the running application. */
	record Handler(String method, String path, String module, String where) {

		String key() {
			return method + " " + path;
		}
	}

	static List<Row> matrix() {
		List<Row> rows = new ArrayList<>();
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
				int n = 0;
				for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
					n++;
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] c = line.split("\t", -1);
					if (c.length < 7) {
						throw new IllegalStateException(f + ":" + n + ": expected method, path, five roles, note");
					}
					Map<Role, Character> access = new LinkedHashMap<>();
					for (int i = 0; i < ROLES.size(); i++) {
						char v = c[2 + i].strip().charAt(0);
						if ("YNOPT".indexOf(v) < 0) {
							throw new IllegalStateException(f + ":" + n + ": '" + v + "' is not one of Y, N, O, P, T");
						}
						access.put(ROLES.get(i), v);
					}
					rows.add(new Row(c[0].strip(), c[1].strip(), access, f.getFileName().toString(),
							c.length > 7 ? c[7].strip() : ""));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	List<Handler> handlers() {
		List<Handler> list = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : ctx.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
				HandlerMethod hm = e.getValue();
				String pkg = hm.getBeanType().getPackageName();
				String module = pkg.startsWith("vn.nq57.") ? pkg.substring("vn.nq57.".length()).split("\\.")[0] : "web";
				var methods = e.getKey().getMethodsCondition().getMethods();
				List<String> ms = methods.isEmpty() ? List.of("*") : methods.stream().map(Enum::name).sorted().toList();
				for (String path : e.getKey().getPatternValues()) {
					for (String m : ms) {
						list.add(new Handler(m, path, module, hm.getBeanType().getSimpleName() + "#" + hm.getMethod().getName()));
					}
				}
			}
		}
		return list;
	}

	@Test
	@DisplayName("every handler mapping of the running application is in the authorisation matrix (authz/<module>.tsv)")
	void everyHandlerIsListed() {
		Map<String, Row> rows = new TreeMap<>();
		List<String> duplicates = new ArrayList<>();
		for (Row r : matrix()) {
			if (rows.put(r.key(), r) != null) {
				duplicates.add(r.key() + " (" + r.file() + ")");
			}
		}
		assertThat(duplicates).as("rows listed twice").isEmpty();
		if (Boolean.getBoolean("authz.print")) {
			try {
				Files.createDirectories(Path.of("target"));
				Files.write(Path.of("target/authz-handlers.tsv"), handlers().stream()
					.map(h -> h.module() + "\t" + h.method() + "\t" + h.path() + "\t" + h.where()).sorted().toList());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		TreeSet<String> missing = new TreeSet<>();
		for (Handler h : handlers()) {
			if (!rows.containsKey(h.key())) {
				missing.add(h.key() + "  (" + h.where() + "): add a row to src/main/resources/authz/" + h.module() + ".tsv");
			}
		}
		assertThat(missing).as("handlers the authorisation matrix does not list").isEmpty();
		TreeSet<String> stale = new TreeSet<>(rows.keySet());
		handlers().forEach(h -> stale.remove(h.key()));
		assertThat(stale).as("rows of the matrix with no handler any more").isEmpty();
	}

	@Test
	@DisplayName("every listed route answers each role as the matrix says: allowed, 403 (or 404 for an object that is not there)")
	void everyRouteAnswersAsListed() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		boolean print = Boolean.getBoolean("authz.print");
		Map<String, List<String>> observed = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		for (Row row : matrix()) {
			String path = row.path().replaceAll("\\{[^}]*}", "987654321").replace("**", "x");
			String method = row.method().equals("*") ? "GET" : row.method();
			boolean read = method.equals("GET") || method.equals("HEAD");
			StringBuilder seen = new StringBuilder();
			java.util.regex.Matcher as = AS.matcher(row.note());
			Map<Role, String> accounts = new java.util.HashMap<>(ACCOUNTS);
			if (as.find()) {
				accounts.put(Role.AGENCY_HEAD, as.group(1).strip());
				accounts.put(Role.AGENCY_OFFICER, as.group(2).strip());
				// the one agency that may: an officer of another agency is refused
				if (read && !print) {
					int foreign = mvc.perform(request(HttpMethod.valueOf(method), path).with(user(fx.user(ACCOUNTS.get(Role.AGENCY_OFFICER)))))
						.andReturn().getResponse().getStatus();
					if (foreign != 403 && !(foreign == 404 && !path.equals(row.path()))) {
						wrong.add(row.key() + " as an officer of another agency (" + ACCOUNTS.get(Role.AGENCY_OFFICER) + "): "
								+ foreign + ", expected 403 (" + row.file() + ")");
					}
				}
			}
			for (Role role : ROLES) {
				char expected = row.access().get(role);
				// writes are sent only where they must be refused: an allowed write would change the test data
				if (!read && expected != 'N' && !print) {
					seen.append("\t-");
					continue;
				}
				org.springframework.test.web.servlet.MvcResult result = mvc.perform(request(HttpMethod.valueOf(method), path)
					.with(user(fx.user(accounts.get(role)))).with(csrf())).andReturn();
				int status = result.getResponse().getStatus();
				seen.append('\t').append(status);
				// a refused cell answers 403 in the handler's own words (account.RouteMatrix turns a soft refusal —
				// back to the form with an error message — into 403 as well); 404 only for an object that is not there
				String problem = switch (expected) {
					case 'N' -> status == 403 || status == 404 && !path.equals(row.path()) ? null : "expected 403";
					case 'Y', 'O', 'P' -> status == 401 || status == 403 || status >= 500 ? "expected allowed" : null;
					case 'T' -> status == 401 ? null : "expected 401 (machine clients only; a user session does not open it)";
					default -> null;
				};
				if (problem != null && !print) {
					wrong.add(row.key() + " as " + role + ": " + status + ", " + problem + " (" + row.file() + ")");
				}
			}
			if (row.access().containsValue('T')) {
				int anonymous = mvc.perform(request(HttpMethod.valueOf(method), path)).andReturn().getResponse().getStatus();
				if (anonymous != 401 && !print) {
					wrong.add(row.key() + " without credentials: " + anonymous + ", expected 401 (" + row.file() + ")");
				}
			}
			else if (row.access().containsValue('P')) {
				// a public form posts with the CSRF token of its page, as a browser does
				int anonymous = mvc.perform(read ? request(HttpMethod.valueOf(method), path)
						: request(HttpMethod.valueOf(method), path).with(csrf())).andReturn().getResponse().getStatus();
				if (anonymous == 401 || anonymous == 403 || anonymous >= 500
						|| anonymous == 302 && !path.startsWith("/login") && !path.startsWith("/oauth2")) {
					wrong.add(row.key() + " without signing in: " + anonymous + ", expected open (" + row.file() + ")");
				}
			}
			else if (!print) {
				int anonymous = mvc.perform(request(HttpMethod.valueOf(method), path).with(csrf())).andReturn().getResponse()
					.getStatus();
				if (anonymous < 300 || anonymous >= 500) {
					wrong.add(row.key() + " without signing in: " + anonymous + ", expected a sign-in (" + row.file() + ")");
				}
			}
			observed.computeIfAbsent(row.file(), k -> new ArrayList<>()).add(row.method() + "\t" + row.path() + seen);
		}
		if (print) {
			Path out = Path.of("target/authz-observed");
			Files.createDirectories(out);
			for (var e : observed.entrySet()) {
				Files.write(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** The matrix as a Markdown table, for the README ({@code -Dauthz.print=true} writes it to target/). */
	@Test
	@DisplayName("the matrix prints as the README's table")
	void markdown() throws IOException {
		StringBuilder md = new StringBuilder("| method | route | ADMIN | SECRETARIAT | LEADER | AGENCY_HEAD | AGENCY_OFFICER | note |\n"
				+ "|---|---|---|---|---|---|---|---|\n");
		for (Row r : matrix()) {
			md.append("| ").append(r.method()).append(" | `").append(r.path()).append("` |");
			for (Role role : ROLES) {
				md.append(' ').append(r.access().get(role)).append(" |");
			}
			md.append(' ').append(r.note()).append(" |\n");
		}
		if (Boolean.getBoolean("authz.print")) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/authz-matrix.md"), md.toString());
		}
		assertThat(md.toString()).contains("| GET | `/tasks` |");
	}
}
