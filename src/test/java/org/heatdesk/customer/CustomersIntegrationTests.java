package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heatdesk.customer.CustomerTestSupport.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer module against the embedded PostgreSQL with demo data: search forms, masking, access log, contracts. */
@HeatDeskTest
class CustomersIntegrationTests {

	@Autowired
	Customers customers;

	@Autowired
	CustomerRecords records;

	@Autowired
	CustomerRepository repository;

	@Autowired
	Network network;

	CommunityView cuiyuan;

	int n;

	String mobile;

	String account;

	CustomerView created;

	@BeforeEach
	void createCustomer() {
		cuiyuan = network.communityByName("翠园小区").orElseThrow();
		n = CustomerTestSupport.next();
		mobile = CustomerTestSupport.uniqueMobile(n);
		account = "T" + String.format("%06d", n);
		// Building 800+ is beyond any demo building, so the address is ours alone.
		created = as("agent", () -> records.create(new CustomerInput(account, "欧阳" + name(n), mobile + "; 0531-86" + String.format("%06d", n),
				"370102198001011234", cuiyuan.id(), null, String.valueOf(800 + n % 100), "2", "501", "86.5", null, null, null,
				"测试用户")), Role.AGENT);
	}

	private static String name(int n) {
		String digits = "零一二三四五六七八九";
		StringBuilder b = new StringBuilder();
		for (char c : String.valueOf(n).toCharArray()) {
			b.append(digits.charAt(c - '0'));
		}
		return b.toString();
	}

	@Test
	void demoDataFillsTheCommunities() {
		assertThat(repository.count()).isGreaterThanOrEqualTo(3000);
		List<CustomerView> inCuiyuan = as("agent", () -> customers.search("翠园小区", 50), Role.AGENT);
		assertThat(inCuiyuan).isNotEmpty().allSatisfy(c -> assertThat(c.communityName()).isEqualTo("翠园小区"));
		// The community's customers are served by its substation (CY-07).
		assertThat(inCuiyuan).filteredOn(c -> c.accountNo().startsWith("A"))
			.allSatisfy(c -> assertThat(c.substationId()).isEqualTo(cuiyuan.substationId()));
	}

	@Test
	void createdCustomerTakesTheCommunitysSubstation() {
		assertThat(created.substationId()).isEqualTo(cuiyuan.substationId());
		assertThat(created.address()).isEqualTo("翠园小区 " + (800 + n % 100) + "-2-501");
		assertThat(created.heatingStatus()).isEqualTo(HeatingStatus.HEATING);
		assertThat(created.heatedArea()).isEqualByComparingTo(new BigDecimal("86.5"));
	}

	@Test
	void findByFullPhoneInAnyNotation() {
		String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
		List<CustomerView> found = as("agent", () -> customers.findByPhone(spaced), Role.AGENT);
		assertThat(found).extracting(CustomerView::accountNo).containsExactly(account);
		List<CustomerView> byLandline = as("agent", () -> customers.search("053186" + String.format("%06d", n), 10), Role.AGENT);
		assertThat(byLandline).extracting(CustomerView::accountNo).containsExactly(account);
		assertThat(as("agent", () -> customers.findByPhone("123"), Role.AGENT)).isEmpty();
	}

	@Test
	void searchByLastFourDigitsWithCommunity() {
		String last4 = mobile.substring(7);
		List<CustomerView> withText = as("agent", () -> customers.search("翠园 " + last4, 20), Role.AGENT);
		assertThat(withText).extracting(CustomerView::accountNo).contains(account);
		assertThat(withText).allSatisfy(c -> {
			assertThat(c.communityName()).isEqualTo("翠园小区");
			assertThat(c.phones()).anySatisfy(p -> assertThat(p).endsWith(last4));
		});
		List<CustomerView> withId = as("agent", () -> customers.search(last4, cuiyuan.id(), 20), Role.AGENT);
		assertThat(withId).extracting(CustomerView::accountNo).contains(account);
		// Another community: not there.
		CommunityView other = network.communities().stream().filter(c -> c.id() != cuiyuan.id()).findFirst().orElseThrow();
		assertThat(as("agent", () -> customers.search(last4, other.id(), 20), Role.AGENT))
			.extracting(CustomerView::accountNo).doesNotContain(account);
	}

	@Test
	void searchByAccountNumberExactFirst() {
		List<CustomerView> found = as("agent", () -> customers.search(account.toLowerCase(), 10), Role.AGENT);
		assertThat(found.get(0).accountNo()).isEqualTo(account);
		assertThat(as("agent", () -> customers.findByAccountNo(account.toLowerCase()), Role.AGENT)).isPresent();
		List<CustomerView> demo = as("agent", () -> customers.search("A100012", 20), Role.AGENT);
		assertThat(demo).isNotEmpty().allSatisfy(c -> assertThat(c.accountNo()).startsWith("A100012"));
	}

	@Test
	void searchByNameExactBeforeLonger() {
		String shortName = "欧阳" + name(n);
		as("agent", () -> records.create(new CustomerInput("U" + String.format("%06d", n), shortName + "明",
				CustomerTestSupport.uniqueMobile(n + 100_000), null, cuiyuan.id(), null, "900", "1", "101", "60", null, null,
				null, null)), Role.AGENT);
		List<CustomerView> found = as("agent", () -> customers.search(shortName, 10), Role.AGENT);
		assertThat(found).extracting(CustomerView::name).startsWith(shortName, shortName + "明");
	}

	@Test
	void searchByAddressAsPeopleSayIt() {
		String building = String.valueOf(800 + n % 100);
		for (String q : List.of("翠园小区" + building + "号楼2单元501", "翠园 " + building + "-2-501", "翠园小区" + building + "栋2单元501室")) {
			List<CustomerView> found = as("agent", () -> customers.search(q, 10), Role.AGENT);
			assertThat(found).as(q).extracting(CustomerView::accountNo).contains(account);
			assertThat(found).as(q).allSatisfy(c -> assertThat(c.address()).isEqualTo("翠园小区 " + building + "-2-501"));
		}
		List<CustomerView> wholeBuilding = as("agent", () -> customers.search("翠园小区" + building + "号楼", 10), Role.AGENT);
		assertThat(wholeBuilding).extracting(CustomerView::accountNo).contains(account);
	}

	@Test
	void maskingByRole() {
		CustomerView agent = as("agent", () -> customers.find(created.id()).orElseThrow(), Role.AGENT);
		assertThat(agent.name()).isEqualTo("欧阳" + name(n));
		assertThat(agent.phones()).containsExactly("199****" + mobile.substring(7), "0531-****" + String.format("%06d", n).substring(2));
		assertThat(agent.idNumber()).isEqualTo("370***********1234");
		CustomerView lead = as("lead", () -> customers.find(created.id()).orElseThrow(), Role.TEAM_LEAD, Role.AGENT);
		assertThat(lead).isEqualTo(agent);
		CustomerView manager = as("manager", () -> customers.find(created.id()).orElseThrow(), Role.MANAGER);
		assertThat(manager.name()).isEqualTo("欧阳" + name(n));
		assertThat(manager.phones()).containsExactly(mobile, "0531-86" + String.format("%06d", n));
		assertThat(manager.idNumber()).isEqualTo("370102198001011234");
		for (Role role : List.of(Role.TECHNICIAN, Role.AUDITOR)) {
			CustomerView masked = as("x", () -> customers.find(created.id()).orElseThrow(), role);
			assertThat(masked.name()).as(role.name()).isEqualTo("欧" + "*".repeat(masked.name().length() - 1));
			assertThat(masked.phones().get(0)).as(role.name()).isEqualTo("199****" + mobile.substring(7));
			assertThat(masked.idNumber()).as(role.name()).isEqualTo("370***********1234");
		}
		// Search results are masked the same way.
		assertThat(as("tech", () -> customers.search(mobile, 5), Role.TECHNICIAN).get(0).name()).startsWith("欧*");
	}

	@Test
	void pageViewAndRevealAreLogged() {
		as("agent2", () -> records.open(created.id(), Customers.PURPOSE_VIEW), Role.AGENT);
		List<String> phones = as("agent2", () -> records.revealPhones(created.id(), "用户来电要求回拨"), Role.AGENT);
		assertThat(phones).containsExactly(mobile, "0531-86" + String.format("%06d", n));
		List<CustomerRepository.AccessEntry> log = repository.accessLog("agent2", account, null, null, null, 10);
		assertThat(log).extracting(CustomerRepository.AccessEntry::purpose).containsExactly("REVEAL_PHONE", "VIEW");
		assertThat(log.get(0).reason()).isEqualTo("用户来电要求回拨");
		assertThat(log.get(0).customerId()).isEqualTo(created.id());
	}

	@Test
	void revealNeedsAReasonAndARoleThatMay() {
		assertThatThrownBy(() -> as("agent", () -> records.revealPhones(created.id(), " "), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_REVEAL_REASON_REQUIRED"));
		assertThatThrownBy(() -> as("tech", () -> records.revealPhones(created.id(), "上门维修"), Role.TECHNICIAN))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_REVEAL_FORBIDDEN"));
		assertThat(repository.accessLog(null, account, "REVEAL_PHONE", null, null, 10)).isEmpty();
	}

	@Test
	void otherModulesLogTheirAccess() {
		as("agent3", () -> customers.logAccess(created.id(), "SCREEN_POP"), Role.AGENT);
		assertThat(repository.accessLog("agent3", account, "SCREEN_POP", null, null, 10)).hasSize(1);
		assertThatThrownBy(() -> as("agent3", () -> customers.logAccess(-1, "SCREEN_POP"), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_NOT_FOUND"));
	}

	@Test
	void createRefusesBadInputAndTakenAccount() {
		assertThatThrownBy(() -> as("agent", () -> records.create(new CustomerInput(account, "重复", "13900000000", null,
				cuiyuan.id(), null, "1", "1", "101", "50", null, null, null, null)), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("CUSTOMER_ACCOUNT_NO_TAKEN");
				assertThat(e.field()).isEqualTo("accountNo");
			});
		assertThatThrownBy(() -> as("agent", () -> records.create(new CustomerInput("V" + n, "甲", "1390000", null,
				cuiyuan.id(), null, "1", "1", "101", "50", null, null, null, null)), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.field()).isEqualTo("phones"));
		assertThatThrownBy(() -> as("agent", () -> records.create(new CustomerInput("V" + n + "X", "甲", "13900000000", null,
				cuiyuan.id(), null, "1", "1", "101", "-5", null, null, null, null)), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_AREA_RANGE"));
	}

	@Test
	void editKeepsMaskedPhonesTheUserCouldNotSee() {
		CustomerRow row = records.row(created.id()).orElseThrow();
		CustomerController.CustomerForm form = CustomerController.CustomerForm.of(row, Masking.CONTACT);
		assertThat(form.phones()).doesNotContain(mobile);
		CustomerInput changed = new CustomerInput(null, form.name(), form.phones() + "; 13700000000", form.idNumber(),
				form.communityId(), null, form.building(), form.unit(), form.room(), "90", null, null, "SUSPENDED", form.notes());
		as("agent", () -> records.change(created.id(), row.version(), changed), Role.AGENT);
		CustomerRow after = records.row(created.id()).orElseThrow();
		assertThat(after.phones()).containsExactly(mobile, "0531-86" + String.format("%06d", n), "13700000000");
		assertThat(after.idNumber()).isEqualTo("370102198001011234");
		assertThat(after.heatingStatus()).isEqualTo(HeatingStatus.SUSPENDED);
		// A second change against the old version is refused.
		assertThatThrownBy(() -> as("agent", () -> records.change(created.id(), row.version(), changed), Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_CHANGE"));
	}

	@Test
	void contractReportListsActiveCustomersWithoutCurrentContract() {
		LocalDate today = customers.today();
		long before = repository.countWithoutCurrentContract(today);
		assertThat(before).isPositive();
		long template = records.templates().get(0).id();
		as("agent", () -> records.addContract(created.id(), template, today.minusDays(1), today.minusDays(1), today.plusYears(3)),
				Role.AGENT);
		assertThat(repository.countWithoutCurrentContract(today)).isEqualTo(before - 1);
		CustomerRecords.Details details = as("agent", () -> records.open(created.id(), "VIEW"), Role.AGENT);
		assertThat(details.current()).isNotNull();
		assertThat(details.current().templateId()).isEqualTo(template);
		assertThatThrownBy(() -> as("agent", () -> records.addContract(created.id(), template, today, today, today.minusDays(1)),
				Role.AGENT))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_CONTRACT_PERIOD"));
		CustomerRecords.ContractReport report = as("manager", () -> records.contractReport(50), Role.MANAGER);
		assertThat(report.without()).isEqualTo(before - 1);
		assertThat(report.first()).allSatisfy(c -> assertThat(c.heatingStatus()).isNotEqualTo(HeatingStatus.DISCONNECTED));
	}
}
