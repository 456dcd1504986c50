package org.heatdesk.dispatch;

/** What a technician can do (names in the dispatch bundle, {@code dispatch.skill.<name>}). */
public enum Skill {

	/** 管道工 */
	PIPE_FITTER,
	/** 焊工 */
	WELDER,
	/** 电工 */
	ELECTRICIAN,
	/** 计量/仪表 */
	METER,
	/** 阀门/换热站运行工 */
	VALVE_OPERATOR
}
