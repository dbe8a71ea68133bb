package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The language switch links to the same page, its filters kept, in the other language. */
class LayoutAdviceTest {

	@Test
	void theSwitchKeepsThePageAndItsQuery() {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/tasks");
		get.setQueryString("status=OVERDUE&q=chuyen%20doi%20so&lang=vi");
		assertThat(LayoutAdvice.samePageIn(get, "en")).isEqualTo("/tasks?status=OVERDUE&q=chuyen%20doi%20so&lang=en");

		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/settings");
		post.setQueryString("x=1");
		assertThat(LayoutAdvice.samePageIn(post, "vi")).isEqualTo("/settings?lang=vi");
	}
}
