package org.heatdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo tickets say, per category: descriptions as a customer puts them, the holder's
 * dispatch note, the answer the customer hears back (回音), the result, and the follow-up note. A
 * text may hold slots ({@code {room}}, {@code {temp}} …) that are filled once per ticket, so that
 * the description and its result speak of the same room and the same temperature. Demo data only.
 */
final class DemoTexts {

	/** The texts of one category; {@code weight} is its share of the demo tickets. */
	record Texts(TicketType type, String category, int weight, List<String> descriptions, List<String> dispatches,
			List<String> answers, List<String> results, List<String> closings) {
	}

	private static final List<String> REPAIR_CLOSINGS = List.of("回访用户，对维修结果满意", "回访：用户确认暖气正常，满意",
			"回访用户，表示满意，感谢师傅", "电话回访，室温正常，用户满意");

	private static final List<String> INQUIRY_CLOSINGS = List.of("用户无其他问题", "已答复，用户表示清楚了", "用户满意，无其他诉求");

	private static final List<String> COMPLAINT_CLOSINGS = List.of("回访用户，对处理结果表示认可", "回访：用户接受处理意见，同意结案",
			"班长回访，用户满意", "回访用户，问题已解决，同意结案");

	static final List<Texts> ALL = List.of(
			new Texts(TicketType.REPAIR, "REPAIR_NOT_WARM", 20,
					List.of("{room}暖气片不热，摸着是凉的，室温只有{temp}度", "{room}暖气片上热下凉，室温{temp}度左右",
							"{room}地暖一直不热，早上只有{temp}度", "家里暖气时热时不热，{room}现在{temp}度，老人在家冻得受不了",
							"{room}新换的暖气片不热，其他屋正常，室温{temp}度"),
					List.of("派维修班上门检查", "派师傅上门查看{room}暖气", "转维修班处理，用户下午在家"),
					List.of("已电话联系用户，师傅约{eta}分钟到", "师傅已联系用户，正在赶往现场", "已告知用户师傅{eta}分钟内上门"),
					List.of("上门检查{room}进户阀门未全开，已调整，室温回升到{fixed}度", "{room}暖气片内有气堵，已排气，室温{fixed}度",
							"清洗{room}过滤器后恢复正常，复测室温{fixed}度", "单元立管阀门故障，已更换，{room}室温{fixed}度"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.REPAIR, "REPAIR_LEAK", 10,
					List.of("{room}暖气片接口漏水，地面已经湿了", "{room}暖气管道滴水，下面接了盆", "{room}地暖分水器漏水，楼下说渗到他家了",
							"{room}暖气片跑水，已经关了阀门，急需维修"),
					List.of("派维修班紧急上门", "派师傅带配件上门处理漏水"),
					List.of("已电话指导用户关闭进户阀门，师傅{eta}分钟到", "师傅已联系用户，正在赶往现场"),
					List.of("更换{room}暖气片活接，已不漏，试压正常", "{room}管道接口重新缠料紧固，已不漏，地面已清理",
							"更换分水器排气阀，漏点已处理，通知楼下用户查看"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.REPAIR, "REPAIR_VALVE", 7,
					List.of("进户阀门拧不动，关不上", "{room}暖气片阀门坏了，手柄转不动", "单元门口的阀门一直滴水，关不严",
							"{room}温控阀失灵，一直是最大"),
					List.of("派维修班上门更换阀门", "派师傅上门查看阀门"),
					List.of("已电话联系用户，师傅约{eta}分钟到", "已告知用户师傅上门时间"),
					List.of("更换进户阀门，开关正常", "{room}暖气阀门阀芯损坏，已更换", "温控阀已更换并调试，{room}室温{fixed}度"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.REPAIR, "REPAIR_ROOM_TEMP", 8,
					List.of("室温不达标，要求上门测温，{room}只有{temp}度", "家里一直{temp}度上不去，要求测温",
							"老人怕冷，{room}{temp}度，请来量一下室温"),
					List.of("派测温员上门测温", "派维修班上门测温并检查"),
					List.of("已与用户约好上门测温时间", "测温员已联系用户，{eta}分钟后到"),
					List.of("上门测温{room}{fixed}度，达标，已向用户解释测温标准", "测温{temp}度不达标，调整单元平衡阀后复测{fixed}度",
							"测温后发现户内管道堵塞，已清洗，室温{fixed}度"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.REPAIR, "REPAIR_NOISE", 4,
					List.of("暖气管道{when}咚咚响，影响休息", "{room}暖气片里一直哗哗响", "楼里暖气管子{when}有敲击声"),
					List.of("派维修班上门检查异响", "派师傅上门排查"),
					List.of("已电话联系用户，约定上门时间", "师傅已联系用户，正在赶往现场"),
					List.of("管道内有空气，已排气，异响消失", "单元回水阀开度过小，已调整，异响消除", "{room}暖气片固定卡子松动，已紧固"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.REPAIR, "REPAIR_AIR", 6,
					List.of("{room}暖气片上半截不热，可能有气需要排气", "{room}暖气片有气，一放风就呲呲响", "暖气刚来，{room}的片子只有一半热"),
					List.of("派维修班上门排气", "派师傅上门放风"),
					List.of("已电话联系用户，师傅约{eta}分钟到", "已告知用户师傅上门时间"),
					List.of("已为{room}暖气片排气，恢复正常，室温{fixed}度", "排气后{room}暖气片全热，已教用户自行放风"),
					REPAIR_CLOSINGS),
			new Texts(TicketType.INQUIRY, "INQUIRY_FEES", 9,
					List.of("咨询今年供暖费怎么交，能不能开发票", "问{area}平米的房子今年交多少钱", "咨询能不能在手机上交暖气费",
							"问去年的暖气费是不是交过了", "咨询低保户供暖费怎么减免"),
					List.of("由接线员答复"),
					List.of("已电话答复收费标准和缴费方式"),
					List.of("已告知居民用户按建筑面积每平米 22 元收取，可到营业厅或微信公众号缴费并开具电子发票",
							"已查询用户账户，本季供暖费已缴清，告知可在公众号查询缴费记录", "已告知低保户凭低保证到所属营业厅办理减免"),
					INQUIRY_CLOSINGS),
			new Texts(TicketType.INQUIRY, "INQUIRY_SEASON", 3,
					List.of("问今年什么时候开始供暖", "问今年供暖到几号结束", "咨询供暖期间室温标准是多少"),
					List.of("由接线员答复"),
					List.of("已电话答复供暖期"),
					List.of("已告知供暖期为 11 月 15 日至次年 3 月 15 日", "已告知室温标准为不低于 18 度"),
					INQUIRY_CLOSINGS),
			new Texts(TicketType.INQUIRY, "INQUIRY_SUSPEND", 4,
					List.of("房子没人住，想办理报停", "去年报停了，今年想恢复供暖", "新买的房子，问怎么开通供暖"),
					List.of("转营业厅办理"),
					List.of("已告知办理所需材料"),
					List.of("已告知报停需本人携带身份证、房产证到营业厅办理，报停费按标准收取", "已为用户登记复供，告知营业厅缴费后 3 日内开阀",
							"已告知新户需携带购房合同到营业厅开户"),
					INQUIRY_CLOSINGS),
			new Texts(TicketType.INQUIRY, "INQUIRY_OUTAGE", 4,
					List.of("小区停热了，问什么时候来热", "楼里暖气突然凉了，是不是停热了", "看到小区门口贴了停热通知，问几点恢复"),
					List.of("查询换热站停热信息后答复"),
					List.of("已电话告知用户停热原因"),
					List.of("已告知换热站管网抢修，预计今晚 20 点前恢复供热", "已查询无计划停热，转维修班检查单元阀门"),
					INQUIRY_CLOSINGS),
			new Texts(TicketType.COMPLAINT, "COMPLAINT_SLOW_REPAIR", 4,
					List.of("报修{days}了还没人来修，要求尽快处理", "{days}前报的暖气不热，一直没人上门", "说好今天上午来修，到现在没见人",
							"漏水报修{days}了，师傅一直推说忙"),
					List.of("转维修班长督办", "转调度班长核实报修记录"),
					List.of("已致电用户致歉，说明维修安排", "班长已联系用户，承诺当天上门"),
					List.of("核实原报修单派工延误，已向用户致歉，维修班当天上门处理完毕，对责任班组通报批评",
							"经查为师傅排班冲突未及时上门，已致歉并安排专人当日修复，用户接受", "已督办维修班上门，问题已处理，向用户道歉并说明改进措施"),
					COMPLAINT_CLOSINGS),
			new Texts(TicketType.COMPLAINT, "COMPLAINT_ATTITUDE", 3,
					List.of("维修人员态度不好，不耐烦", "打热线时接线员说话很冲", "收费窗口工作人员态度恶劣", "上门师傅抽烟还乱扔烟头"),
					List.of("转班长调查核实"),
					List.of("班长已致电用户致歉，正在核实情况"),
					List.of("经核实情况属实，已对当事员工批评教育并扣罚绩效，班长向用户当面致歉", "调取录音核实，已对接线员进行服务规范培训，向用户致歉",
							"已约谈当事人并书面检讨，用户接受道歉"),
					COMPLAINT_CLOSINGS),
			new Texts(TicketType.COMPLAINT, "COMPLAINT_TEMP", 4,
					List.of("家里太冷，室温一直不达标，只有{temp}度", "整个冬天室温都在{temp}度左右，要求退费", "测过温还是{temp}度，投诉供热质量"),
					List.of("转供热质量组核实", "转调度班长处理"),
					List.of("已致电用户致歉，约定复测室温", "已告知用户将安排专人复测并跟踪"),
					List.of("复测室温{temp}度确不达标，调整换热站供水温度后复测{fixed}度，按规定核减不达标天数热费",
							"经复测室温{fixed}度已达标，向用户解释并致歉，将持续跟踪一周", "查明单元管网水力失调，已调节平衡，复测{fixed}度，用户认可"),
					COMPLAINT_CLOSINGS),
			new Texts(TicketType.COMPLAINT, "COMPLAINT_FEES", 2,
					List.of("投诉多收了供暖费，面积算错了", "报停了还被收了全额热费"),
					List.of("转收费组核实"),
					List.of("已致电用户，说明正在核实账目"),
					List.of("核实面积登记有误，已更正并退还多收费用，向用户致歉", "核实报停手续已办，已退还多收热费并致歉"),
					COMPLAINT_CLOSINGS),
			new Texts(TicketType.SUGGESTION, "SUGGESTION_SERVICE", 3,
					List.of("建议停热时提前发短信通知", "建议公众号上能查维修进度", "建议热线晚上多安排几个人接电话"),
					List.of("转客服主管"),
					List.of("已感谢用户建议，告知会转相关部门"),
					List.of("建议已采纳，纳入下季度服务改进计划，已电话告知用户", "已转相关部门研究，感谢用户关心"),
					List.of("已告知用户处理情况")),
			new Texts(TicketType.PRAISE, "PRAISE_STAFF", 3,
					List.of("感谢{name}师傅半夜上门抢修", "表扬接线员耐心解答问题", "感谢维修班{name}师傅，修完还把地拖干净了"),
					List.of("转班组通报"),
					List.of("已感谢用户来电"),
					List.of("已在班组内通报表扬，计入当月服务之星评选", "已转达用户的感谢并通报表扬"),
					List.of("已告知用户处理情况")));

	private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

	private DemoTexts() {
	}

	static Texts pick(Random random) {
		int total = ALL.stream().mapToInt(Texts::weight).sum();
		int r = random.nextInt(total);
		for (Texts t : ALL) {
			r -= t.weight();
			if (r < 0) {
				return t;
			}
		}
		return ALL.get(0);
	}

	/** Values for one ticket's slots. */
	static Map<String, String> slots(Random random) {
		String[] rooms = { "主卧", "次卧", "客厅", "书房", "北屋", "南屋", "餐厅", "卫生间", "儿童房" };
		String[] days = { "两天", "三天", "四天", "好几天" };
		String[] when = { "夜里", "早上", "半夜", "一开阀就" };
		String[] names = { "王", "李", "张", "刘", "陈", "杨", "赵", "孙" };
		int temp = 11 + random.nextInt(6);
		return Map.of("room", rooms[random.nextInt(rooms.length)], "temp", String.valueOf(temp), "fixed",
				String.valueOf(19 + random.nextInt(4)), "days", days[random.nextInt(days.length)], "when",
				when[random.nextInt(when.length)], "name", names[random.nextInt(names.length)], "eta",
				String.valueOf(20 + 10 * random.nextInt(4)), "area", String.valueOf(60 + random.nextInt(90)));
	}

	static String fill(String template, Map<String, String> slots) {
		Matcher m = SLOT.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(slots.getOrDefault(m.group(1), "")));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A pattern that matches any filling of {@code template}. */
	static Pattern pattern(String template) {
		StringBuilder regex = new StringBuilder();
		Matcher m = SLOT.matcher(template);
		int at = 0;
		while (m.find()) {
			regex.append(Pattern.quote(template.substring(at, m.start()))).append(".+?");
			at = m.end();
		}
		regex.append(Pattern.quote(template.substring(at)));
		return Pattern.compile(regex.toString());
	}
}
