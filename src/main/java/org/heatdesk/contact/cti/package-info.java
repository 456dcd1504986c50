/**
 * The contract between the contact module and the adapters of a telephone switch: the event as a
 * switch reports it and the intake that takes it. A sub-package, so that it is internal to
 * {@code contact} (Spring Modulith exposes only a module's base package) while {@code contact.ami}
 * can use it.
 */
package org.heatdesk.contact.cti;
