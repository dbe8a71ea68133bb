package vn.nq57.intake;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import vn.nq57.agency.AgencyKind;

/** The province's registry file as a matcher, for tests that need no database. */
final class RegistryFixture {

	private RegistryFixture() {
	}

	static AgencyMatcher matcher() {
		List<AgencyMatcher.Entry> entries = new ArrayList<>();
		try (Reader r = new InputStreamReader(RegistryFixture.class.getResourceAsStream("/registry/agencies.csv"),
				StandardCharsets.UTF_8)) {
			long id = 1;
			for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				List<String> names = new ArrayList<>();
				names.add(rec.get("name"));
				if (!rec.get("short_name").isBlank()) {
					names.add(rec.get("short_name"));
				}
				for (String a : rec.get("aliases").split("\\|")) {
					if (!a.isBlank()) {
						names.add(a);
					}
				}
				entries.add(new AgencyMatcher.Entry(id++, rec.get("name"), AgencyKind.valueOf(rec.get("kind")), names));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return new AgencyMatcher(entries);
	}

	static long id(AgencyMatcher m, String name) {
		AgencyMatcher.Match match = m.resolve(name);
		if (!match.known()) {
			throw new IllegalArgumentException("not in the registry: " + name);
		}
		return match.agencyId();
	}
}
