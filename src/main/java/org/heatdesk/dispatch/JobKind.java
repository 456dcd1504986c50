package org.heatdesk.dispatch;

/**
 * A kind of field job and what a technician needs to take it: a skill, and for the special work of
 * the work-safety rules a valid certificate (welding and electrical work are 特种作业: nobody
 * without the certificate may do them, whatever their skill).
 */
public enum JobKind {

	PIPE_REPAIR(Skill.PIPE_FITTER, null),
	WELDING(Skill.WELDER, CertificateKind.WELDING),
	ELECTRICAL(Skill.ELECTRICIAN, CertificateKind.ELECTRICAL),
	METER(Skill.METER, null),
	VALVE(Skill.VALVE_OPERATOR, null),
	/** 测温: any technician may measure room temperatures. */
	TEMPERATURE_TEST(null, null);

	private final Skill skill;

	private final CertificateKind certificate;

	JobKind(Skill skill, CertificateKind certificate) {
		this.skill = skill;
		this.certificate = certificate;
	}

	/** The skill the job needs, or {@code null}. */
	public Skill skill() {
		return skill;
	}

	/** The certificate the job needs, valid at the job's time, or {@code null}. */
	public CertificateKind certificate() {
		return certificate;
	}
}
