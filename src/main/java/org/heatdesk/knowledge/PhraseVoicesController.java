package org.heatdesk.knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The desk's checklist of the three voices for the call on screen. */
@PageController
@PreAuthorize(Roles.DESK)
class PhraseVoicesController {

	private final PhraseVoices voices;

	PhraseVoicesController(PhraseVoices voices) {
		this.voices = voices;
	}

	@GetMapping("/knowledge/voices")
	String show(@RequestParam long call, Model model) {
		return render(call, voices.ticked(call), model);
	}

	/** The checklist as the agent left it: the ticked boxes are the call's voices. */
	@PostMapping("/knowledge/voices")
	String tick(@RequestParam long call, @RequestParam(required = false) List<PhraseVoices.Voice> voice, Model model) {
		Set<PhraseVoices.Voice> wanted = EnumSet.noneOf(PhraseVoices.Voice.class);
		if (voice != null) {
			voice.stream().filter(v -> v != null).forEach(wanted::add);
		}
		return render(call, voices.tick(call, wanted, Actor.current()), model);
	}

	private static String render(long call, Set<PhraseVoices.Voice> ticked, Model model) {
		model.addAttribute("callId", call);
		model.addAttribute("voices", PhraseVoices.Voice.values());
		model.addAttribute("ticked", ticked);
		return "knowledge/phrase-fragments :: voices";
	}
}
