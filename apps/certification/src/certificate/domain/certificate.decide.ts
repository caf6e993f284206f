// The certificate decider: issue to a trainee who passed, from a body recognised for it on the day,
// of a kind the policy accepts; revoke with a reason.
import type { Decider } from '@jineng/ddd';
import { EvaluationBodyNotRecognised } from '../../evaluation-body/domain/evaluation-body.errors';
import { recognises } from '../../evaluation-body/domain/evaluation-body';
import { kindOfPolicy } from '../../shared/certificate-kinds';
import { todayOf } from '../../shared/dates';
import {
  certificateNumberOf,
  type CertificateCommand,
  type CertificateEvent,
  type CertificateIssued,
  type CertificateState,
  type IssueCertificate,
  type RevokeCertificate,
} from './certificate';
import {
  CertificateAlreadyIssued,
  CertificateAlreadyRevoked,
  CertificateNotFound,
  IssueDateOutOfRange,
  ResultNotPassed,
  TrainingCertificateNotAccepted,
} from './certificate.errors';

export const certificateDecider: Decider<CertificateCommand, CertificateState, CertificateEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CertificateIssued.v1':
        return { status: 'valid', ...event.data };
      case 'CertificateRevoked.v1':
        return state.status === 'none'
          ? state
          : { ...state, status: 'revoked', revocationReason: event.data.reason };
    }
  },
  decide: (command, state) =>
    command.type === 'IssueCertificate' ? issue(command, state) : revoke(command, state),
};

function issue(command: IssueCertificate, state: CertificateState): CertificateEvent[] {
  const { data, metadata } = command;
  const a = data.assessment;
  if (state.status !== 'none')
    throw new CertificateAlreadyIssued({ certificateNumber: state.certificateNumber });
  if (a.outcome !== 'passed')
    throw new ResultNotPassed({ workerId: data.workerId, outcome: a.outcome ?? 'none' });
  const today = todayOf(metadata);
  if (data.issuedOn < a.date || data.issuedOn > today)
    throw new IssueDateOutOfRange({ issuedOn: data.issuedOn, from: a.date, to: today });
  const what = { occupationCode: a.occupationCode, level: a.level, kind: a.kind };
  if (!recognises(data.body, what, data.issuedOn))
    throw new EvaluationBodyNotRecognised({
      evaluationBodyId: a.evaluationBodyId,
      ...what,
      date: data.issuedOn,
    });
  const exceptionApplied = a.kind === 'training_qualified' ? trainingCertificateCheck(data) : undefined;
  const issued: CertificateIssued = {
    type: 'CertificateIssued.v1',
    data: {
      certificateId: data.certificateId,
      certificateNumber: certificateNumberOf(data.certificateId, a.jurisdictionCode, data.issuedOn),
      workerId: data.workerId,
      classId: a.classId,
      institutionId: a.institutionId,
      jurisdictionCode: a.jurisdictionCode,
      occupationCode: a.occupationCode,
      level: a.level,
      kind: a.kind,
      evaluationBodyId: a.evaluationBodyId,
      issuedOn: data.issuedOn,
      assessmentId: a.assessmentId,
      ...(exceptionApplied ? { exceptionApplied } : {}),
    },
  };
  return [issued];
}

/**
 * Where the occupation leads to a certificate of the higher kinds the policy names, a
 * training-qualified certificate alone is refused (Jiyuan 2021: 「对能够取得职业资格证书、职业技能等级
 * 证书、特种作业操作证书…、专项职业资格证书的，必须优先组织培训学员参加鉴定评价，对直接参加培训合格证书
 * 考核的不予认可」) — "can obtain": a body recognised for that kind of this occupation and level exists on
 * the issue date. The temporary exception (「在职业技能等级认定和专项职业能力考核机制未健全之前可暂按合格证
 * 考核」) accepts it for its kinds until its date (the last day it holds), or while its version is in
 * force where it names none; the event records it.
 */
function trainingCertificateCheck(data: IssueCertificate['data']) {
  const rule = data.trainingCertificateRule;
  if (!rule) return undefined;
  const higher = rule.notAcceptedFor.filter((kind) => data.kindsOffered.includes(kindOfPolicy(kind)));
  if (higher.length === 0) return undefined;
  const exception = rule.temporaryException;
  const exceptionHolds =
    exception !== undefined && (exception.until === undefined || data.issuedOn <= exception.until);
  if (exceptionHolds && higher.every((kind) => exception.acceptedFor.includes(kind)))
    return {
      insteadOf: higher.map(kindOfPolicy),
      ...(exception.until !== undefined ? { until: exception.until } : {}),
      policyVersionIds: [rule.versionId],
    };
  throw new TrainingCertificateNotAccepted({
    occupationCode: data.assessment.occupationCode,
    level: data.assessment.level,
    higherKinds: higher.map(kindOfPolicy),
    ...(exception?.until !== undefined && data.issuedOn > exception.until
      ? { exceptionUntil: exception.until }
      : {}),
  });
}

function revoke(command: RevokeCertificate, state: CertificateState): CertificateEvent[] {
  const { data, metadata } = command;
  if (state.status === 'none') throw new CertificateNotFound({ certificateId: data.certificateId });
  if (state.status === 'revoked')
    throw new CertificateAlreadyRevoked({ certificateNumber: state.certificateNumber });
  return [
    {
      type: 'CertificateRevoked.v1',
      data: {
        certificateId: state.certificateId,
        certificateNumber: state.certificateNumber,
        workerId: state.workerId,
        ...(state.classId !== undefined ? { classId: state.classId } : {}),
        reason: data.reason.trim(),
        revokedBy: metadata.actor.userId,
      },
    },
  ];
}
