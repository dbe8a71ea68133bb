package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.nq57.IntegrationTest;
import vn.nq57.indicator.IndicatorsForOtherTests;
import vn.nq57.security.Fixtures;
import vn.nq57.task.Assignment;

/**
 * Fault test: every generated malformed file ({@link BadFiles}: truncated zips, zip bombs, wrong magic bytes, XML
 * entities, 50-MB files, macro-enabled files, wrong encodings) through every upload endpoint — progress evidence,
 * completion claims, indicator files, the plan import (page and API) and the agency registry CSV: no 500, no hang,
 * memory bounded, a Vietnamese message each, and nothing stored.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MalformedUploadsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	record Endpoint(String name, Function<MockMultipartFile, MockMultipartHttpServletRequestBuilder> request) {
	}

	@Test
	@DisplayName("100+ malformed uploads through every upload endpoint: each refused in Vietnamese, none stored, no 500, no hang")
	void malformedUploads() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Assignment a = fx.onlyAssignment(fx.task("Nhiệm vụ thử tệp hỏng " + Fixtures.tag(), "31/12/2026", "STC"));
		String indicator = IndicatorsForOtherTests.share(ctx, "STC");
		var officer = user(fx.user("cb.stc"));
		var head = user(fx.user("gd.stc"));
		var dost = user(fx.user("sokhcn"));
		var admin = user(fx.user("admin"));
		List<Endpoint> endpoints = List.of(
				new Endpoint("progress", f -> (MockMultipartHttpServletRequestBuilder) multipart("/assignments/" + a.getId() + "/progress")
					.file(f).param("percent", "40").param("results", "Đã triển khai").with(officer).with(csrf())),
				new Endpoint("claim", f -> (MockMultipartHttpServletRequestBuilder) multipart("/assignments/" + a.getId() + "/claim")
					.file(f).param("completedOn", "20/11/2026").param("evidence", "Đã hoàn thành").with(head).with(csrf())),
				new Endpoint("indicator file", f -> (MockMultipartHttpServletRequestBuilder) multipart("/indicators/entry/" + indicator)
					.file(f).param("period", "2026").param("numerator", "1").param("denominator", "4").with(officer).with(csrf())),
				new Endpoint("plan import page", f -> (MockMultipartHttpServletRequestBuilder) multipart("/intake/appendix")
					.file(f).with(dost).with(csrf())),
				new Endpoint("plan import API", f -> (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/intake/appendix/dry-run")
					.file(f).with(dost)),
				new Endpoint("agency registry CSV", f -> (MockMultipartHttpServletRequestBuilder) multipart("/admin/agencies/import")
					.file(f).with(admin).with(csrf())));
		Map<String, Long> before = counts(fx);
		List<String> problems = new ArrayList<>();
		int sent = 0;
		long worst = 0;
		Runtime rt = Runtime.getRuntime();
		for (BadFiles.Bad bad : BadFiles.all()) {
			for (Endpoint e : endpoints) {
				MockMultipartFile file = new MockMultipartFile("file", bad.name(), "application/octet-stream", bad.data());
				long t0 = System.nanoTime();
				MvcResult r = mvc.perform(e.request().apply(file)).andReturn();
				long ms = (System.nanoTime() - t0) / 1_000_000;
				worst = Math.max(worst, ms);
				sent++;
				String message = message(r);
				int status = r.getResponse().getStatus();
				if (status >= 500 || ms > 10_000 || message == null || !vietnamese(message)) {
					problems.add(e.name() + " ← " + bad.what() + ": " + status + " in " + ms + " ms, message " + message);
				}
			}
		}
		System.out.printf("MalformedUploadsTest: %d malformed uploads through %d endpoints, slowest answer %d ms, heap used %d MB%n",
				sent, endpoints.size(), worst, (rt.totalMemory() - rt.freeMemory()) / 1048576);
		assertThat(sent).isGreaterThanOrEqualTo(100);
		assertThat(problems).isEmpty();
		assertThat(counts(fx)).isEqualTo(before);
		assertThat(worst).isLessThan(10_000);
		assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(rt.maxMemory());
	}

	private static Map<String, Long> counts(Fixtures fx) {
		return Map.of("attachment", fx.count("SELECT count(*) FROM attachment"),
				"progress", fx.count("SELECT count(*) FROM progress_update"),
				"claim", fx.count("SELECT count(*) FROM completion_claim"),
				"indicator_file", fx.count("SELECT count(*) FROM indicator_file"),
				"intake", fx.count("SELECT count(*) FROM intake_batch"),
				"agency", fx.count("SELECT count(*) FROM agency"));
	}

	/** The message the user sees: the flash, the page's error, or the API's JSON. */
	private static String message(MvcResult r) throws Exception {
		Object flash = r.getFlashMap() == null ? null : r.getFlashMap().get("error");
		if (flash != null) {
			return flash.toString();
		}
		if (r.getModelAndView() != null && r.getModelAndView().getModel().get("error") != null) {
			return r.getModelAndView().getModel().get("error").toString();
		}
		String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int i = body.indexOf("\"message\"");
		return i >= 0 ? body.substring(i, Math.min(body.length(), i + 300)) : null;
	}

	static boolean vietnamese(String s) {
		return s.matches("(?s).*[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ].*");
	}
}
