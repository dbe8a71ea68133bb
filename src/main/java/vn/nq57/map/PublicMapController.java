package vn.nq57.map;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.nq57.map.MapAccess.Audience;

/**
 * The investor view, open without login ({@code /public/map}): zones, available lots (code, zone, land use, area),
 * infrastructure and the land-fund summary. Always drawn for the public audience, whoever asks: no tenant, contract,
 * lease or monitoring result leaves through here.
 */
@Controller
class PublicMapController {

	private final MapController inner;

	private final MapLayers layers;

	private final MapQueries queries;

	private final Vn2000 vn;

	PublicMapController(MapController inner, MapLayers layers, MapQueries queries, Vn2000 vn) {
		this.inner = inner;
		this.layers = layers;
		this.queries = queries;
		this.vn = vn;
	}

	@GetMapping("/public/map")
	String page(@RequestParam(required = false) Long zone, Model model) {
		inner.fill(model, Audience.PUBLIC, zone, "/public/map/api");
		return "map/map";
	}

	@GetMapping(path = "/public/map/api/layers/{layer}", produces = MapController.JSON)
	@ResponseBody
	String layer(@PathVariable String layer, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) Integer zoom, @RequestParam(required = false) String landUse,
			@RequestParam(required = false) Long zone, @RequestParam(required = false) String kind) {
		return layers.layer(MapController.layerOf(layer), MapController.viewport(bbox, zoom),
				new MapLayers.Filter(null, landUse, zone, kind), Audience.PUBLIC);
	}

	@GetMapping(path = "/public/map/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<MapQueries.Hit> search(@RequestParam(defaultValue = "") String q) {
		return queries.search(q, true);
	}

	@GetMapping("/public/map/export.geojson")
	ResponseEntity<byte[]> exportGeoJson(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String landUse, @RequestParam(required = false) Long zone) {
		return MapController.geojsonExport(Audience.PUBLIC, bbox, null, landUse, zone, layers);
	}

	@GetMapping("/public/map/export.xlsx")
	ResponseEntity<byte[]> exportExcel(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String landUse, @RequestParam(required = false) Long zone) throws IOException {
		return MapController.excelExport(Audience.PUBLIC, bbox, null, landUse, zone, layers, vn);
	}
}
