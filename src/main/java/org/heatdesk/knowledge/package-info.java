/**
 * The knowledge base (standard 7(二), 9.1, 10.1: answer heating questions accurately at once):
 * articles with every version kept and a manager's approval, a Chinese full-text search over them
 * with synonyms, colloquial forms, pinyin and typos, and (from its second helper) the service
 * phrases and the "answered the caller" marks. Depends on {@code platform} and {@code staff} only:
 * the desk and intake pages fetch its endpoints from their JavaScript.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = { "platform",
		"staff" })
package org.heatdesk.knowledge;
