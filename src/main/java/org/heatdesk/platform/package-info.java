/**
 * Cross-cutting ground every module stands on: the embedded database, security, the
 * tamper-evident audit trail, API keys for integrations, demo data, and the shared web layout.
 * Depends on no other module; every other module may use its public types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.heatdesk.platform;
