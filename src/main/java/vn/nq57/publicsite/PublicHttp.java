package vn.nq57.publicsite;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public pages and open-data files carry an ETag of their content: a client (or the portal's proxy) that asks again
 * with {@code If-None-Match} gets 304 without the body.
 */
@Configuration(proxyBeanMethods = false)
class PublicHttp {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> r = new FilterRegistrationBean<>(weak());
		r.addUrlPatterns("/public", "/public/*", "/open-data/*");
		r.setName("publicEtags");
		r.setOrder(1);
		return r;
	}

	@Bean
	PublicPageCache publicPageCache(@org.springframework.beans.factory.annotation.Value("${nq57.public.page-seconds:30}") long seconds,
			PublicCache data) {
		return new PublicPageCache(seconds, data);
	}

	/** Inside the ETag filter and after Spring Security, so that it knows whether the visitor is signed in. */
	@Bean
	FilterRegistrationBean<PublicPageCache> publicPages(PublicPageCache cache) {
		FilterRegistrationBean<PublicPageCache> r = new FilterRegistrationBean<>(cache);
		r.addUrlPatterns("/public", "/public/*");
		r.setName("publicPages");
		r.setOrder(2);
		return r;
	}

	/** A weak ETag: Tomcat does not gzip an answer with a strong one (the compressed bytes would differ). */
	static ShallowEtagHeaderFilter weak() {
		ShallowEtagHeaderFilter f = new ShallowEtagHeaderFilter();
		f.setWriteWeakETag(true);
		return f;
	}
}
