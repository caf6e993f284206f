import { parseClearAccount, partitionByAccount } from './payee-account';

it('reads an opened account, refusing what does not fit a CSV field or is not an account', () => {
  expect(
    parseClearAccount('{"accountName":"宏达机械有限公司","accountNumber":"6222020200112233445"}'),
  ).toEqual({
    accountName: '宏达机械有限公司',
    accountNumber: '6222020200112233445',
  });
  expect(parseClearAccount('{"accountName":"a,b","accountNumber":"6222020200112233445"}')).toBeUndefined();
  expect(parseClearAccount('{"accountName":"宏达","accountNumber":"62-22"}')).toBeUndefined();
  expect(parseClearAccount('not json')).toBeUndefined();
  expect(parseClearAccount('null')).toBeUndefined();
});

it('holds back the payables whose payee has no account', () => {
  const { ready, heldBack } = partitionByAccount([
    { claimId: 'a', payeeAccountDigest: 'd1' },
    { claimId: 'b' },
    { claimId: 'c', payeeAccountDigest: 'd2' },
  ]);
  expect(ready.map((p) => p.claimId)).toEqual(['a', 'c']);
  expect(heldBack.map((p) => p.claimId)).toEqual(['b']);
});
