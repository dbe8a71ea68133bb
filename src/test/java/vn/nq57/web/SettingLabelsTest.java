package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.SettingsService;

/**
 * The settings page names each module's settings from the bundles (setting.{key}.label/.help, and the section by
 * the key's first part), falling back to the Vietnamese of the SettingSpec: a new setting needs its keys, or the
 * English page would show it in Vietnamese.
 */
@IntegrationTest
class SettingLabelsTest {

	@Autowired
	SettingsService settings;

	@Test
	void everySettingIsNamedInBothLanguages() throws Exception {
		Map<String, String> vi = MessageBundlesTest.bundle("messages.properties");
		TreeSet<String> missing = new TreeSet<>();
		for (SettingSpec s : settings.specs()) {
			for (String key : new String[] { "setting." + s.key() + ".label", "setting." + s.key() + ".help",
					"setting.section." + s.key().substring(0, s.key().indexOf('.')) }) {
				if (!vi.containsKey(key)) {
					missing.add(key);
				}
			}
			assertThat(vi.get("setting." + s.key() + ".label")).as(s.key()).isIn(s.label(), null);
		}
		assertThat(missing).isEmpty();
	}
}
