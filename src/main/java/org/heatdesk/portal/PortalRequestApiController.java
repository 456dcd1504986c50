package org.heatdesk.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.JsonNode;

/**
 * The public portal's JSON API (no login; see {@link PortalRequestApiSecurity}): a one-time code to a
 * phone, a request online, the progress of a ticket by its number and phone, information or photos
 * added to it, the rating after its result. Refusals are {@code {"code","message","field"}} in the
 * caller's language; the portal's pages call the same services.
 */
@RestController
class PortalRequestApiController {

	private final OneTimeCodes codes;

	private final PortalRequests requests;

	private final PortalProgress progress;

	PortalRequestApiController(OneTimeCodes codes, PortalRequests requests, PortalProgress progress) {
		this.codes = codes;
		this.requests = requests;
		this.progress = progress;
	}

	@PostMapping("/api/v1/portal/codes")
	ResponseEntity<OneTimeCodes.Sent> code(@RequestBody JsonNode body, HttpServletRequest http) {
		JsonNode b = object(body);
		OneTimeCodes.Sent sent = codes.send(InputChecks.jsonText(b, "phone"), http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED).body(sent);
	}

	@PostMapping("/api/v1/portal/requests")
	ResponseEntity<PortalRequests.PortalRequestReceipt> request(@RequestBody JsonNode body, HttpServletRequest http) {
		JsonNode b = object(body);
		PortalRequests.PortalRequestReceipt receipt = requests.submit(new PortalRequests.PortalRequestForm(
				InputChecks.jsonText(b, "type"), InputChecks.jsonText(b, "accountNo"), InputChecks.jsonText(b, "address"),
				InputChecks.jsonText(b, "phone"), InputChecks.jsonText(b, "code"), InputChecks.jsonText(b, "description"),
				InputChecks.jsonText(b, "idempotencyKey")), List.of(), http.getRemoteAddr());
		return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
	}

	@PostMapping("/api/v1/portal/progress")
	PortalProgressView progress(@RequestBody JsonNode body, HttpServletRequest http) {
		JsonNode b = object(body);
		return progress.lookup(InputChecks.jsonText(b, "ticketNo"), InputChecks.jsonText(b, "phone"), http.getRemoteAddr());
	}

	@PostMapping("/api/v1/portal/progress/information")
	PortalProgressView information(@RequestBody JsonNode body, HttpServletRequest http) {
		JsonNode b = object(body);
		return progress.add(InputChecks.jsonText(b, "ticketNo"), InputChecks.jsonText(b, "phone"),
				InputChecks.jsonText(b, "text"), List.of(), http.getRemoteAddr());
	}

	@PostMapping(path = "/api/v1/portal/progress/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PortalProgressView photos(@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String text, @RequestPart(name = "photo", required = false) List<MultipartFile> photo,
			HttpServletRequest http) {
		return progress.add(ticketNo, phone, text, photos(photo), http.getRemoteAddr());
	}

	@PostMapping("/api/v1/portal/ratings")
	PortalProgressView rate(@RequestBody JsonNode body, HttpServletRequest http) {
		JsonNode b = object(body);
		return progress.rate(InputChecks.jsonText(b, "ticketNo"), InputChecks.jsonText(b, "phone"),
				InputChecks.jsonText(b, "satisfaction"), InputChecks.jsonText(b, "comment"), http.getRemoteAddr());
	}

	private static JsonNode object(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HeatDeskException.badInput("PORTAL_BODY_REQUIRED", null);
		}
		return body;
	}

	/** The uploaded files as photos to check (the service refuses what is not one). */
	static List<PortalRequestPhoto> photos(List<MultipartFile> files) {
		List<PortalRequestPhoto> photos = new ArrayList<>();
		if (files == null) {
			return photos;
		}
		for (MultipartFile f : files) {
			if (f == null || f.isEmpty()) {
				continue;
			}
			try {
				photos.add(new PortalRequestPhoto(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return photos;
	}
}
