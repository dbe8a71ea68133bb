package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts from the application's own files only ({@code script-src 'self'}), so
 * no template may hold an inline {@code <script>} body, an {@code on…=} event attribute (plain or {@code th:on…})
 * or a {@code javascript:} link: each names the template and line to move into {@code static/js/}. Styles too
 * come from files only ({@code style-src 'self'}): no {@code style=} or {@code th:style} attribute and no
 * {@code <style>} element (a bar's width is a class, {@code @fmt.w(…)}); the mail body, which no browser loads from
 * this site, is exempt.
 */
class NoInlineScriptTest {

	static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
	static final Pattern EVENT = Pattern.compile("\\s(?:th:)?on(?:click|dblclick|change|submit|reset|load|unload|"
			+ "beforeunload|error|input|invalid|key(?:up|down|press)|focus(?:in|out)?|blur|mouse[a-z]+|pointer[a-z]+|"
			+ "touch[a-z]+|drag[a-z]*|drop|paste|copy|cut|select|toggle|resize|scroll|wheel|contextmenu|"
			+ "animation[a-z]+|transition[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
	static final Pattern INLINE_STYLE = Pattern.compile("\\s(?:th:)?style\\s*=|<style[\\s>]", Pattern.CASE_INSENSITIVE);

	static final Pattern JS_URL = Pattern.compile("(?<!th:)href\\s*=\\s*\"javascript:", Pattern.CASE_INSENSITIVE);

	@Test
	@DisplayName("no template holds inline script, an on… attribute, a javascript: link or an inline style")
	void noInlineScript() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				// comments out, keeping their line breaks so that line numbers stay true
				Matcher comments = Pattern.compile("(?s)<!--.*?-->").matcher(Files.readString(f));
				StringBuilder text = new StringBuilder();
				while (comments.find()) {
					comments.appendReplacement(text, comments.group().replaceAll("[^\\n]", ""));
				}
				comments.appendTail(text);
				String[] lines = text.toString().split("\n", -1);
				for (int i = 0; i < lines.length; i++) {
					String line = lines[i];
					boolean mail = f.toString().replace('\\', '/').endsWith("notification/mail.html");
					for (Pattern p : mail ? List.of(INLINE_SCRIPT, EVENT, JS_URL) : List.of(INLINE_SCRIPT, EVENT, JS_URL, INLINE_STYLE)) {
						Matcher m = p.matcher(line);
						if (m.find()) {
							found.add(f + ":" + (i + 1) + ": " + line.strip());
						}
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
