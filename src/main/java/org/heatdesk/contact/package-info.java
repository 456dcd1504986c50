/**
 * Calls and contacts: the telephone switch's events, the calls derived from them with their ring
 * time against the three-ring limit (7(三)), agent presence, the screen pop, the lead's wallboard,
 * and the registration of every other channel (7(一)). The switch's raw events are kept as
 * received and are themselves the record of a call, so they are not copied into the audit trail;
 * every change a person makes (presence, contacts, tickets from calls) is audited. Depends on
 * {@code platform}, {@code staff} (agents), {@code customer} (the caller), {@code network} (outages
 * the caller is told of) and {@code ticket} (tickets recorded from a call).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact", allowedDependencies = { "platform", "staff", "customer", "network", "ticket" })
package org.heatdesk.contact;
