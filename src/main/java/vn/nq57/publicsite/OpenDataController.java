package vn.nq57.publicsite;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data: each public data set as CSV, JSON or XLSX at {@code /open-data/datasets/{name}.{csv|json|xlsx}}, and
 * the DCAT-AP catalogue at the stable address {@code /open-data/catalog} (JSON-LD or Turtle by the Accept header) and
 * {@code /open-data/catalog.jsonld}, {@code /open-data/catalog.ttl}. An unknown data set or format is a 404 that lists
 * what exists.
 */
@RestController
class OpenDataController {

	static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");
	static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json;charset=UTF-8");

	private final PublicDatasets datasets;
	private final OpenDataFiles files;
	private final DcatCatalog catalog;

	OpenDataController(PublicDatasets datasets, OpenDataFiles files, DcatCatalog catalog) {
		this.datasets = datasets;
		this.files = files;
		this.catalog = catalog;
	}

	static CacheControl cache() {
		return CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic();
	}

	@GetMapping("/open-data")
	ResponseEntity<Void> home() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/public/data").build();
	}

	@GetMapping("/open-data/catalog")
	ResponseEntity<String> catalog(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		String a = accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
		boolean turtle = a.contains("text/turtle") && (!a.contains("ld+json") || a.indexOf("text/turtle") < a.indexOf("ld+json"));
		return turtle ? turtle() : jsonLd();
	}

	@GetMapping("/open-data/catalog.ttl")
	ResponseEntity<String> turtle() {
		return ResponseEntity.ok().contentType(TURTLE).cacheControl(cache()).header(HttpHeaders.VARY, "Accept")
			.body(catalog.turtle());
	}

	@GetMapping("/open-data/catalog.jsonld")
	ResponseEntity<String> jsonLd() {
		return ResponseEntity.ok().contentType(JSON_LD).cacheControl(cache()).header(HttpHeaders.VARY, "Accept")
			.body(catalog.jsonLd());
	}

	@GetMapping("/open-data/datasets/{file}")
	ResponseEntity<?> download(@PathVariable String file, HttpServletRequest request) {
		int dot = file.lastIndexOf('.');
		String name = dot < 0 ? file : file.substring(0, dot);
		String ext = dot < 0 ? "" : file.substring(dot + 1);
		var dataset = datasets.find(name);
		OpenDataFiles.Format format = OpenDataFiles.Format.of(ext);
		if (dataset.isEmpty() || format == null) {
			return notFound(dataset.isEmpty()
					? "Không có bộ dữ liệu “" + name + "”. Các bộ dữ liệu hiện có được liệt kê dưới đây."
					: "Không có định dạng “" + ext + "” cho bộ dữ liệu “" + name + "”; hãy dùng csv, json hoặc xlsx.");
		}
		OpenDataFiles.File f = files.file(dataset.get(), format);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.cacheControl(cache())
			.lastModified(f.computedAt())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.fileName(), StandardCharsets.UTF_8)
				.build().toString())
			.header("X-Data-As-Of", f.asOf().toString())
			.body(f.bytes());
	}

	private ResponseEntity<Map<String, Object>> notFound(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 404);
		body.put("message", message);
		body.put("datasets", datasets.all().stream().map(d -> Map.of("name", d.name(), "title", d.title(),
				"downloads", List.of("/open-data/datasets/" + d.name() + ".csv", "/open-data/datasets/" + d.name() + ".json",
						"/open-data/datasets/" + d.name() + ".xlsx"))).toList());
		body.put("formats", List.of("csv", "json", "xlsx"));
		body.put("catalog", "/open-data/catalog");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
