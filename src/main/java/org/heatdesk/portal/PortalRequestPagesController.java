package org.heatdesk.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's pages of the public portal (no login): a request online ({@code /portal/request}:
 * the phone confirmed by a code, then the request with photos; the number on the next page) and the
 * progress of a ticket by its number and phone ({@code /portal/progress}: the marks, the technician's
 * window, the result; add information or a photo; rate it once resolved). No script: every step is a
 * form (with its CSRF token), so it works on any phone; a refusal shows the form again with what was
 * typed and the message in place (photos must be chosen again: a browser never refills a file input).
 */
@PageController
class PortalRequestPagesController {

	private final OneTimeCodes codes;

	private final PortalRequests requests;

	private final PortalProgress progress;

	private final PortalRequestSettings settings;

	private final MessageSource messages;

	private final ZoneId zone;

	PortalRequestPagesController(OneTimeCodes codes, PortalRequests requests, PortalProgress progress,
			PortalRequestSettings settings, MessageSource messages, Company company) {
		this.codes = codes;
		this.requests = requests;
		this.progress = progress;
		this.settings = settings;
		this.messages = messages;
		this.zone = company.zone();
	}

	/** What the request form holds while it is filled in. */
	record RequestFormValues(String type, String accountNo, String address, String phone, String code,
			String description, String idempotencyKey) {

		static RequestFormValues empty() {
			return new RequestFormValues("REPAIR", "", "", "", "", "", UUID.randomUUID().toString());
		}

		RequestFormValues withKey() {
			return idempotencyKey == null || idempotencyKey.isBlank() ? new RequestFormValues(type, accountNo, address, phone,
					code, description, UUID.randomUUID().toString()) : this;
		}
	}

	@ModelAttribute
	void limits(Model model) {
		model.addAttribute("requestTypes", PortalRequests.TYPES);
		model.addAttribute("photoLimit", settings.photosPerRequest());
		model.addAttribute("photoMaxMb", settings.photoMaxBytes() / (1024 * 1024));
		model.addAttribute("codeMinutes", settings.codeValidity().toMinutes());
	}

	// ------------------------------------------------------------------ the request

	@GetMapping("/portal/request")
	String requestForm(@RequestParam(required = false) String type, Model model) {
		RequestFormValues v = RequestFormValues.empty();
		if (type != null && PortalRequests.TYPES.stream().anyMatch(t -> t.name().equals(type))) {
			v = new RequestFormValues(type, "", "", "", "", "", v.idempotencyKey());
		}
		model.addAttribute("form", v);
		return "portal/request";
	}

	@PostMapping("/portal/request/code")
	String sendCode(RequestFormValues form, Model model, HttpServletRequest http, HttpServletResponse response) {
		RequestFormValues v = form.withKey();
		model.addAttribute("form", v);
		try {
			OneTimeCodes.Sent sent = codes.send(v.phone(), http.getRemoteAddr());
			model.addAttribute("codeSentTo", sent.maskedPhone());
		}
		catch (HeatDeskException e) {
			refused(e, model, response);
		}
		return "portal/request";
	}

	@PostMapping("/portal/request")
	String submit(RequestFormValues form, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			Model model, HttpServletRequest http, HttpServletResponse response, RedirectAttributes redirect) {
		RequestFormValues v = form.withKey();
		try {
			PortalRequests.PortalRequestReceipt receipt = requests.submit(new PortalRequests.PortalRequestForm(v.type(),
					v.accountNo(), v.address(), v.phone(), v.code(), v.description(), v.idempotencyKey()),
					PortalRequestApiController.photos(photos), http.getRemoteAddr());
			redirect.addFlashAttribute("receipt", receipt);
			return "redirect:/portal/request/done";
		}
		catch (HeatDeskException e) {
			model.addAttribute("form", v);
			model.addAttribute("photosAgain", photos != null && photos.stream().anyMatch(p -> p != null && !p.isEmpty()));
			refused(e, model, response);
			return "portal/request";
		}
	}

	@GetMapping("/portal/request/done")
	String done(Model model) {
		if (!model.containsAttribute("receipt")) {
			// a reload after the flash was read: the number is on the customer's phone by now
			return "redirect:/portal/progress";
		}
		return "portal/request-done";
	}

	// ------------------------------------------------------------------ progress

	@GetMapping("/portal/progress")
	String progressForm(@RequestParam(name = "no", required = false) String ticketNo, Model model) {
		model.addAttribute("ticketNo", ticketNo == null || ticketNo.length() > 40 ? "" : ticketNo.strip());
		model.addAttribute("phone", "");
		return "portal/progress";
	}

	@PostMapping("/portal/progress")
	String lookup(@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String phone,
			Model model, HttpServletRequest http, HttpServletResponse response) {
		model.addAttribute("ticketNo", ticketNo);
		model.addAttribute("phone", phone);
		try {
			show(progress.lookup(ticketNo, phone, http.getRemoteAddr()), model);
		}
		catch (HeatDeskException e) {
			refused(e, model, response);
		}
		return "portal/progress";
	}

	@PostMapping("/portal/progress/add")
	String add(@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String text, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			Model model, HttpServletRequest http, HttpServletResponse response) {
		model.addAttribute("ticketNo", ticketNo);
		model.addAttribute("phone", phone);
		try {
			show(progress.add(ticketNo, phone, text, PortalRequestApiController.photos(photos), http.getRemoteAddr()), model);
			model.addAttribute("notice", "portal.progress.added");
		}
		catch (HeatDeskException e) {
			refused(e, model, response);
			model.addAttribute("addText", text);
			again(ticketNo, phone, http, model);
		}
		return "portal/progress";
	}

	@PostMapping("/portal/progress/rate")
	String rate(@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment, Model model,
			HttpServletRequest http, HttpServletResponse response) {
		model.addAttribute("ticketNo", ticketNo);
		model.addAttribute("phone", phone);
		try {
			show(progress.rate(ticketNo, phone, satisfaction, comment, http.getRemoteAddr()), model);
			model.addAttribute("notice", "portal.progress.rated");
		}
		catch (HeatDeskException e) {
			refused(e, model, response);
			model.addAttribute("rateComment", comment);
			again(ticketNo, phone, http, model);
		}
		return "portal/progress";
	}

	/** After a refused addition or rating: the ticket again, when the pair was right. */
	private void again(String ticketNo, String phone, HttpServletRequest http, Model model) {
		try {
			show(progress.lookup(ticketNo, phone, http.getRemoteAddr()), model);
		}
		catch (HeatDeskException ignored) {
			// the refusal shown says why; the look-up form stays
		}
	}

	private void show(PortalProgressView v, Model model) {
		model.addAttribute("view", v);
		Map<String, String> times = new LinkedHashMap<>();
		v.marks().forEach(m -> times.put(m.mark(), time(m.at())));
		model.addAttribute("markTimes", times);
		model.addAttribute("onSiteTime", time(v.onSiteAt()));
		model.addAttribute("arriveByTime", time(v.arriveBy()));
		model.addAttribute("satisfactions", List.of("VERY_SATISFIED", "SATISFIED", "NEUTRAL", "DISSATISFIED"));
	}

	private String time(Instant at) {
		if (at == null) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter f = "en".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH)
				: DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
		return f.format(at.atZone(zone));
	}

	private void refused(HeatDeskException e, Model model, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
		model.addAttribute("error", message);
		model.addAttribute("errorField", e.field());
		response.setStatus(e.status().value());
	}
}
