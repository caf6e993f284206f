import { onCertificateRevoked, recoveryIdFor } from './on-certificate-revoked';

const revoked = {
  certificateId: 'cert-2',
  certificateNumber: 'C-2',
  workerId: 'w2',
  classId: 'class-1',
  reason: '考试作弊',
  revokedBy: 'officer',
};

it('asks each claim naming the holder for a recovery, with an id derived from the event and the claim', () => {
  const commands = onCertificateRevoked('e1', revoked, ['a', 'b']);
  expect(commands).toEqual([
    {
      type: 'RequestRecovery',
      data: {
        claimId: 'a',
        recoveryId: recoveryIdFor('e1', 'a'),
        reason: '证书 C-2 已撤销：考试作弊',
        certificateId: 'cert-2',
        workerId: 'w2',
      },
    },
    expect.objectContaining({ data: expect.objectContaining({ claimId: 'b' }) }),
  ]);
  expect(recoveryIdFor('e1', 'a')).not.toBe(recoveryIdFor('e1', 'b'));
  expect(onCertificateRevoked('e1', revoked, ['a'])).toEqual(onCertificateRevoked('e1', revoked, ['a']));
});

it('a malformed revocation fails naming the field', () => {
  expect(() => onCertificateRevoked('e1', { ...revoked, certificateId: undefined }, ['a'])).toThrow(
    'certificateId',
  );
});
