/**
 * The heating network (standard 7(二)): heat sources, substations with their thresholds and live
 * operating state, the communities each substation serves, telemetry intake and outages.
 * Depends only on {@code platform}; other modules use {@link org.heatdesk.network.Network} and react
 * to its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Heating network", allowedDependencies = "platform")
package org.heatdesk.network;
