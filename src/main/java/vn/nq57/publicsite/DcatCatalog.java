package vn.nq57.publicsite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.nq57.system.AppClock;

/**
 * The open-data catalogue in DCAT-AP: the catalogue, each public data set with its three distributions (CSV, JSON,
 * XLSX), the publisher (DoST), a contact point, the licence (a setting), themes (EU data themes), issued/modified,
 * temporal and spatial coverage. Written as triples once, then as Turtle or JSON-LD.
 */
@Component
public class DcatCatalog {

	static final String DCAT = "http://www.w3.org/ns/dcat#";
	static final String DCT = "http://purl.org/dc/terms/";
	static final String FOAF = "http://xmlns.com/foaf/0.1/";
	static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
	static final String XSD = "http://www.w3.org/2001/XMLSchema#";
	static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
	static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
	static final String EU = "http://publications.europa.eu/resource/authority/";

	/** The day the catalogue was first published. */
	static final LocalDate ISSUED = LocalDate.of(2026, 12, 7);

	static final Map<String, String> PREFIXES = new LinkedHashMap<>();
	static {
		PREFIXES.put("dcat", DCAT);
		PREFIXES.put("dct", DCT);
		PREFIXES.put("foaf", FOAF);
		PREFIXES.put("vcard", VCARD);
		PREFIXES.put("xsd", XSD);
		PREFIXES.put("rdf", RDF);
		PREFIXES.put("skos", SKOS);
	}

	/** An object: an IRI, or a literal with a datatype or a language. */
	record Obj(String iri, String literal, String datatype, String lang) {
		static Obj iri(String iri) {
			return new Obj(iri, null, null, null);
		}

		static Obj vi(String text) {
			return new Obj(null, text, null, "vi");
		}

		static Obj plain(String text) {
			return new Obj(null, text, null, null);
		}

		static Obj typed(String text, String datatype) {
			return new Obj(null, text, datatype, null);
		}
	}

	/** The triples of one subject, in order. */
	static final class Node {
		final String iri;
		final List<Map.Entry<String, Obj>> props = new ArrayList<>();

		Node(String iri) {
			this.iri = iri;
		}

		Node add(String predicate, Obj o) {
			props.add(Map.entry(predicate, o));
			return this;
		}

		Node type(String cls) {
			return add(RDF + "type", Obj.iri(cls));
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PublicDatasets datasets;
	private final PublicSettings settings;
	private final AppClock clock;
	private final PublicCache cache;
	private final String base;

	DcatCatalog(PublicDatasets datasets, PublicSettings settings, AppClock clock, PublicCache cache,
			@Value("${nq57.base-url:http://localhost:8080}") String base) {
		this.datasets = datasets;
		this.settings = settings;
		this.clock = clock;
		this.cache = cache;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	public String catalogIri() {
		return base + "/open-data/catalog";
	}

	public String turtle() {
		return cache.get("dcat:ttl", () -> turtle(nodes()));
	}

	public String jsonLd() {
		return cache.get("dcat:jsonld", () -> jsonLd(nodes()));
	}

	List<Node> nodes() {
		LocalDate today = clock.today();
		String licence = settings.licence();
		List<Node> nodes = new ArrayList<>();
		String publisher = base + "/open-data/publisher";
		String contact = base + "/open-data/contact";
		String province = base + "/open-data/spatial/quang-ngai";
		Node cat = new Node(catalogIri()).type(DCAT + "Catalog")
			.add(DCT + "title", Obj.vi("Danh mục dữ liệu mở về thực hiện Nghị quyết 57-NQ/TW tỉnh Quảng Ngãi"))
			.add(DCT + "description", Obj.vi("Dữ liệu mở của hệ thống theo dõi, đôn đốc thực hiện Nghị quyết số 57-NQ/TW "
					+ "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số số quốc gia tại tỉnh "
					+ "Quảng Ngãi: chỉ số liệu Sở Khoa học và Công nghệ đã xác nhận hoặc phê duyệt."))
			.add(DCT + "publisher", Obj.iri(publisher))
			.add(DCT + "license", Obj.iri(licence))
			.add(DCT + "language", Obj.iri(EU + "language/VIE"))
			.add(DCT + "issued", Obj.typed(ISSUED.toString(), XSD + "date"))
			.add(DCT + "modified", Obj.typed(today.toString(), XSD + "date"))
			.add(DCT + "spatial", Obj.iri(province))
			.add(FOAF + "homepage", Obj.iri(base + "/public/data"))
			.add(DCAT + "themeTaxonomy", Obj.iri(EU + "data-theme"));
		nodes.add(cat);
		for (PublicDataset d : datasets.all()) {
			String ds = base + "/open-data/datasets/" + d.name();
			cat.add(DCAT + "dataset", Obj.iri(ds));
			Node n = new Node(ds).type(DCAT + "Dataset")
				.add(DCT + "identifier", Obj.plain(d.name()))
				.add(DCT + "title", Obj.vi(d.title()))
				.add(DCT + "description", Obj.vi(d.description() + " Cột: " + String.join(", ",
						d.columns().stream().map(c -> c.name() + " – " + c.description()).toList())))
				.add(DCT + "publisher", Obj.iri(publisher))
				.add(DCAT + "contactPoint", Obj.iri(contact))
				.add(DCT + "license", Obj.iri(licence))
				.add(DCT + "language", Obj.iri(EU + "language/VIE"))
				.add(DCT + "issued", Obj.typed(ISSUED.toString(), XSD + "date"))
				.add(DCT + "modified", Obj.typed(today.toString(), XSD + "date"))
				.add(DCT + "accrualPeriodicity", Obj.iri(EU + "frequency/DAILY"))
				.add(DCT + "spatial", Obj.iri(province))
				.add(DCT + "spatial", Obj.iri(EU + "country/VNM"))
				.add(DCAT + "landingPage", Obj.iri(base + "/public/data#" + d.name()));
			d.themes().forEach(t -> n.add(DCAT + "theme", Obj.iri(EU + "data-theme/" + t)));
			d.keywords().forEach(k -> n.add(DCAT + "keyword", Obj.vi(k)));
			String temporal = ds + "#temporal";
			if (d.temporalStart() != null) {
				n.add(DCT + "temporal", Obj.iri(temporal));
			}
			nodes.add(n);
			if (d.temporalStart() != null) {
				nodes.add(new Node(temporal).type(DCT + "PeriodOfTime")
					.add(DCAT + "startDate", Obj.typed(d.temporalStart(), XSD + "date"))
					.add(DCAT + "endDate", Obj.typed(today.toString(), XSD + "date")));
			}
			for (OpenDataFiles.Format f : OpenDataFiles.Format.values()) {
				String url = ds + "." + f.extension();
				n.add(DCAT + "distribution", Obj.iri(url));
				String media = f.mediaType().replaceAll(";.*", "");
				nodes.add(new Node(url).type(DCAT + "Distribution")
					.add(DCT + "title", Obj.vi(d.title() + " (" + f.name() + ")"))
					.add(DCAT + "accessURL", Obj.iri(url))
					.add(DCAT + "downloadURL", Obj.iri(url))
					.add(DCAT + "mediaType", Obj.iri("https://www.iana.org/assignments/media-types/" + media))
					.add(DCT + "format", Obj.iri(EU + "file-type/" + f.name()))
					.add(DCT + "license", Obj.iri(licence))
					.add(DCT + "modified", Obj.typed(today.toString(), XSD + "date")));
			}
		}
		nodes.add(new Node(publisher).type(FOAF + "Organization").type(FOAF + "Agent")
			.add(FOAF + "name", Obj.vi("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"))
			.add(DCT + "type", Obj.iri(EU + "corporate-body-classification/LOCAL_AUTHORITY"))
			.add(FOAF + "homepage", Obj.iri(base + "/public")));
		nodes.add(new Node(contact).type(VCARD + "Organization").type(VCARD + "Kind")
			.add(VCARD + "fn", Obj.vi("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi – Bộ phận dữ liệu mở"))
			.add(VCARD + "hasEmail", Obj.iri("mailto:" + settings.contactEmail())));
		nodes.add(new Node(province).type(DCT + "Location")
			.add(SKOS + "prefLabel", Obj.vi("Tỉnh Quảng Ngãi, Việt Nam")));
		return nodes;
	}

	static String turtle(List<Node> nodes) {
		StringBuilder sb = new StringBuilder();
		PREFIXES.forEach((p, ns) -> sb.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
		sb.append('\n');
		for (Node n : nodes) {
			sb.append('<').append(n.iri).append('>');
			for (int i = 0; i < n.props.size(); i++) {
				var e = n.props.get(i);
				sb.append(i == 0 ? "\n    " : " ;\n    ").append(term(e.getKey())).append(' ').append(ttl(e.getValue()));
			}
			sb.append(" .\n\n");
		}
		return sb.toString();
	}

	private static String term(String iri) {
		if ((RDF + "type").equals(iri)) {
			return "a";
		}
		for (var p : PREFIXES.entrySet()) {
			if (iri.startsWith(p.getValue()) && iri.substring(p.getValue().length()).matches("[A-Za-z][A-Za-z0-9_]*")) {
				return p.getKey() + ":" + iri.substring(p.getValue().length());
			}
		}
		return "<" + iri + ">";
	}

	private static String ttl(Obj o) {
		if (o.iri() != null) {
			return term(o.iri());
		}
		String s = "\"" + o.literal().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
				+ "\"";
		if (o.lang() != null) {
			return s + "@" + o.lang();
		}
		return o.datatype() == null ? s : s + "^^" + term(o.datatype());
	}

	static String jsonLd(List<Node> nodes) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("@context", new LinkedHashMap<>(PREFIXES));
		List<Map<String, Object>> graph = new ArrayList<>();
		for (Node n : nodes) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("@id", n.iri);
			List<String> types = new ArrayList<>();
			Map<String, List<Object>> props = new LinkedHashMap<>();
			for (var e : n.props) {
				if ((RDF + "type").equals(e.getKey())) {
					types.add(compact(e.getValue().iri()));
					continue;
				}
				Obj o = e.getValue();
				Object v;
				if (o.iri() != null) {
					v = Map.of("@id", o.iri());
				}
				else if (o.lang() != null) {
					v = Map.of("@value", o.literal(), "@language", o.lang());
				}
				else if (o.datatype() != null) {
					v = Map.of("@value", o.literal(), "@type", compact(o.datatype()));
				}
				else {
					v = Map.of("@value", o.literal());
				}
				props.computeIfAbsent(compact(e.getKey()), k -> new ArrayList<>()).add(v);
			}
			m.put("@type", types.size() == 1 ? types.get(0) : types);
			props.forEach((k, v) -> m.put(k, v.size() == 1 ? v.get(0) : v));
			graph.add(m);
		}
		doc.put("@graph", graph);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
	}

	private static String compact(String iri) {
		for (var p : PREFIXES.entrySet()) {
			if (iri.startsWith(p.getValue())) {
				return p.getKey() + ":" + iri.substring(p.getValue().length());
			}
		}
		return iri;
	}
}
