package org.heatdesk.network;

/** A heat source (热源): a CHP plant or boiler house feeding substations. */
public record HeatSourceView(long id, String code, String name, String kind, Double capacityMw) {
}
