package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.web.Browser;

/**
 * In a real Chromium, under the Content-Security-Policy: the Board's officer opens the map, switches a layer off and
 * on, searches a lot by its code without accents, opens its popup and follows it to its enterprise; the anonymous
 * investor opens the public map, finds an available lot and sees no tenant anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MapBrowserTest {

	@LocalServerPort
	int port;

	@Autowired MapFixtures fx;
	@Autowired MapData data;
	@Autowired RunAs runAs;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	Object js(String script) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script);
	}

	void waitFor(String script) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(script)));
	}

	@Test
	void officerAndInvestor() {
		MapFixtures.Zone z = fx.zone();
		String tenant = "Công ty Thép Ánh Dương " + z.code();
		long ent = runAs.user("cb.bql", () -> data.saveEnterprise(new MapData.EnterpriseInput(tenant, null, "Việt Nam",
				"Thép", null, null, false)));
		String leased = z.code() + "-ĐT1";
		String free = z.code() + "-TR2";
		runAs.user("cb.bql", () -> data.saveLots(List.of(
				new MapData.LotInput(leased, z.id(), "Đất công nghiệp", LotStatus.LEASED, null, ent, null, "HĐ-01", null, null,
						null, null, MapEnvironmentAndAccessTest.box(z.lot(2, 2)), "EPSG:4326", false),
				new MapData.LotInput(free, z.id(), "Đất công nghiệp", LotStatus.AVAILABLE, null, null, null, null, null, null,
						null, null, MapEnvironmentAndAccessTest.box(z.lot(5, 5)), "EPSG:4326", false))));

		browser.login("cb.bql");
		browser.open("/map");
		waitFor("return !!window.nq57Map && !!document.getElementById('map').dataset.loadedlots");
		// the layer switcher: lots off, then on again
		WebElement lotsToggle = browser.find(By.xpath("//label[contains(., 'Lô đất')]//input[@type='checkbox']"));
		lotsToggle.click();
		waitFor("return document.querySelectorAll('.leaflet-control-layers-overlays input:checked').length === 3");
		lotsToggle.click();
		waitFor("return document.querySelectorAll('.leaflet-control-layers-overlays input:checked').length === 4");
		assertThat(browser.findAll(By.cssSelector(".leaflet-control-scale-line"))).isNotEmpty();
		// search without accents ("đt1" typed as "dt1"), open the lot, follow it to its enterprise
		browser.find(By.id("map-search")).sendKeys((z.code() + "-dt1").toLowerCase());
		WebElement hit = browser.find(By.cssSelector("#search-results a.hit-lot"));
		assertThat(hit.getText()).contains(leased);
		hit.click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> d.findElements(By.cssSelector(".leaflet-popup .popup-enterprise")).stream().findFirst().orElse(null));
		assertThat(browser.text(By.cssSelector(".leaflet-popup"))).contains(leased).contains("Đã cho thuê").contains("HĐ-01");
		browser.shot("map-1-officer-popup");
		// the popup may be drawn again (its lot's details arrive, the map pans to it): click the link as it is now
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> {
				d.findElement(By.cssSelector(".leaflet-popup .popup-enterprise")).click();
				return true;
			});
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/map/enterprises/"));
		assertThat(browser.text(By.id("enterprise-name"))).isEqualTo(tenant);
		assertThat(browser.pageSource()).contains(leased);
		browser.logout();

		browser.open("/public/map");
		waitFor("return !!window.nq57Map && !!document.getElementById('map').dataset.loadedlots");
		assertThat(browser.findAll(By.cssSelector(".leaflet-control-layers-overlays input"))).hasSize(3);
		browser.find(By.xpath("//label[contains(., 'Hạ tầng kỹ thuật')]//input[@type='checkbox']")).click();
		waitFor("return document.querySelectorAll('.leaflet-control-layers-overlays input:checked').length === 2");
		browser.find(By.id("map-search")).sendKeys(z.code().toLowerCase() + "-");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector("#search-results a.hit-lot")).isEmpty());
		assertThat(browser.findAll(By.cssSelector("#search-results a.hit-lot"))).extracting(WebElement::getText)
			.anyMatch(t -> t.contains(free)).noneMatch(t -> t.contains(leased));
		browser.find(By.cssSelector("#search-results a.hit-lot")).click();
		// the popup opens once the map has flown to the lot and its attributes have come: wait for its words
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> d.findElements(By.cssSelector(".leaflet-popup")).stream().anyMatch(p -> p.getText().contains(free)));
		assertThat(browser.text(By.cssSelector(".leaflet-popup"))).contains(free).contains("Còn trống");
		assertThat(browser.findAll(By.cssSelector(".leaflet-popup-content a"))).as("no link into internal pages").isEmpty();
		browser.shot("map-2-investor");
		assertThat(browser.pageSource()).doesNotContain(tenant).doesNotContain("HĐ-01");
	}
}
