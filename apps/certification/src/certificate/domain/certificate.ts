// Certificates (DOMAIN §4): issued to a trainee who passed an assessment, of the assessment's kind,
// occupation and level, with a unique number the public can verify; revoked with a reason.
import type { certificationV1 } from '@jineng/contracts';
import { uuidV5, type Command, type DomainEvent } from '@jineng/ddd';
import type { EvaluationBodyFacts } from '../../evaluation-body/domain/evaluation-body';
import type { CertificateKind, PolicyCertificateKind } from '../../shared/certificate-kinds';
import type { JsonData } from '../../shared/rpc';

export type CertificateIssued = DomainEvent<
  'CertificateIssued.v1',
  JsonData<certificationV1.CertificateIssued>
>;
export type CertificateRevoked = DomainEvent<
  'CertificateRevoked.v1',
  JsonData<certificationV1.CertificateRevoked>
>;
export type CertificateEvent = CertificateIssued | CertificateRevoked;

/** The policy's rule on training-qualified certificates in force on the issue date. */
export type TrainingCertificateRuleInForce = {
  readonly notAcceptedFor: readonly PolicyCertificateKind[];
  readonly temporaryException?: {
    readonly acceptedFor: readonly PolicyCertificateKind[];
    readonly until?: string;
  };
  readonly versionId: string;
};

export type IssueCertificate = Command<
  'IssueCertificate',
  JsonData<certificationV1.IssueCertificate> & {
    readonly certificateId: string;
    readonly assessment: {
      readonly assessmentId: string;
      readonly classId: string;
      readonly institutionId: string;
      readonly jurisdictionCode: string;
      readonly occupationCode: string;
      readonly level: number;
      readonly kind: CertificateKind;
      readonly date: string;
      readonly evaluationBodyId: string;
      /** the trainee's latest result; absent when none is recorded */
      readonly outcome?: 'passed' | 'failed' | 'absent';
    };
    readonly body: EvaluationBodyFacts;
    readonly trainingCertificateRule: TrainingCertificateRuleInForce | null;
    /** the kinds a recognised body certifies for this occupation and level on the issue date */
    readonly kindsOffered: readonly CertificateKind[];
  }
>;

export type RevokeCertificate = Command<'RevokeCertificate', JsonData<certificationV1.RevokeCertificate>>;

export type CertificateCommand = IssueCertificate | RevokeCertificate;

export type CertificateState =
  | { readonly status: 'none' }
  | ({
      readonly status: 'valid' | 'revoked';
      readonly revocationReason?: string;
    } & JsonData<certificationV1.CertificateIssued>);

export const certificateStreamId = (id: string): string => `certificate-${id}`;

/** Fixed forever: certificate ids derive from it. */
const CERTIFICATE_NAMESPACE = '9b4c2f1e-6d3a-4e8b-a1c7-52f0e9d8b3a6';

/** One certificate per trainee and assessment: its id derives from both. */
export const certificateIdOf = (assessmentId: string, workerId: string): string =>
  uuidV5(CERTIFICATE_NAMESPACE, `${assessmentId.toLowerCase()}:${workerId.toLowerCase()}`);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The certificate's number: the jurisdiction, the year of issue and the certificate's id in Crockford
 * base32 (26 characters for its 128 bits) — unique because the id is, and not guessable from another
 * number (the public verification page cannot be walked).
 */
export function certificateNumberOf(
  certificateId: string,
  jurisdictionCode: string,
  issuedOn: string,
): string {
  let value = BigInt(`0x${certificateId.replace(/-/g, '')}`);
  let encoded = '';
  for (let i = 0; i < 26; i += 1) {
    encoded = CROCKFORD[Number(value & 31n)] + encoded;
    value >>= 5n;
  }
  return `${jurisdictionCode}${issuedOn.slice(0, 4)}${encoded}`;
}
