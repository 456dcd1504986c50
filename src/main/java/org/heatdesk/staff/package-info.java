/**
 * The people of the service center: staff accounts, teams and roles, and how they log in
 * (password policy, lock-out after repeated failures). Depends only on {@code platform}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package org.heatdesk.staff;
