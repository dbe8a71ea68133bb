package vn.nq57.map;

/** Kinds of technical infrastructure on the map. */
public enum InfraKind {
	ROAD, WATER, DRAINAGE, WASTEWATER_PLANT, POWER_LINE, SUBSTATION, TELECOM, PORT
}
