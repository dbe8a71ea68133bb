package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import vn.nq57.DemoIntegrationTest;
import vn.nq57.account.Menu;
import vn.nq57.account.Role;

/**
 * The demo as the five roles use it, in a real browser: every page each role reaches from its menu (and the pages
 * those link to, a few of each kind) shows no raw code — no enum name, no finding code, no settings key, no
 * unresolved message — and the main pages work at a phone's width (390 px) without sideways scrolling of the page,
 * as at 1366 px. Screenshots of each role's main pages at both widths stay in {@code target/screenshots/walk-*}.
 */
@DemoIntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.TestPropertySource(properties = "nq57.notification.jobs.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWalkBrowserTest {

	/** One account per role. */
	static final List<String> USERS = List.of("sokhcn", "lanhdao", "gd.stc", "cb.stc", "admin");

	/** Pages per role at most, and pages of the same kind ({@code /tasks/{n}}) at most. */
	static final int MAX_PAGES = 45;
	static final int MAX_OF_A_KIND = 2;

	/** Where a link leads that is not a page to read: files, exports, the API, signing out, switching language. */
	static final Pattern NOT_A_PAGE = Pattern.compile(
			"^/(logout|login|api/|files/|v3/|swagger|webjars/|css/|js/)|\\.(xlsx|docx|pdf|csv|json|png|zip)(\\?|$)|[?&]lang=|/export");

	/** A code as a program writes it: upper case words joined by underscores (MISSING_STT, COMPLETION_CONFIRMED). */
	static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	@LocalServerPort int port;

	@org.springframework.beans.factory.annotation.Autowired
	List<vn.nq57.system.SettingSpec.Provider> settingProviders;

	/** The keys of the message bundle and of the settings: a person never reads one. */
	Set<String> keys;

	Browser browser;

	/** Every constant of the application's enums of five letters or more (OVERDUE, SECRETARIAT, MONTHLY…). */
	Set<String> enumNames;

	@BeforeAll
	void start() throws Exception {
		browser = new Browser(port);
		enumNames = new TreeSet<>();
		var scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
		for (var bd : scan.findCandidateComponents("vn.nq57")) {
			Class<?> type = Class.forName(bd.getBeanClassName());
			for (Object c : type.getEnumConstants()) {
				String name = ((Enum<?>) c).name();
				if (name.length() >= 5) {
					enumNames.add(name);
				}
			}
		}
		assertThat(enumNames).as("the scan finds the application's enums").contains("OVERDUE", "SECRETARIAT");
		keys = new java.util.HashSet<>();
		java.util.Properties bundle = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		keys.addAll(bundle.stringPropertyNames());
		settingProviders.forEach(p -> p.settings().forEach(s -> keys.add(s.key())));
		assertThat(keys).contains("menu.tasks", "rates.rounding");
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	@DisplayName("every page of the demo, for every role: no raw code, no unresolved message key")
	void noRawCodesAnywhere() {
		List<String> problems = new ArrayList<>();
		List<String> walked = new ArrayList<>();
		for (String user : USERS) {
			browser.driver().manage().window().setSize(new Dimension(1366, 1000));
			browser.login(user);
			Role role = roleOf(user);
			Deque<String> queue = new ArrayDeque<>();
			Menu.of(role).forEach(e -> queue.add(e.path()));
			Set<String> seen = new LinkedHashSet<>();
			Map<String, Integer> kinds = new HashMap<>();
			while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
				String path = queue.poll();
				String kind = path.replaceAll("\\d+", "{n}").replaceAll("\\?.*", "");
				if (!seen.add(path) || kinds.merge(kind, 1, Integer::sum) > MAX_OF_A_KIND) {
					continue;
				}
				browser.open(path);
				String text = js("return document.body.innerText;");
				for (String problem : problems(text)) {
					problems.add(user + " " + path + ": " + problem);
				}
				@SuppressWarnings("unchecked")
				List<String> links = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
						return Array.from(document.querySelectorAll('main a[href]'))
						  .map(a => a.getAttribute('href'))
						  .filter(h => h && h.startsWith('/') && !h.startsWith('//'))
						  .map(h => h.split('#')[0]);""");
				for (String l : links) {
					if (!NOT_A_PAGE.matcher(l).find() && !seen.contains(l)) {
						queue.add(l);
					}
				}
			}
			assertThat(seen.size()).as(user + " walked the demo").isGreaterThanOrEqualTo(6);
			walked.add(user + ": " + seen.size() + " pages");
			browser.logout();
		}
		System.out.println("Demo walk: " + walked);
		assertThat(problems).as("raw codes or message keys on the pages people read").isEmpty();
	}

	@Test
	@DisplayName("the main pages at 390 px and at 1366 px, for each role: no sideways scrolling of the page; the menu on one line at 1366 px")
	void phoneWidth() {
		List<String> problems = new ArrayList<>();
		for (String user : USERS) {
			browser.driver().manage().window().setSize(new Dimension(1366, 1000));
			browser.login(user);
			List<String> pages = mainPages(roleOf(user));
			for (int width : new int[] { 1366, 390 }) {
				browser.driver().manage().window().setSize(new Dimension(width, 900));
				for (String path : pages) {
					browser.open(path);
					long inner = ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;")).longValue();
					long scroll = ((Number) ((JavascriptExecutor) browser.driver())
						.executeScript("return document.documentElement.scrollWidth;")).longValue();
					if (scroll > inner + 1) {
						problems.add(user + " " + path + " at " + width + " px: the page is " + scroll + " px wide");
					}
					browser.shot("walk-" + user + "-" + width + "-" + path.replaceAll("[^a-z0-9]+", "_"));
				}
				if (width == 1366) {
					browser.open(pages.get(0));
					long menuHeight = ((Number) ((JavascriptExecutor) browser.driver())
						.executeScript("return document.getElementById('menu').getBoundingClientRect().height;")).longValue();
					if (menuHeight > 40) {
						problems.add(user + ": the menu takes " + menuHeight + " px at 1366 px (more than one line)");
					}
				}
			}
			browser.driver().manage().window().setSize(new Dimension(1366, 1000));
			browser.logout();
		}
		assertThat(problems).isEmpty();
	}

	@Test
	@DisplayName("notifications happen by themselves: on a fresh start the reminders and the week's digest are already there for the officer, the head and the leader")
	void notificationsOnAFreshStart() {
		for (String user : List.of("cb.stc", "gd.stc", "lanhdao")) {
			browser.driver().manage().window().setSize(new Dimension(1366, 1000));
			browser.login(user);
			browser.open("/notifications");
			long items = ((Number) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.querySelectorAll('main li, main tr').length;")).longValue();
			String text = js("return document.querySelector('main').innerText;");
			assertThat(items).as(user + " has notifications: " + text).isGreaterThan(1);
			browser.logout();
		}
	}

	/** The pages each role lives in: the overview or "my work", a task, report entry or the grid, indicators. */
	private List<String> mainPages(Role role) {
		String task = "/tasks/" + firstTaskLink();
		return switch (role) {
			case AGENCY_OFFICER, AGENCY_HEAD -> List.of("/my", task, reportPage(), "/indicators/entry");
			case ADMIN -> List.of("/overview", task, "/admin/users", "/reporting/completeness");
			default -> List.of("/overview", task, "/reporting/completeness", "/indicators");
		};
	}

	private String firstTaskLink() {
		browser.open("/tasks?status=OVERDUE");
		String href = js("var a = document.querySelector('#task-table a[href^=\"/tasks/\"]'); return a ? a.getAttribute('href') : '';");
		Matcher m = Pattern.compile("/tasks/(\\d+)").matcher(href);
		assertThat(m.find()).as("the demo has an overdue task").isTrue();
		return m.group(1);
	}

	private String reportPage() {
		browser.open("/reporting");
		String href = js("var a = document.querySelector('main a[href^=\"/reporting/reports/\"]'); return a ? a.getAttribute('href') : '/reporting';");
		return href;
	}

	private List<String> problems(String text) {
		List<String> out = new ArrayList<>();
		if (text.contains("??")) {
			Matcher m = Pattern.compile("\\?\\?[^?\\s]*\\?\\?").matcher(text);
			out.add("unresolved message " + (m.find() ? m.group() : "??"));
		}
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			out.add("code " + code.group());
		}
		for (String word : text.split("[^A-Za-z0-9_]+")) {
			if (enumNames.contains(word)) {
				out.add("enum name " + word);
			}
		}
		Matcher dotted = Pattern.compile("(?<![\\w@.-])[a-zA-Z][\\w-]*(?:\\.[\\w-]+)+").matcher(text);
		while (dotted.find()) {
			String t = dotted.group();
			String stem = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
			if (keys.contains(stem) || keys.stream().anyMatch(k -> k.startsWith(stem + "."))) {
				out.add("key " + t);
			}
		}
		return out.stream().distinct().toList();
	}

	private String js(String script) {
		Object v = ((JavascriptExecutor) browser.driver()).executeScript(script);
		return v == null ? "" : v.toString();
	}

	private static Role roleOf(String user) {
		return switch (user) {
			case "sokhcn" -> Role.SECRETARIAT;
			case "lanhdao" -> Role.LEADER;
			case "admin" -> Role.ADMIN;
			case "gd.stc" -> Role.AGENCY_HEAD;
			default -> Role.AGENCY_OFFICER;
		};
	}
}
