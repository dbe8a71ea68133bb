package vn.nq57.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.VnFormat;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final AccessPolicy access;

	WebConfig(AccessPolicy access) {
		this.access = access;
	}

	/** Dates are typed dd/MM/yyyy; 31/02/2026 is refused, not silently turned into 03/03/2026. */
	static final class VnDateFormatter implements Formatter<LocalDate> {

		private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("d/M/uuuu")
			.withResolverStyle(ResolverStyle.STRICT);

		@Override
		public LocalDate parse(String text, Locale locale) throws ParseException {
			String t = text.strip();
			if (t.isEmpty()) {
				return null;
			}
			try {
				return t.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(t) : LocalDate.parse(t, STRICT);
			}
			catch (DateTimeParseException e) {
				throw new ParseException("Ngày “" + t + "” không hợp lệ (nhập theo dạng dd/MM/yyyy)", 0);
			}
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.format(VnFormat.DATE);
		}
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new VnDateFormatter());
	}

	/**
	 * webjars-locator-lite switches on a filter that looks every link of a page up in the static folders,
	 * uncached on a miss: on the overview that was most of the CPU. Version-less webjar URLs are served by the
	 * resource handler without it.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> noResourceUrlEncoding() {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
		resolver.setDefaultLocale(Locale.forLanguageTag("vi"));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
		registry.addInterceptor(new HtmxFragments());
		// the menu's routes are open to the roles the menu shows them to, and to no one else (403, audited)
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (SecurityContextHolder.getContext().getAuthentication() != null
						&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser) {
					access.requireRoute(request.getRequestURI().substring(request.getContextPath().length()));
				}
				return true;
			}
		});
	}
}
