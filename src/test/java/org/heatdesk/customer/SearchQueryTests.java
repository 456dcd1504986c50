package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

	@Test
	void fullMobileInAnyNotation() {
		for (String q : new String[] { "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "１３８１２３４５６７８" }) {
			SearchQuery s = SearchQuery.parse(q);
			assertThat(s.form()).as(q).isEqualTo(SearchQuery.Form.PHONE);
			assertThat(s.phone()).as(q).isEqualTo("13812345678");
		}
	}

	@Test
	void landlineWithAreaCode() {
		assertThat(SearchQuery.parse("0531-86012345").phone()).isEqualTo("0531-86012345");
		assertThat(SearchQuery.parse("053186012345").phone()).isEqualTo("0531-86012345");
		assertThat(SearchQuery.parse("(010) 6512 3456").phone()).isEqualTo("010-65123456");
	}

	@Test
	void lastFourDigitsAloneOrWithACommunity() {
		SearchQuery alone = SearchQuery.parse("5678");
		assertThat(alone.form()).isEqualTo(SearchQuery.Form.LAST4);
		assertThat(alone.last4()).isEqualTo("5678");
		assertThat(alone.communityText()).isNull();
		SearchQuery after = SearchQuery.parse("翠园 5678");
		assertThat(after.form()).isEqualTo(SearchQuery.Form.LAST4);
		assertThat(after.communityText()).isEqualTo("翠园");
		assertThat(after.last4()).isEqualTo("5678");
		SearchQuery before = SearchQuery.parse("5678 翠园小区");
		assertThat(before.form()).isEqualTo(SearchQuery.Form.LAST4);
		assertThat(before.communityText()).isEqualTo("翠园小区");
		SearchQuery glued = SearchQuery.parse("翠园小区5678");
		assertThat(glued.form()).isEqualTo(SearchQuery.Form.LAST4);
		assertThat(glued.communityText()).isEqualTo("翠园小区");
	}

	@Test
	void accountNumber() {
		SearchQuery s = SearchQuery.parse(" a1000123 ");
		assertThat(s.form()).isEqualTo(SearchQuery.Form.ACCOUNT);
		assertThat(s.accountNo()).isEqualTo("A1000123");
	}

	@Test
	void addressAsPeopleSayIt() {
		for (String q : new String[] { "翠园小区3号楼2单元501", "翠园小区3号楼2单元501室", "翠园 3-2-501", "翠园3-2-501",
				"翠园小区 3栋 2单元 501", "翠园小区3#2-501", "翠园小区03号楼02单元501" }) {
			SearchQuery s = SearchQuery.parse(q);
			assertThat(s.form()).as(q).isEqualTo(SearchQuery.Form.ADDRESS);
			assertThat(s.building()).as(q).isEqualTo("3");
			assertThat(s.unit()).as(q).isEqualTo("2");
			assertThat(s.room()).as(q).isEqualTo("501");
		}
		assertThat(SearchQuery.parse("翠园 3-2-501").communityText()).isEqualTo("翠园");
		assertThat(SearchQuery.parse("翠园小区3号楼2单元501").communityText()).isEqualTo("翠园小区");
	}

	@Test
	void partialAddress() {
		SearchQuery building = SearchQuery.parse("翠园小区3号楼");
		assertThat(building.form()).isEqualTo(SearchQuery.Form.ADDRESS);
		assertThat(building.building()).isEqualTo("3");
		assertThat(building.unit()).isNull();
		SearchQuery unit = SearchQuery.parse("翠园 3-2");
		assertThat(unit.unit()).isEqualTo("2");
		assertThat(unit.room()).isNull();
	}

	@Test
	void nameOrAnythingElseIsText() {
		assertThat(SearchQuery.parse("张伟").form()).isEqualTo(SearchQuery.Form.TEXT);
		assertThat(SearchQuery.parse("张伟").text()).isEqualTo("张伟");
		assertThat(SearchQuery.parse("  ").form()).isEqualTo(SearchQuery.Form.EMPTY);
		assertThat(SearchQuery.parse("12").form()).isEqualTo(SearchQuery.Form.TEXT);
	}
}
