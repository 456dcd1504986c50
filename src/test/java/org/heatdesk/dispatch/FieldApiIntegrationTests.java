package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The technician's API {@code /api/v1/field}: his phone's session with the page's CSRF token, his
 * own jobs only, steps and photos, refusals as JSON in his language with nothing written, and
 * malformed bodies generated from valid ones.
 */
@HeatDeskTest
class FieldApiIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	/** A 1×1 PNG. */
	static final byte[] PNG = JobsIntegrationTests.PNG;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Autowired
	Technicians technicians;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Jobs jobs;

	@Autowired
	Clock clock;

	/** Two technicians of a new crew, and a job dispatched to the first. */
	final class Setup {

		final DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);

		final String ticketNo;

		final long jobId;

		Setup() {
			for (long t : crew.technicians()) {
				technicians.setSkills(Actor.system("test"), t, EnumSet.of(Skill.PIPE_FITTER));
			}
			TestStaff.Account d = TestStaff.create(staff, "disp", Role.DISPATCHER);
			TestStaff.Account a = TestStaff.create(staff, "agent", Role.AGENT);
			ticketNo = tickets.record(Actor.person(a.username(), a.displayName()), new RecordTicket(TicketType.REPAIR, null,
					Priority.NORMAL, TicketScope.HOUSEHOLD, Channel.PHONE, null, "13800000000", "翠园小区 5-1-302",
					"暖气片漏水 " + UUID.randomUUID(), null, null, null)).ticketNo();
			jobId = jobs.dispatch(Actor.person(d.username(), d.displayName()), ticketNo, crew.technicians()[0],
					JobKind.PIPE_REPAIR, null).id();
		}

		String sun() {
			return crew.usernames()[0];
		}

		String zheng() {
			return crew.usernames()[1];
		}
	}

	static String step(String kind, Instant at) {
		return """
				{"stepId":"%s","kind":"%s","occurredAt":"%s"}""".formatted(UUID.randomUUID(), kind, at);
	}

	HttpRequest.Builder basic(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	HttpResponse<String> post(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, basic(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	HttpResponse<String> get(String path, String user) {
		return MalformedInput.send(http, json, basic(path, user, "zh-CN").GET().build(), path);
	}

	HttpResponse<byte[]> sendBytes(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	JsonNode body(HttpResponse<String> r) {
		return json.readTree(r.body());
	}

	long steps(long jobId) {
		return jdbc.sql("select count(*) from dispatch_job_step where job_id = ?").param(jobId).query(Long.class).single();
	}

	long events(String ticketNo) {
		return jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(ticketNo).query(Long.class).single();
	}

	/** The technician signed in through the login form, as his phone's browser is. */
	final class Session {

		String cookie;

		String csrf;

		Session(String username) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
			Matcher m = FORM_TOKEN.matcher(page.body());
			assertThat(m.find()).isTrue();
			cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
			HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
						+ "&password=heatdesk2026&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))));
			cookie = login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
			Matcher meta = META_TOKEN.matcher(send(HttpRequest.newBuilder(uri("/")).GET()).body());
			assertThat(meta.find()).as("CSRF token on the home page").isTrue();
			csrf = meta.group(1);
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		HttpResponse<String> send(HttpRequest.Builder b) {
			if (cookie != null) {
				b.header("Cookie", cookie);
			}
			try {
				return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
		}

		HttpResponse<String> post(String path, String body, boolean withToken) {
			HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (withToken) {
				b.header("X-CSRF-TOKEN", csrf);
			}
			return send(b);
		}
	}

	@Test
	void thePhoneUsesItsSessionAndThePagesCsrfToken() {
		Setup s = new Setup();
		Session phone = new Session(s.sun());
		HttpResponse<String> list = phone.get("/api/v1/field/jobs");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(body(list).findValuesAsString("ticketNo")).containsExactly(s.ticketNo);

		// a forged request from another site has the cookie but not the page's token: refused, nothing written
		HttpResponse<String> forged = phone.post("/api/v1/field/jobs/" + s.jobId + "/steps", step("ACCEPT", clock.instant()), false);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(body(forged).path("code").asString()).isEqualTo("CSRF");
		assertThat(steps(s.jobId)).isZero();

		HttpResponse<String> accepted = phone.post("/api/v1/field/jobs/" + s.jobId + "/steps", step("ACCEPT", clock.instant()), true);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(body(accepted).path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(steps(s.jobId)).isEqualTo(1);
		// without a session or credentials: 401 as JSON
		HttpResponse<String> anonymous = MalformedInput.send(http, json, MalformedInput.at(port, "/api/v1/field/jobs").GET().build(), "anon");
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void stepsThroughTheApiReachTheTicketsMarks() {
		Setup s = new Setup();
		jdbc.sql("update dispatch_job set dispatched_at = dispatched_at - interval '30 minutes' where id = ?").param(s.jobId).update();
		jdbc.sql("update ticket set dispatched_at = dispatched_at - interval '30 minutes', recorded_at = recorded_at - interval '30 minutes' where ticket_no = ?")
			.param(s.ticketNo).update();
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String path = "/api/v1/field/jobs/" + s.jobId + "/steps";
		assertThat(post(path, s.sun(), step("ACCEPT", now.minus(Duration.ofMinutes(25))), "zh-CN").statusCode()).isEqualTo(200);
		String going = step("ON_THE_WAY", now.minus(Duration.ofMinutes(20)));
		assertThat(post(path, s.sun(), going, "zh-CN").statusCode()).isEqualTo(200);
		// sent twice on a weak connection: the same answer, recorded once
		HttpResponse<String> again = post(path, s.sun(), going, "zh-CN");
		assertThat(body(again).path("onTheWayAt").asString()).isEqualTo(now.minus(Duration.ofMinutes(20)).toString());
		assertThat(steps(s.jobId)).isEqualTo(2);
		HttpResponse<String> arrived = post(path, s.sun(), step("ARRIVE", now.minus(Duration.ofMinutes(10))), "zh-CN");
		assertThat(body(arrived).path("status").asString()).isEqualTo("ON_SITE");

		// a photo of the repair, then the same photo again (same step id): one photo
		String photoStep = UUID.randomUUID().toString();
		HttpResponse<String> photo = photo(s.jobId, s.sun(), photoStep, "阀门.png", "image/png", PNG, "zh-CN");
		assertThat(photo.statusCode()).isEqualTo(201);
		assertThat(body(photo).path("contentType").asString()).isEqualTo("image/png");
		assertThat(body(photo(s.jobId, s.sun(), photoStep, "阀门.png", "image/png", PNG, "zh-CN")).path("id").asLong())
			.isEqualTo(body(photo).path("id").asLong());
		assertThat(body(get("/api/v1/field/jobs/" + s.jobId, s.sun())).path("photos")).hasSize(1);
		HttpResponse<byte[]> image = sendBytes(basic("/api/v1/field/jobs/" + s.jobId + "/photos/" + body(photo).path("id").asLong(),
				s.sun(), "zh-CN").GET().build());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.body()).isEqualTo(PNG);
		assertThat(sendBytes(basic("/api/v1/field/jobs/" + s.jobId + "/photos/" + body(photo).path("id").asLong(),
				s.zheng(), "zh-CN").GET().build()).statusCode()).isEqualTo(403);

		String done = """
				{"stepId":"%s","kind":"DONE","occurredAt":"%s","cause":"阀芯老化","workDone":"更换阀芯，试压正常",
				 "partsUsed":"DN20 阀芯 1 个","signature":"data:image/png;base64,%s","signedBy":"王先生"}"""
			.formatted(UUID.randomUUID(), now, Base64.getEncoder().encodeToString(PNG));
		HttpResponse<String> finished = post(path, s.sun(), done, "zh-CN");
		assertThat(finished.statusCode()).isEqualTo(200);
		assertThat(body(finished).path("status").asString()).isEqualTo("DONE");
		assertThat(body(finished).path("signed").asBoolean()).isTrue();

		// the ticket through its own API: the on-site time is the arrival's, kept within the 2-hour deadline
		JsonNode ticket = body(get("/api/v1/tickets/" + s.ticketNo, s.sun()));
		assertThat(ticket.path("ticket").path("status").asString()).isEqualTo("RESOLVED");
		assertThat(ticket.path("onSiteAt").asString()).isEqualTo(now.minus(Duration.ofMinutes(10)).toString());
		assertThat(ticket.path("onSiteInTime").asBoolean()).isTrue();
		assertThat(ticket.path("result").asString()).contains("阀芯老化").contains("更换阀芯，试压正常");
		assertThat(ticketQueries.forField(s.ticketNo).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
		// the ticket page shows the on-site mark with its time and the deadline kept
		TestStaff.Account d = TestStaff.create(staff, "disp", Role.DISPATCHER);
		HttpResponse<String> page = org.heatdesk.PageSession.login(port, d.username()).get("/tickets/" + s.ticketNo);
		assertThat(page.statusCode()).isEqualTo(200);
		String mark = page.body().substring(page.body().indexOf("id=\"mark-on-site\""));
		mark = mark.substring(0, mark.indexOf("</div>"));
		String shown = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
			.format(now.minus(Duration.ofMinutes(10)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
		assertThat(mark).contains("上门").contains(shown).contains("按时上门").contains(s.crew.names()[0]);
		assertThat(page.body()).contains("维修人员到场").contains("现场完工");
		// the signature is his to see again
		HttpResponse<String> signature = get("/api/v1/field/jobs/" + s.jobId + "/signature", s.sun());
		assertThat(signature.statusCode()).isEqualTo(200);
		assertThat(signature.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
	}

	@Test
	void refusalsAreJsonInTheTechniciansLanguageAndWriteNothing() {
		Setup s = new Setup();
		String path = "/api/v1/field/jobs/" + s.jobId + "/steps";
		long before = events(s.ticketNo);

		HttpResponse<String> early = post(path, s.sun(), step("ARRIVE", clock.instant()), "zh-CN");
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(body(early).path("code").asString()).isEqualTo("DISPATCH_STEP_NOT_ALLOWED");
		assertThat(body(early).path("message").asString()).isEqualTo("维修任务当前为“待接单”，不能“到场”。");
		HttpResponse<String> earlyEn = post(path, s.sun(), step("ARRIVE", clock.instant()), "en");
		assertThat(body(earlyEn).path("message").asString())
			.isEqualTo("The field job is “Waiting to be accepted”: you cannot arrive now.");

		HttpResponse<String> notYours = post(path, s.zheng(), step("ACCEPT", clock.instant()), "zh-CN");
		assertThat(notYours.statusCode()).isEqualTo(403);
		assertThat(body(notYours).path("code").asString()).isEqualTo("DISPATCH_JOB_NOT_YOURS");
		assertThat(body(notYours).path("message").asString()).isEqualTo("这个维修任务没有派给您。");
		assertThat(get("/api/v1/field/jobs/" + s.jobId, s.zheng()).statusCode()).isEqualTo(403);
		// nor may he read the ticket, which is not his
		assertThat(get("/api/v1/tickets/" + s.ticketNo, s.zheng()).statusCode()).isEqualTo(403);

		HttpResponse<String> future = post(path, s.sun(), step("ACCEPT", clock.instant().plus(Duration.ofMinutes(10))), "en");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(body(future).path("field").asString()).isEqualTo("occurredAt");
		assertThat(body(future).path("message").asString()).contains("cannot be later than now");

		HttpResponse<String> unknown = post(path, s.sun(), step("FLY", clock.instant()), "zh-CN");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(body(unknown).path("field").asString()).isEqualTo("kind");

		// a dispatcher is no technician: the field API is not his
		TestStaff.Account d = TestStaff.create(staff, "disp", Role.DISPATCHER);
		assertThat(post(path, d.username(), step("ACCEPT", clock.instant()), "zh-CN").statusCode()).isEqualTo(403);

		post(path, s.sun(), step("ACCEPT", clock.instant()), "zh-CN");
		post(path, s.sun(), step("ARRIVE", clock.instant()), "zh-CN");
		long stepsBefore = steps(s.jobId);
		long eventsBefore = events(s.ticketNo);
		// photos: images only, at most 10 MB, judged by the bytes
		HttpResponse<String> pdf = photo(s.jobId, s.sun(), UUID.randomUUID().toString(), "scan.jpg", "image/jpeg",
				"%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "zh-CN");
		assertThat(pdf.statusCode()).isEqualTo(400);
		assertThat(body(pdf).path("code").asString()).isEqualTo("DISPATCH_PHOTO_TYPE");
		assertThat(body(pdf).path("message").asString()).contains("JPEG");
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		HttpResponse<String> tooBig = photo(s.jobId, s.sun(), UUID.randomUUID().toString(), "big.png", "image/png", big, "en");
		assertThat(tooBig.statusCode()).isEqualTo(400);
		assertThat(body(tooBig).path("code").asString()).isEqualTo("DISPATCH_PHOTO_TOO_LARGE");
		assertThat(body(tooBig).path("message").asString()).contains("10 MB");
		HttpResponse<String> noSignature = post(path, s.sun(), """
				{"stepId":"%s","kind":"DONE","occurredAt":"%s","cause":"阀芯老化","workDone":"更换阀芯"}"""
			.formatted(UUID.randomUUID(), clock.instant()), "zh-CN");
		assertThat(noSignature.statusCode()).isEqualTo(400);
		assertThat(body(noSignature).path("message").asString()).isEqualTo("请用户在屏幕上签字确认。");
		assertThat(jdbc.sql("select count(*) from dispatch_job_photo where job_id = ?").param(s.jobId).query(Long.class).single())
			.isZero();
		assertThat(steps(s.jobId)).isEqualTo(stepsBefore);
		assertThat(events(s.ticketNo)).isEqualTo(eventsBefore);
		assertThat(eventsBefore - before).as("accept and arrive: FIELD_ACCEPTED, RESPONDED, ON_SITE, FIELD_ARRIVED")
			.isEqualTo(4);
	}

	@Test
	void malformedSteps() {
		Setup s = new Setup();
		String path = "/api/v1/field/jobs/" + s.jobId + "/steps";
		String accept = """
				{"stepId":"@@U@@","kind":"ACCEPT","occurredAt":"%s","reason":null}""".formatted(clock.instant());
		probe(path, s.sun(), accept, 40);
		post(path, s.sun(), step("ARRIVE", clock.instant()), "zh-CN");
		String done = """
				{"stepId":"@@U@@","kind":"DONE","occurredAt":"%s","cause":"阀芯老化","workDone":"更换阀芯",\
				"partsUsed":"阀芯","signature":"data:image/png;base64,%s","signedBy":"王先生"}"""
			.formatted(clock.instant().plusSeconds(5), Base64.getEncoder().encodeToString(PNG));
		probe(path, s.sun(), done, 40);
		assertThat(jobs.job(s.jobId).orElseThrow().status()).isEqualTo(JobStatus.DONE);

		Setup t = new Setup();
		String tpath = "/api/v1/field/jobs/" + t.jobId + "/steps";
		post(tpath, t.sun(), step("ACCEPT", clock.instant()), "zh-CN");
		String notDone = """
				{"stepId":"@@U@@","kind":"NOT_DONE","occurredAt":"%s","reason":"用户不在家","nextVisitAt":"%s"}"""
			.formatted(clock.instant().plusSeconds(5), clock.instant().plus(Duration.ofDays(1)));
		probe(tpath, t.sun(), notDone, 40);
		assertThat(jobs.job(t.jobId).orElseThrow().status()).isEqualTo(JobStatus.NOT_DONE);
	}

	@Test
	void malformedPhotosAndPaths() {
		Setup s = new Setup();
		post("/api/v1/field/jobs/" + s.jobId + "/steps", s.sun(), step("ACCEPT", clock.instant()), "zh-CN");
		String path = "/api/v1/field/jobs/" + s.jobId + "/photos";
		long before = rows(s.jobId);
		// no step id, a step id with spaces, a time that is no time, in the future, no file, an empty file, a text file
		assertThat(body(photo(s.jobId, s.sun(), "", "a.png", "image/png", PNG, "en")).path("field").asString()).isEqualTo("stepId");
		assertThat(body(photo(s.jobId, s.sun(), "a b", "a.png", "image/png", PNG, "zh-CN")).path("code").asString())
			.isEqualTo("DISPATCH_STEP_ID_FORMAT");
		for (String takenAt : new String[] { "nonsense", "2026-13-45T25:61:61Z", clock.instant().plus(Duration.ofHours(1)).toString() }) {
			String boundary = "b" + UUID.randomUUID();
			byte[] body = MalformedInput.concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stepId\"\r\n\r\n"
					+ UUID.randomUUID() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"takenAt\"\r\n\r\n"
					+ takenAt + "\r\n").getBytes(StandardCharsets.UTF_8),
					MalformedInput.multipart(boundary, "file", "a.png", "image/png", PNG));
			HttpResponse<String> r = MalformedInput.send(http, json, basic(path, s.sun(), "zh-CN")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "takenAt " + takenAt);
			assertThat(r.statusCode()).as(takenAt).isEqualTo(400);
		}
		String boundary = "b" + UUID.randomUUID();
		HttpResponse<String> noFile = MalformedInput.send(http, json, basic(path, s.sun(), "zh-CN")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stepId\"\r\n\r\nx1\r\n--"
					+ boundary + "--\r\n")).build(), "no file");
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(body(photo(s.jobId, s.sun(), UUID.randomUUID().toString(), "a.png", "image/png", new byte[0], "zh-CN"))
			.path("code").asString()).isEqualTo("DISPATCH_PHOTO_EMPTY");
		assertThat(body(photo(s.jobId, s.sun(), UUID.randomUUID().toString(), "a.exe", "image/png",
				"MZ\u0090".getBytes(StandardCharsets.ISO_8859_1), "en")).path("message").asString()).contains("Only photos");
		HttpResponse<String> json = MalformedInput.send(http, this.json, basic(path, s.sun(), "zh-CN")
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), "json");
		assertThat(json.statusCode()).isBetween(400, 499);
		assertThat(rows(s.jobId)).isEqualTo(before);
		// paths that name no job
		assertThat(get("/api/v1/field/jobs/abc", s.sun()).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/field/jobs/999999999", s.sun()).statusCode()).isEqualTo(404);
		assertThat(post("/api/v1/field/jobs/999999999/steps", s.sun(), step("ACCEPT", clock.instant()), "en").statusCode())
			.isEqualTo(404);
		assertThat(get("/api/v1/field/jobs/" + s.jobId + "/photos/999999999", s.sun()).statusCode()).isEqualTo(404);
	}

	private void probe(String path, String user, String valid, int random) {
		long jobId = Long.parseLong(path.replaceAll("\\D+", " ").strip().split(" ")[1]);
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, () -> rows(jobId));
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(basic(path, user, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
	}

	/**
	 * The rows a step of the job writes: its steps, photos, its ticket's jobs, timeline and notifications
	 * (but the deadline sweep's, which runs on its own timer).
	 */
	private long rows(long jobId) {
		return jdbc.sql("""
				with j as (select ticket_no from dispatch_job where id = :job), t as (select id from ticket where ticket_no = (select ticket_no from j))
				select (select count(*) from dispatch_job_step where job_id = :job)
				     + (select count(*) from dispatch_job_photo where job_id = :job)
				     + (select count(*) from dispatch_job where ticket_no = (select ticket_no from j))
				     + (select count(*) from ticket_event where ticket_id = (select id from t) and kind not in ('REMINDED','OVERDUE','ESCALATED'))
				     + (select count(*) from ticket_notification where ticket_id = (select id from t) and kind not in ('REMINDER','OVERDUE','ESCALATED'))""")
			.param("job", jobId)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> photo(long jobId, String user, String stepId, String name, String type, byte[] content,
			String language) {
		String boundary = "b" + UUID.randomUUID();
		byte[] file = MalformedInput.multipart(boundary, "file", name, type, content);
		// the step id and the time as form fields before the file part
		String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"stepId\"\r\n\r\n" + stepId + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"takenAt\"\r\n\r\n" + clock.instant() + "\r\n";
		byte[] body = MalformedInput.concat(fields.getBytes(StandardCharsets.UTF_8), file);
		return MalformedInput.send(http, json, basic("/api/v1/field/jobs/" + jobId + "/photos", user, language)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), "photo");
	}
}
