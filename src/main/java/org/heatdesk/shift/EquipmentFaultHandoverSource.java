package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The hand-over's equipment faults: the team's faults not yet resolved (问题清), overdue first, so
 * the incoming shift knows which headset or system still does not work and who has it. In deadline
 * order as {@link EquipmentFaults#open} reads them, which is overdue first.
 */
@Component
class EquipmentFaultHandoverSource implements HandoverSource {

	private final EquipmentFaults faults;

	private final MessageSource messages;

	EquipmentFaultHandoverSource(EquipmentFaults faults, MessageSource messages) {
		this.faults = faults;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "EQUIPMENT_FAULTS";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		return faults.open(teamId).stream()
			.filter(f -> !f.raisedAt().isAfter(at))
			.map(f -> new HandoverItem(name(), "PROBLEM", "#" + f.id(),
					messages.getMessage("shift.handover.fault",
							new Object[] { messages.getMessage(EquipmentFaults.itemKey(f.item()), null, locale), f.description(),
									messages.getMessage("shift.faults.status." + f.status(), null, locale) },
							locale),
					f.dueAt(), f.dueAt().isBefore(at), "/shift/faults#fault-" + f.id()))
			.toList();
	}
}
