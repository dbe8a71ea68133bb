package vn.nq57.ioc;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The feed's answers carry an ETag of their content: {@code If-None-Match} with the same one gets 304. */
@Configuration(proxyBeanMethods = false)
class IocHttp {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> iocEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> r = new FilterRegistrationBean<>(weak());
		r.addUrlPatterns("/ioc/v1/*");
		r.setName("iocEtags");
		return r;
	}

	/** A weak ETag: Tomcat does not gzip an answer with a strong one (the compressed bytes would differ). */
	static ShallowEtagHeaderFilter weak() {
		ShallowEtagHeaderFilter f = new ShallowEtagHeaderFilter();
		f.setWriteWeakETag(true);
		return f;
	}
}
