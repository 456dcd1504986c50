package org.heatdesk.dispatch;

/**
 * A certificate a technical post may require (持证上岗, standard 4(三)); names in the dispatch
 * bundle, {@code dispatch.certificate.<name>}.
 */
public enum CertificateKind {

	/** 特种作业操作证（焊接与热切割作业） */
	WELDING,
	/** 特种作业操作证（电工作业） */
	ELECTRICAL,
	/** 特种作业操作证（高处作业） */
	WORK_AT_HEIGHT,
	/** 特种设备作业人员证 */
	SPECIAL_EQUIPMENT
}
