package vn.nq57.upward;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The push over HTTP with JSON, as {@link UpstreamPush} describes; failures come back as a Vietnamese message. */
@Component
class HttpUpstreamPush implements UpstreamPush {

	private final JsonMapper json;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpUpstreamPush(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Result push(String url, Payload payload) {
		String target = url.endsWith("/") ? url + "reports" : url + "/reports";
		try {
			HttpRequest req = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
			HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
			Map<?, ?> body = parse(resp.body());
			if (resp.statusCode() / 100 == 2) {
				Object receipt = body.get("receipt");
				return new Result(true, receipt == null ? null : receipt.toString(), null);
			}
			Object message = body.get("message");
			return new Result(false, null, "Hệ thống Trung ương từ chối (mã " + resp.statusCode() + ")"
					+ (message == null ? "" : ": " + message));
		}
		catch (IOException e) {
			return new Result(false, null, "Không kết nối được tới " + target + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(false, null, "Việc gửi bị ngắt");
		}
		catch (IllegalArgumentException e) {
			return new Result(false, null, "Địa chỉ tiếp nhận không hợp lệ: " + url);
		}
	}

	private Map<?, ?> parse(String body) {
		try {
			return body == null || body.isBlank() ? Map.of() : json.readValue(body, Map.class);
		}
		catch (RuntimeException e) {
			return Map.of();
		}
	}
}
