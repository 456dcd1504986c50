/**
 * Heat customers (standard 5(二), 5.10, 8.4): accounts, phones, addresses, contracts, the one-box
 * search agents use during a call, masking of personal data by role and the access log of every
 * read of it, and the import from the billing system. Depends on {@code platform} and
 * {@code network} (a customer's address lies in a network community served by a substation).
 * Lookups join the {@code network_community} table, which the network module publishes as part of
 * its contract, so that a lookup stays one indexed query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = { "platform", "network" })
package org.heatdesk.customer;
