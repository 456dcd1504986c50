package org.heatdesk.knowledge;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge pages: search and categories, the reading view (with the version history for the
 * supervisors), the editor and the approval queue (team leads write, managers approve and
 * publish), the synonym list (managers), and the suggestion fragment the desk and the intake form
 * load as the agent types.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS)
class KnowledgePageController {

	private final Articles articles;

	private final KnowledgeSearch search;

	private final Synonyms synonyms;

	private final Staff staff;

	KnowledgePageController(Articles articles, KnowledgeSearch search, Synonyms synonyms, Staff staff) {
		this.articles = articles;
		this.search = search;
		this.synonyms = synonyms;
		this.staff = staff;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem knowledgeNav() {
			return new NavItem("nav.knowledge", "nav.knowledge.description", "/knowledge", Roles.OPERATIONS, 260, "k");
		}
	}

	/** The editor's form as typed. */
	record ArticleForm(String slug, String title, String body, String category, String tags, String validFrom,
			String validTo) {
	}

	@GetMapping("/knowledge")
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			Authentication authentication, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("category", category);
		model.addAttribute("categories", articles.categories());
		if (q != null && !q.isBlank()) {
			model.addAttribute("hits", search.search(q, 20));
		}
		else {
			model.addAttribute("listed", articles.publishedIn(category == null || category.isBlank() ? null : category));
		}
		model.addAttribute("canWrite", supervisor(authentication));
		return "knowledge/index";
	}

	/** The hits as a fragment: the search box on /knowledge and the desk and intake form load it as the agent types. */
	@GetMapping("/knowledge/suggest")
	String suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String limit, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("hits", search.search(q, KnowledgeApiController.limit(limit)));
		return "knowledge/fragments :: hits";
	}

	@GetMapping("/knowledge/articles/{id}")
	String article(@PathVariable long id, @RequestParam(required = false) Integer version, Authentication authentication,
			Model model) {
		boolean supervisor = supervisor(authentication);
		ArticleView shown;
		if (version != null && supervisor) {
			shown = articles.version(id, version).orElseThrow(() -> HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id));
		}
		else {
			shown = articles.published(id)
				.or(() -> supervisor ? articles.latest(id) : java.util.Optional.empty())
				.orElseThrow(() -> HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id));
		}
		model.addAttribute("article", shown);
		model.addAttribute("attachments", articles.attachments(id));
		model.addAttribute("supervisor", supervisor);
		model.addAttribute("manager", Role.of(authentication).contains(Role.MANAGER));
		model.addAttribute("me", authentication.getName());
		if (supervisor) {
			List<ArticleView> versions = articles.versions(id);
			model.addAttribute("versions", versions);
			model.addAttribute("names", names(versions));
		}
		else {
			model.addAttribute("names", names(List.of(shown)));
		}
		return "knowledge/article";
	}

	@GetMapping("/knowledge/articles/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachment) {
		Articles.Attachment a = articles.attachment(id, attachment)
			.orElseThrow(() -> HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(a.content());
	}

	@PostMapping("/knowledge/articles/{id}/attachments")
	@PreAuthorize(Roles.SUPERVISORS)
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			articles.attach(Actor.current(), id, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("notice", "knowledge.attached");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "redirect:/knowledge/articles/" + id;
	}

	@GetMapping("/knowledge/new")
	@PreAuthorize(Roles.SUPERVISORS)
	String newArticle(Model model) {
		return editor(model, null, new ArticleForm("", "", "", "", "", "", ""), null);
	}

	@GetMapping("/knowledge/articles/{id}/edit")
	@PreAuthorize(Roles.SUPERVISORS)
	String edit(@PathVariable long id, Model model) {
		ArticleView a = articles.latest(id).orElseThrow(() -> HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id));
		return editor(model, a, new ArticleForm(a.slug(), a.title(), a.body(), a.category(), String.join(", ", a.tags()),
				a.validFrom() == null ? "" : a.validFrom().toString(), a.validTo() == null ? "" : a.validTo().toString()), null);
	}

	@PostMapping("/knowledge/articles")
	@PreAuthorize(Roles.SUPERVISORS)
	String create(ArticleForm form, Model model, RedirectAttributes redirect) {
		try {
			long id = articles.create(Actor.current(), draft(form));
			redirect.addFlashAttribute("notice", "knowledge.draftSaved");
			return "redirect:/knowledge/articles/" + id + "?version=1";
		}
		catch (HeatDeskException e) {
			return editor(model, null, form, e);
		}
	}

	@PostMapping("/knowledge/articles/{id}")
	@PreAuthorize(Roles.SUPERVISORS)
	String revise(@PathVariable long id, ArticleForm form, Model model, RedirectAttributes redirect) {
		try {
			int v = articles.revise(Actor.current(), id, draft(form));
			redirect.addFlashAttribute("notice", "knowledge.draftSaved");
			return "redirect:/knowledge/articles/" + id + "?version=" + v;
		}
		catch (HeatDeskException e) {
			return editor(model, articles.latest(id).orElse(null), form, e);
		}
	}

	@GetMapping("/knowledge/queue")
	@PreAuthorize(Roles.SUPERVISORS)
	String queue(Authentication authentication, Model model) {
		List<Articles.Waiting> waiting = articles.waiting();
		Map<String, String> names = new HashMap<>();
		waiting.forEach(w -> names.computeIfAbsent(w.writtenBy(), this::displayName));
		model.addAttribute("waiting", waiting);
		model.addAttribute("names", names);
		model.addAttribute("me", authentication.getName());
		model.addAttribute("manager", Role.of(authentication).contains(Role.MANAGER));
		return "knowledge/queue";
	}

	@PostMapping("/knowledge/articles/{id}/versions/{version}/{action:approve|publish|reject}")
	@PreAuthorize(Roles.MANAGER)
	String decide(@PathVariable long id, @PathVariable int version, @PathVariable String action,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "approve" -> articles.approve(Actor.current(), id, version);
				case "publish" -> articles.publish(Actor.current(), id, version);
				default -> articles.reject(Actor.current(), id, version);
			}
			redirect.addFlashAttribute("notice", "knowledge.done." + action);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "queue".equals(back) ? "redirect:/knowledge/queue" : "redirect:/knowledge/articles/" + id + "?version=" + version;
	}

	@GetMapping("/knowledge/synonyms")
	@PreAuthorize(Roles.MANAGER)
	String synonymsPage(Model model) {
		model.addAttribute("groups", synonyms.groups());
		return "knowledge/synonyms";
	}

	@PostMapping("/knowledge/synonyms")
	@PreAuthorize(Roles.MANAGER)
	String addSynonyms(@RequestParam(required = false) String kind, @RequestParam(required = false) String words,
			Model model, RedirectAttributes redirect) {
		try {
			synonyms.add(Actor.current(), kind, words);
			redirect.addFlashAttribute("notice", "knowledge.synonyms.added");
			return "redirect:/knowledge/synonyms";
		}
		catch (HeatDeskException e) {
			model.addAttribute("groups", synonyms.groups());
			model.addAttribute("words", words);
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.args());
			return "knowledge/synonyms";
		}
	}

	@PostMapping("/knowledge/synonyms/{id}/delete")
	@PreAuthorize(Roles.MANAGER)
	String removeSynonyms(@PathVariable long id, RedirectAttributes redirect) {
		synonyms.remove(Actor.current(), id);
		redirect.addFlashAttribute("notice", "knowledge.synonyms.removed");
		return "redirect:/knowledge/synonyms";
	}

	private String editor(Model model, ArticleView existing, ArticleForm form, HeatDeskException error) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", form);
		model.addAttribute("categories", articles.categories().keySet());
		if (error != null) {
			model.addAttribute("errorKey", error.messageKey());
			model.addAttribute("errorArgs", error.args());
			model.addAttribute("errorField", error.field());
		}
		return "knowledge/editor";
	}

	private static Articles.Draft draft(ArticleForm f) {
		return new Articles.Draft(f.slug(), f.title(), f.body(), f.category(), f.tags(), date(f.validFrom(), "validFrom"),
				date(f.validTo(), "validTo"));
	}

	private static LocalDate date(String s, String field) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("KNOWLEDGE_DATE", field);
		}
	}

	private Map<String, String> names(List<ArticleView> versions) {
		Map<String, String> names = new HashMap<>();
		for (ArticleView v : versions) {
			for (String u : new String[] { v.writtenBy(), v.approvedBy(), v.publishedBy() }) {
				if (u != null) {
					names.computeIfAbsent(u, this::displayName);
				}
			}
		}
		return names;
	}

	private String displayName(String username) {
		return "system".equals(username) ? username : staff.findByUsername(username).map(StaffView::displayName).orElse(username);
	}

	private static boolean supervisor(Authentication authentication) {
		Set<Role> roles = Role.of(authentication);
		return roles.contains(Role.TEAM_LEAD) || roles.contains(Role.MANAGER);
	}
}
