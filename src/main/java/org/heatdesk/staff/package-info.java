/**
 * The people of the service center: staff accounts, teams and roles, and how they log in
 * (password policy, lock-out after repeated failures). Depends only on {@code platform}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff", allowedDependencies = "platform")
package org.heatdesk.staff;
