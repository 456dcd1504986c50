package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;

class TemplateTextTests {

	@Test
	void placeholdersAreReplacedByTheirValuesOnOneLine() {
		String text = TemplateText.render("工单{ticketNo}已派{technician}上门，咨询{hotline}。",
				Map.of("ticketNo", "GR20261130-0001", "technician", " 孙师傅\n", "hotline", "96123"));
		assertThat(text).isEqualTo("工单GR20261130-0001已派孙师傅上门，咨询96123。");
	}

	@Test
	void aValueWithDollarsOrBackslashesIsTakenLiterally() {
		assertThat(TemplateText.render("结果：{result}", Map.of("result", "更换阀门$1\\n"))).isEqualTo("结果：更换阀门$1\\n");
	}

	@Test
	void aLongValueIsCut() {
		String rendered = TemplateText.render("{result}", Map.of("result", "很".repeat(300)));
		// 119 characters and the ellipsis
		assertThat(rendered).hasSize(TemplateText.VALUE_LIMIT).endsWith("…");
	}

	@Test
	void aMissingValueNamesThePlaceholder() {
		assertThatThrownBy(() -> TemplateText.render("工单{ticketNo}：{result}", Map.of("ticketNo", "GR1")))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("NOTIFICATION_VALUE_MISSING");
				assertThat(e.field()).isEqualTo("result");
			});
	}

	@Test
	void aTemplateMayUseOnlyItsKindsPlaceholders() {
		TemplateText.check(MessageKind.TICKET_DISPATCHED, "{ticketNo}{technician}{technicianNo}{window}{hotline}{company}");
		assertThatThrownBy(() -> TemplateText.check(MessageKind.TICKET_RECORDED, "工单{ticketNo}，师傅{technician}"))
			.hasFieldOrPropertyWithValue("code", "NOTIFICATION_PLACEHOLDER_UNKNOWN");
		assertThatThrownBy(() -> TemplateText.check(MessageKind.TICKET_RECORDED, "工单{ticketNo"))
			.hasFieldOrPropertyWithValue("code", "NOTIFICATION_PLACEHOLDER_UNKNOWN");
		assertThatThrownBy(() -> TemplateText.check(MessageKind.TICKET_RECORDED, "工单}{ticketNo}"))
			.hasFieldOrPropertyWithValue("code", "NOTIFICATION_PLACEHOLDER_UNKNOWN");
	}
}
