package vn.nq57.trust;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A sign-in form posted from a given network address. */
final class Logins {

	private Logins() {
	}

	static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}
}
