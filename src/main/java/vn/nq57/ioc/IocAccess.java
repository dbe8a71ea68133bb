package vn.nq57.ioc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call the feed: HTTP Basic with the client id and secret an ADMIN issued; a revoked or unknown credential is
 * a 401, a scope the client lacks a 403, more calls in a minute than the client's limit a 429 — all in JSON — and every
 * call, accepted or refused, is logged ({@code ioc_usage}). The limit is counted in the database ({@code ioc_rate},
 * one atomic upsert per call), so two nodes together allow the client's figure, not twice it.
 */
@Configuration(proxyBeanMethods = false)
class IocAccess implements WebMvcConfigurer {

	/** The scope an endpoint needs ({@code any}: one of them, the answer filtered by the client's scopes). */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Needs {
		IocScope[] value() default {};
	}

	static final String CLIENT = IocAccess.class.getName() + ".client";

	private final IocClients clients;

	IocAccess(IocClients clients) {
		this.clients = clients;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws Exception {
				return check(request, response, handler);
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				IocClients.Client c = (IocClients.Client) request.getAttribute(CLIENT);
				if (c != null) {
					clients.logUse(c.id(), c.clientId(), request.getMethod(), request.getRequestURI(), response.getStatus(),
							request.getRemoteAddr());
				}
			}
		}).addPathPatterns("/ioc/v1/**");
	}

	static void refuse(HttpServletResponse response, int status, String message) throws java.io.IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"nq57-ioc\", charset=\"UTF-8\"");
		}
		response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message.replace("\"", "'") + "\"}");
	}

	boolean check(HttpServletRequest request, HttpServletResponse response, Object handler) throws java.io.IOException {
		String header = request.getHeader("Authorization");
		String id = null;
		String secret = null;
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				if (colon > 0) {
					id = pair.substring(0, colon);
					secret = pair.substring(colon + 1);
				}
			}
			catch (IllegalArgumentException e) {
				// refused below
			}
		}
		Optional<IocClients.Client> client = clients.authenticate(id, secret);
		if (client.isEmpty()) {
			clients.logUse(null, id, request.getMethod(), request.getRequestURI(), 401, request.getRemoteAddr());
			refuse(response, 401, id == null ? "Thiếu thông tin xác thực: gửi mã ứng dụng và khóa bí mật theo HTTP Basic"
					: "Mã ứng dụng hoặc khóa bí mật không đúng");
			return false;
		}
		IocClients.Client c = client.get();
		if (!c.active()) {
			clients.logUse(c.id(), id, request.getMethod(), request.getRequestURI(), 401, request.getRemoteAddr());
			refuse(response, 401, "Tài khoản máy " + c.clientId() + " đã bị thu hồi");
			return false;
		}
		if (handler instanceof HandlerMethod hm) {
			Needs needs = hm.getMethodAnnotation(Needs.class);
			if (needs != null) {
				for (IocScope s : needs.value()) {
					if (!c.scopes().contains(s)) {
						clients.logUse(c.id(), id, request.getMethod(), request.getRequestURI(), 403, request.getRemoteAddr());
						refuse(response, 403, "Tài khoản máy " + c.clientId() + " không có phạm vi " + s.code());
						return false;
					}
				}
			}
		}
		long[] w = clients.countCall(c.id());
		if (w[0] > c.ratePerMinute()) {
			clients.logUse(c.id(), id, request.getMethod(), request.getRequestURI(), 429, request.getRemoteAddr());
			response.setHeader("Retry-After", String.valueOf(Math.max(1, w[1])));
			refuse(response, 429, "Vượt giới hạn " + c.ratePerMinute() + " lần gọi mỗi phút; hãy thử lại sau");
			return false;
		}
		request.setAttribute(CLIENT, c);
		return true;
	}

}
