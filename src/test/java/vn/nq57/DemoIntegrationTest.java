package vn.nq57;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import vn.nq57.system.TestDatabases;

/**
 * A test of the demo itself (a user-facing feature: what a trainee sees after the first start): the whole
 * application with {@code nq57.demo.enabled=true}, on a database of its own ({@code nq57_demo} on the test JVM's
 * PostgreSQL server), so the demo's data never reaches the other tests and theirs never stops the demo from
 * loading. Every class with this annotation shares one Spring context; keep them few.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "nq57.demo.enabled=true")
@ContextConfiguration(initializers = DemoIntegrationTest.OwnDatabase.class)
public @interface DemoIntegrationTest {

	/** Points the context at the demo's own database instead of the shared test database. */
	class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext ctx) {
			String url = TestDatabases.create("nq57_demo");
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(ctx, "nq57.db.embedded=false",
					"spring.datasource.url=" + url, "spring.datasource.username=postgres");
		}
	}
}
