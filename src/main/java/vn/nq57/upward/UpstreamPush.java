package vn.nq57.upward;

import java.util.List;
import java.util.Map;

/**
 * A push to a national system that offers an API. The contract (the same as the local test server's): {@code POST
 * {url}/reports} with JSON {@code {"system", "province", "period", "rows": [{column header: value}]}}; the system
 * answers 2xx with {@code {"receipt": "…"}} when it takes the rows, 4xx/5xx with {@code {"message": "…"}} when not.
 */
public interface UpstreamPush {

	record Payload(String system, String province, String period, List<Map<String, Object>> rows) {
	}

	record Result(boolean accepted, String receipt, String message) {
	}

	Result push(String url, Payload payload);
}
