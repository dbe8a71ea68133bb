package vn.nq57.agency;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Fills an empty registry from {@code nq57.registry.file} (the province's list; an administrator replaces
 * the file, or loads another through the CSV import page). Does nothing once agencies exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgencyRegistryLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AgencyRegistryLoader.class);

	private final AgencyRepository agencies;
	private final AgencyCsv csv;
	private final ResourceLoader resources;
	private final String location;

	AgencyRegistryLoader(AgencyRepository agencies, AgencyCsv csv, ResourceLoader resources,
			@Value("${nq57.registry.file:classpath:registry/agencies.csv}") String location) {
		this.agencies = agencies;
		this.csv = csv;
		this.resources = resources;
		this.location = location;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (agencies.count() > 0 || location.isBlank()) {
			return;
		}
		Resource file = resources.getResource(location);
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			int n = csv.load(csv.parse(reader));
			log.info("Loaded {} agencies from {}", n, location);
		}
	}
}
