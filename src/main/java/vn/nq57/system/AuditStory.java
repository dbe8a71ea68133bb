package vn.nq57.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.nq57.kernel.VnFormat;

/**
 * An audit line as people read it: what was done in words ({@code audit.action.<ACTION>}), and its before → after as
 * a small table of field names ({@code audit.field.<key>}) and values as people write them — dates
 * {@code dd/MM/yyyy}, percents, states in words ({@code audit.value.<key>.<VALUE>}), lists joined — never the
 * stored JSON with its English keys. A module adds what only it can say (a plan's title for a plan id) through a
 * resolver.
 */
@Component
public class AuditStory {

	/** One field that changed: its name and its value before and after, as people read them. */
	public record FieldChange(String field, String before, String after) {
	}

	/**
	 * One action: what was done, the summary written when it was done, by whom, whether it created the record (then
	 * only the values are shown), and the fields that changed.
	 */
	public record Story(String action, String summary, String actor, boolean created, List<FieldChange> fields) {

		/** The line in bold: the summary when it already starts with the action's words, else the action. */
		public String headline() {
			return repeats(action, summary) ? summary : action;
		}

		/** The line under it: the summary, unless the headline already said it. */
		public String detail() {
			return repeats(action, summary) ? null : summary;
		}
	}

	/** Whether {@code summary} merely repeats {@code action} (and perhaps adds to it). */
	public static boolean repeats(String action, String summary) {
		return action != null && summary != null
				&& vn.nq57.kernel.VnText.fold(summary).startsWith(vn.nq57.kernel.VnText.fold(action));
	}

	/** Resolves a value only a module can put in words (ids to names); {@code null}: not its field. */
	public interface Resolver extends BiFunction<String, String, String> {
	}

	private final ObjectMapper json;
	private final MessageSource messages;

	AuditStory(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	public Story of(AuditLog.Entry e, Locale locale) {
		return of(e, locale, (k, v) -> null);
	}

	public Story of(AuditLog.Entry e, Locale locale, Resolver resolver) {
		Map<String, Object> before = read(e.before());
		Map<String, Object> after = read(e.after());
		List<FieldChange> fields = new ArrayList<>();
		if (after != null) {
			for (Map.Entry<String, Object> f : after.entrySet()) {
				Object was = before == null ? null : before.get(f.getKey());
				if (before != null && Objects.equals(was, f.getValue())) {
					continue;
				}
				if (before == null && empty(f.getValue())) {
					continue;
				}
				fields.add(new FieldChange(label(f.getKey(), locale), value(f.getKey(), was, locale, resolver),
						value(f.getKey(), f.getValue(), locale, resolver)));
			}
		}
		else if (before != null) {
			for (Map.Entry<String, Object> f : before.entrySet()) {
				if (!empty(f.getValue())) {
					fields.add(new FieldChange(label(f.getKey(), locale), value(f.getKey(), f.getValue(), locale, resolver),
							"–"));
				}
			}
		}
		return new Story(action(e.action(), locale), e.summary(), e.actorName(), before == null && after != null, fields);
	}

	/** The action in words; one not written down reads "Thay đổi", never its code. */
	public String action(String code, Locale locale) {
		String a = messages.getMessage("audit.action." + code, null, null, locale);
		return a != null ? a : messages.getMessage("audit.action.other", null, "Thay đổi", locale);
	}

	private String label(String key, Locale locale) {
		return messages.getMessage("audit.field." + key, null,
				messages.getMessage("audit.field.other", null, "Thông tin khác", locale), locale);
	}

	private String value(String key, Object v, Locale locale, Resolver resolver) {
		if (empty(v)) {
			return "–";
		}
		if (v instanceof Collection<?> list) {
			return String.join("; ", list.stream().map(x -> {
				String e = String.valueOf(x);
				String r = resolver.apply(key + "[]", e);
				return r != null ? r : e;
			}).toList());
		}
		if (v instanceof Map<?, ?> map) {
			List<String> parts = new ArrayList<>();
			map.forEach((k, x) -> {
				if (!empty(x)) {
					String r = resolver.apply(key + "." + k, String.valueOf(k));
					parts.add((r != null ? r : k) + ": " + x);
				}
			});
			return parts.isEmpty() ? "–" : String.join("\n", parts);
		}
		String s = String.valueOf(v);
		String resolved = resolver.apply(key, s);
		if (resolved != null) {
			return resolved;
		}
		String word = messages.getMessage("audit.value." + key + "." + s, null, null, locale);
		if (word != null) {
			return word;
		}
		if (key.equals("percent") || key.endsWith("Percent")) {
			return s + "%";
		}
		if (v instanceof Boolean b) {
			return messages.getMessage(b ? "common.yes" : "common.no", null, b ? "Có" : "Không", locale);
		}
		if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return java.time.LocalDate.parse(s).format(VnFormat.DATE);
		}
		if (s.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?")) {
			try {
				return new VnFormat().dateTime(java.time.OffsetDateTime.parse(s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$") ? s : s + "Z").toInstant());
			}
			catch (RuntimeException ex) {
				return s;
			}
		}
		return s;
	}

	private static boolean empty(Object v) {
		return v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty())
				|| (v instanceof Map<?, ?> m && m.isEmpty());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonNode node = json.readTree(text);
			return node.isObject() ? json.convertValue(node, LinkedHashMap.class) : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
