package vn.nq57.publicsite;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An anonymous visitor over real HTTP (its own cookies, no login), for the public tests. */
public final class PublicHttpClient {

	private final int port;
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	public PublicHttpClient(int port) {
		this.port = port;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	public HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b.build());
	}

	public String text(String path) {
		return new String(get(path).body(), StandardCharsets.UTF_8);
	}

	public HttpResponse<byte[]> send(HttpRequest r) {
		try {
			return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	/** Opens the form page for its CSRF token, then posts the fields as the browser would. */
	public HttpResponse<byte[]> postForm(String formPage, String action, Map<String, String> fields) {
		String page = text(formPage);
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF field on " + formPage);
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", m.group(1) != null ? m.group(1) : m.group(2));
		String body = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}
}
