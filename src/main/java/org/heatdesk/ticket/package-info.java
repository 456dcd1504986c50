/**
 * Tickets: every request recorded, instructed, answered and resolved (有记录、有指令、有回音、有结果),
 * owned by its first responder (首问负责), against versioned deadlines on a heating-season calendar,
 * with explicit transfers, escalation, incident linking and no routing of a complaint to the person it
 * is about (6.7). Depends on {@code platform}, {@code staff}, {@code customer} and {@code network}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets", allowedDependencies = { "platform", "staff", "customer", "network" })
package org.heatdesk.ticket;
