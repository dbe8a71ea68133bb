package vn.nq57.map;

/** The economic zone, its industrial parks and the planning areas inside them. */
public enum ZoneKind {
	ECONOMIC_ZONE, INDUSTRIAL_PARK, PLANNING_AREA
}
