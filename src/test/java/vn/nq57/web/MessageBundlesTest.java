package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The interface speaks Vietnamese by default and English on request: both bundles carry the same keys, the English
 * one has no Vietnamese left in it, and every key a template asks for exists.
 */
class MessageBundlesTest {

	/** The letters only Vietnamese has among the two languages (upper and lower case). */
	static final Pattern VIETNAMESE = Pattern.compile(
			"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
					+ "ĂÂĐÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]");

	static Map<String, String> bundle(String name) throws IOException {
		Properties p = new Properties();
		try (Reader r = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			p.load(r);
		}
		Map<String, String> m = new TreeMap<>();
		p.forEach((k, v) -> m.put((String) k, (String) v));
		return m;
	}

	@Test
	void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
		assertThat(bundle("messages_en.properties").keySet())
			.containsExactlyElementsOf(bundle("messages.properties").keySet());
	}

	@Test
	void theEnglishBundleHasNoVietnameseLetters() throws IOException {
		Map<String, String> vietnamese = new TreeMap<>();
		bundle("messages_en.properties").forEach((k, v) -> {
			if (VIETNAMESE.matcher(v).find()) {
				vietnamese.put(k, v);
			}
		});
		assertThat(vietnamese).isEmpty();
	}

	@Test
	void theVietnameseBundleIsVietnamese() throws IOException {
		assertThat(bundle("messages.properties").get("menu.tasks")).isEqualTo("Nhiệm vụ");
		assertThat(VIETNAMESE.matcher("Chưa hoàn thành – quá hạn").find()).isTrue();
		assertThat(VIETNAMESE.matcher("Not completed – overdue").find()).isFalse();
	}

	/** A message with arguments goes through MessageFormat, where a lone apostrophe would swallow the text after it. */
	@Test
	void messagesWithArgumentsQuoteTheirApostrophes() throws IOException {
		for (String name : new String[] { "messages.properties", "messages_en.properties" }) {
			bundle(name).forEach((k, v) -> {
				if (v.matches("(?s).*\\{\\d+}.*")) {
					assertThat(v.replace("''", "")).as(name + ": " + k).doesNotContain("'");
				}
			});
		}
	}

	/** Templates name an enum's values by key ('status.' + name()): every value of each such enum has its key. */
	@Test
	void everyEnumValueThePagesNameHasAKey() throws Exception {
		Map<String, String> vi = bundle("messages.properties");
		Map<String, String> enums = Map.ofEntries(Map.entry("status.", "vn.nq57.task.TaskStatus"),
				Map.entry("assignmentState.", "vn.nq57.task.AssignmentState"),
				Map.entry("claimState.", "vn.nq57.task.ClaimState"),
				Map.entry("directiveKind.", "vn.nq57.task.DirectiveKind"),
				Map.entry("reportState.", "vn.nq57.reporting.ReportState"),
				Map.entry("reportTheme.", "vn.nq57.reporting.ReportTheme"),
				Map.entry("reportCell.", "vn.nq57.reporting.Completeness$Cell"),
				Map.entry("frequency.", "vn.nq57.reporting.ReportingCalendar$Frequency"),
				Map.entry("agencyKind.", "vn.nq57.agency.AgencyKind"),
				Map.entry("indFrequency.", "vn.nq57.indicator.Frequency"),
				Map.entry("targetStatus.", "vn.nq57.indicator.TargetStatus"),
				Map.entry("valueState.", "vn.nq57.indicator.ValueState"),
				Map.entry("notificationKind.", "vn.nq57.notification.NotificationKind"),
				Map.entry("indKind.", "vn.nq57.indicator.IndicatorKind"),
				Map.entry("indAggregation.", "vn.nq57.indicator.Aggregation"),
				Map.entry("indDirection.", "vn.nq57.indicator.Direction"),
				Map.entry("indBreakdown.", "vn.nq57.indicator.Breakdown"),
				Map.entry("indFormulaKind.", "vn.nq57.indicator.FormulaKind"),
				Map.entry("intakeKind.", "vn.nq57.intake.IntakeKind"),
				Map.entry("role.", "vn.nq57.account.Role"));
		TreeSet<String> missing = new TreeSet<>();
		for (var e : enums.entrySet()) {
			for (Object value : Class.forName(e.getValue()).getEnumConstants()) {
				if (!vi.containsKey(e.getKey() + ((Enum<?>) value).name())) {
					missing.add(e.getKey() + ((Enum<?>) value).name());
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * Where a page now names by key what Java used to write ({@code label()}), the Vietnamese stays byte for byte
	 * what it was.
	 */
	@Test
	void theVietnameseOfAKeyIsTheLabelItReplaces() throws Exception {
		Map<String, String> vi = bundle("messages.properties");
		Map<String, String> enums = Map.ofEntries(Map.entry("status.", "vn.nq57.task.TaskStatus"),
				Map.entry("reportCell.", "vn.nq57.reporting.Completeness$Cell"),
				Map.entry("indFrequency.", "vn.nq57.indicator.Frequency"),
				Map.entry("targetStatus.", "vn.nq57.indicator.TargetStatus"),
				Map.entry("valueState.", "vn.nq57.indicator.ValueState"),
				Map.entry("indKind.", "vn.nq57.indicator.IndicatorKind"),
				Map.entry("indAggregation.", "vn.nq57.indicator.Aggregation"),
				Map.entry("indDirection.", "vn.nq57.indicator.Direction"),
				Map.entry("indBreakdown.", "vn.nq57.indicator.Breakdown"),
				Map.entry("indFormulaKind.", "vn.nq57.indicator.FormulaKind"),
				Map.entry("agencyKind.", "vn.nq57.agency.AgencyKind"),
				Map.entry("intakeKind.", "vn.nq57.intake.IntakeKind"),
				Map.entry("notificationKind.", "vn.nq57.notification.NotificationKind"));
		TreeSet<String> differ = new TreeSet<>();
		for (var e : enums.entrySet()) {
			Class<?> type = Class.forName(e.getValue());
			java.lang.reflect.Method label = type.getMethod("label");
			label.setAccessible(true);
			for (Object value : type.getEnumConstants()) {
				String key = e.getKey() + ((Enum<?>) value).name();
				if (!String.valueOf(label.invoke(value)).equals(vi.get(key))) {
					differ.add(key + ": " + vi.get(key) + " ≠ " + label.invoke(value));
				}
			}
		}
		assertThat(differ).isEmpty();
	}

	/** Every #{key} a template names literally is in the bundles (keys built at run time, like status.X, are not checked here). */
	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Map<String, String> vi = bundle("messages.properties");
		Pattern key = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");
		TreeSet<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = key.matcher(Files.readString(f));
				while (m.find()) {
					if (!vi.containsKey(m.group(1))) {
						missing.add(f.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}
}
