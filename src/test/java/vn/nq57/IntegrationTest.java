package vn.nq57;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a real PostgreSQL (embedded, one per test JVM), with the clock
 * fixed at 22/11/2026 and the demo off (see application-test.properties). The database holds the agency registry
 * (loaded by the application itself) and one account per role ({@link vn.nq57.testdata.TestAccounts}); every
 * other row a test relies on it makes itself ({@link vn.nq57.testdata.World} and the modules' fixtures). All test
 * classes share this database, so a test counts and changes only what it created.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
public @interface IntegrationTest {
}
