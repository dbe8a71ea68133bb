package oidcprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID Connect provider for the single sign-on test ("Hệ thống xác thực tập trung" of the province):
 * Spring Authorization Server in its own application context, with two people: {@code sokhcn}, who has an account
 * in NQ57, and {@code nguoi.la}, who has none. The ID token carries {@code preferred_username}.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
		"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration" })
public class OidcProvider {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(as.getEndpointsMatcher())
			.with(as, a -> a.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests(r -> r.anyRequest().authenticated())
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
					new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain login(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(
				User.withUsername("sokhcn").password("{noop}Sso@2026").roles("USER").build(),
				User.withUsername("nguoi.la").password("{noop}Sso@2026").roles("USER").build());
	}

	@Bean
	RegisteredClientRepository clients(@Value("${nq57.test.client-redirect}") String redirect) {
		return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("nq57")
			.clientSecret("{noop}bi-mat-thu-nghiem")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect)
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
		return ctx -> ctx.getClaims().claim("preferred_username", ctx.getPrincipal().getName());
	}

	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
		g.initialize(2048);
		KeyPair kp = g.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) kp.getPublic()).privateKey((RSAPrivateKey) kp.getPrivate())
			.keyID(UUID.randomUUID().toString()).build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSource(keys).build();
	}

	@Bean
	AuthorizationServerSettings settings() {
		return AuthorizationServerSettings.builder().build();
	}
}
