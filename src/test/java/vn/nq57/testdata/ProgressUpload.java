package vn.nq57.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task page's progress form filled as a browser sends it over real HTTP: multipart, the form's hidden fields (its
 * CSRF token and version) read from the page, a percent, a result and one file.
 */
public final class ProgressUpload {

	/** Where to post ({@code target}, the form's action as written on the page), with which content type and body. */
	public record Multipart(String target, String contentType, byte[] body) {
	}

	private ProgressUpload() {
	}

	public static Multipart of(String taskPage, long assignmentId, String percent, String results, String filename,
			byte[] file) {
		String action = "/assignments/" + assignmentId + "/progress";
		int form = taskPage.indexOf("action=\"" + action);
		assertThat(form).as("progress form on the page").isPositive();
		Matcher formAction = Pattern.compile("action=\"(" + Pattern.quote(action) + "[^\"]*)\"").matcher(taskPage);
		assertThat(formAction.find()).isTrue();
		String formHtml = taskPage.substring(form, taskPage.indexOf("</form>", form));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(formHtml);
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2));
		}
		assertThat(fields).containsKey("version");
		fields.put("percent", percent);
		fields.put("results", results);
		String boundary = "----nq57" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> f : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
						+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Multipart(formAction.group(1).replace("&amp;", "&"), "multipart/form-data; boundary=" + boundary,
				body.toByteArray());
	}
}
