package org.heatdesk.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.DemoDataSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's service guide: every topic published, written from public rules (《山东省供热条例》)
 * and the practice of heating companies, as the knowledge base's first answers were. The indoor
 * temperature standard is the knowledge article {@code temperature-standard} itself, to show a topic
 * that follows an article. Written and approved by the system, as seeded knowledge is; managers
 * change them through new versions.
 */
@Component
@Order(80)
class PublishedContentDemoData implements DemoDataSeeder {

	private final JdbcClient jdbc;

	private final Company company;

	private final Clock clock;

	PublishedContentDemoData(JdbcClient jdbc, Company company, Clock clock) {
		this.jdbc = jdbc;
		this.company = company;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "portal-content";
	}

	@Override
	public void seed() {
		Instant at = clock.instant().minus(Duration.ofDays(20));
		own(PublishedTopic.COMMITMENTS, "供热服务承诺", """
				我们向全体热用户承诺：

				- 服务热线 %s 供热期内 24 小时有人接听，来电 15 秒内接听（三声铃响之内）。
				- 每一件报修、投诉、咨询都登记在案，实行首问负责，谁接待谁跟踪到底。
				- 报修在 30 分钟内派出维修人员；市区 2 小时内、郊区 4 小时内到达现场。
				- 一般故障 24 小时内修复；暂时不能修复的，说明原因和预计时间。
				- 投诉 5 个工作日内答复；处理结果回访，不满意的重新处理。
				- 计划停热提前 24 小时通知；突发停热及时公告抢修进度和预计恢复时间。
				- 室温不达标经测温确认后，按标准退还热费。

				欢迎社会各界监督。对服务不满意，可拨打服务热线，或在本门户留言投诉。""".formatted(company.hotline()), at);
		own(PublishedTopic.SERVICES, "服务项目和办理流程", """
				我们办理的服务：

				- 报修：暖气不热、漏水、阀门故障等，电话或在线报修，维修人员上门。
				- 投诉：对服务、质量、收费有意见，5 个工作日内答复。
				- 咨询：收费、供热时间、政策，电话里当场解答。
				- 测温：认为室温不达标，预约上门测温。
				- 开栓、报停：新用户开通供热，或申请本采暖期暂停供热（每年 10 月 31 日前办理）。
				- 过户、更名：携带房产证和身份证到营业厅办理。

				报修怎么办：

				- 拨打服务热线或在本门户在线报修，留下地址（或户号）和电话；
				- 坐席登记工单，告诉您工单号；
				- 维修人员在承诺时间内联系您、上门处理；
				- 处理完成后我们回访，听取您的评价。""", at);
		own(PublishedTopic.HOTLINES, "服务热线和服务时间", """
				服务热线：%s

				- 供热期（11 月 15 日至次年 3 月 15 日）：24 小时有人接听。
				- 非供热期：工作日 8:00–17:00。
				- 营业厅：工作日 8:30–17:00（供热期内周六、周日照常营业）。

				也可以在本门户在线报修、查询进度，随时提交。""".formatted(company.hotline()), at);
		own(PublishedTopic.FEES, "收费标准和缴费方式", """
				居民供热按建筑面积收费，价格执行当地物价主管部门核定的标准，每个采暖期缴费一次。

				- 居民住宅：22.00 元/平方米·采暖期（按房产证建筑面积）。
				- 非居民：按物价部门核定的非居民标准收取。
				- 缴费时间：每年 9 月 1 日至 11 月 10 日。

				缴费方式：

				- 营业厅现金、银行卡缴费；
				- 银行代扣、网上银行；
				- 手机支付：公司公众号“缴费”栏目，输入户号缴费。

				缴费后可以在营业厅或公众号开具发票。""", at);
		own(PublishedTopic.SEASON, "本采暖期供热时间", """
				本市采暖期为每年 11 月 15 日至次年 3 月 15 日，共 121 天。

				正式供热前管网注水、升温试运行，11 月上旬暖气时热时凉属于正常。遇到持续寒冷天气，由供热主管部门决定提前或延长供热，以公司公告为准。

				已缴费的用户无需办理手续，到时自动供热。""", at);
		knowledge(PublishedTopic.TEMPERATURE, "室内温度标准", "temperature-standard", at);
		own(PublishedTopic.REFUNDS, "室温不达标退费", """
				经上门测温确认室温低于 18℃、且原因不在用户一方的，按测温退费标准退还不达标期间的部分热费。

				- 退费天数从测温确认不达标之日起算，到整改后复测达标之日止；
				- 温度越低，退还比例越高；
				- 退费在本采暖期结束后统一办理，可以抵扣下一采暖期热费或退回原缴费账户。

				以下情况不退费：私自改装、拆改暖气；报停用户；门窗未关闭导致室温偏低；拒绝入户测温或整改。""", at);
	}

	private void own(PublishedTopic topic, String title, String body, Instant at) {
		insert(topic, title, body, null, at);
	}

	private void knowledge(PublishedTopic topic, String title, String slug, Instant at) {
		insert(topic, title, null, slug, at);
	}

	private void insert(PublishedTopic topic, String title, String body, String slug, Instant at) {
		jdbc.sql("""
				insert into portal_content_version (topic, version, title, body, knowledge_slug, status, written_by, written_at,
				                                    decided_by, decided_at)
				select ?, 1, ?, ?, ?, 'PUBLISHED', 'system', ?, 'system', ?
				where not exists (select 1 from portal_content_version where topic = ?)""")
			.params(topic.name(), title, body, slug, Timestamp.from(at), Timestamp.from(at), topic.name())
			.update();
	}
}
