package vn.nq57.account;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import vn.nq57.system.FieldErrors;

/**
 * Problems found before a controller runs (an agency name typed without JavaScript that matches nothing or
 * several agencies, see {@link AgencyPicker.Resolver}) reach the page the same way as the form's own errors:
 * a form bound to an object ({@code @Valid} with a {@code BindingResult}) gets them on its fields and shows its
 * page again with everything typed; any other form sent by POST is not run at all, and the person is sent back
 * to the page they came from with the messages beside the fields and the typed values
 * ({@link FieldErrors} as a flash attribute). A GET (a filter) runs without the unresolved value.
 */
@ControllerAdvice
@Configuration
class FieldErrorsAdvice implements WebMvcConfigurer {

	@InitBinder
	void copyPickProblems(WebDataBinder binder, HttpServletRequest request) {
		FieldErrors found = FieldErrors.find(request);
		if (found != null && request.getAttribute(COPIED) == null) {
			binder.addValidators(new Validator() {
				@Override
				public boolean supports(Class<?> clazz) {
					return true;
				}

				@Override
				public void validate(Object target, Errors errors) {
					if (request.getAttribute(COPIED) == null) {
						request.setAttribute(COPIED, Boolean.TRUE);
						found.add((org.springframework.validation.BindingResult) errors);
					}
				}
			});
		}
	}

	private static final String COPIED = FieldErrorsAdvice.class.getName() + ".copied";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws Exception {
				FieldErrors found = FieldErrors.find(request);
				if (found == null || !"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod m)
						|| Arrays.stream(m.getMethodParameters()).anyMatch(p -> Errors.class.isAssignableFrom(p.getParameterType())
								|| FieldErrors.class.equals(p.getParameterType()))) {
					return true;
				}
				request.getParameterMap().forEach((k, v) -> {
					if (v.length == 1 && !k.startsWith("_") && found.value(k) == null && v[0].length() <= 10_000) {
						found.keep(k, v[0]);
					}
				});
				String back = backTo(request);
				FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
				flash.put(FieldErrors.ATTRIBUTE, found);
				flash.put("error", vn.nq57.system.Flash.text("form.notSaved"));
				RequestContextUtils.saveOutputFlashMap(back, request, response);
				response.sendRedirect(back);
				return false;
			}
		});
	}

	/**
	 * A controller that declares a {@link FieldErrors} parameter handles the problems itself (shows its form again
	 * with what was typed, messages beside the fields); it gets the request's, empty when there are none.
	 */
	@Override
	public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new org.springframework.web.method.support.HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(org.springframework.core.MethodParameter parameter) {
				return FieldErrors.class.equals(parameter.getParameterType());
			}

			@Override
			public Object resolveArgument(org.springframework.core.MethodParameter parameter,
					org.springframework.web.method.support.ModelAndViewContainer mav,
					org.springframework.web.context.request.NativeWebRequest request,
					org.springframework.web.bind.support.WebDataBinderFactory binders) {
				return FieldErrors.of(request.getNativeRequest(HttpServletRequest.class));
			}
		});
	}

	/** The page the form was on (same site only), else the form's own address. */
	static String backTo(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		String ctx = request.getContextPath();
		if (referer != null) {
			try {
				java.net.URI u = java.net.URI.create(referer);
				String host = request.getServerName();
				if (u.getHost() == null || u.getHost().equalsIgnoreCase(host)) {
					return (u.getRawPath() == null ? ctx + "/" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
				}
			}
			catch (IllegalArgumentException e) {
				// a malformed Referer: back to the form's own address
			}
		}
		return request.getRequestURI();
	}
}
