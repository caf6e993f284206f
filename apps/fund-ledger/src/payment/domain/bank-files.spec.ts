import { jurisdictionPrefix, linesOf, parseStatementLine, paymentFileRow, yuanOf } from './bank-files';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

it('reads lines across chunk boundaries, CRLF or LF, a last line without an end', async () => {
  const lines: string[] = [];
  for await (const line of linesOf(chunks('a,1\r\nb,', '2\nc,3'))) lines.push(line);
  expect(lines).toEqual(['a,1', 'b,2', 'c,3']);
});

it('reads a CR and its LF split over two chunks, empty lines and many lines in one chunk', async () => {
  const lines: string[] = [];
  for await (const line of linesOf(chunks('a\r', '\n\nb\r\n\r\nc\nd\ne', ''))) lines.push(line);
  expect(lines).toEqual(['a', '', 'b', '', 'c', 'd', 'e']);
});

it('reads a statement line, and names the field of a bad one', () => {
  expect(parseStatementLine('JNAB12,1050,2026-11-30,paid,', 1)).toEqual({
    ok: true,
    line: {
      lineNo: 1,
      reference: 'JNAB12',
      amountFen: 1050,
      valueDate: '2026-11-30',
      status: 'paid',
      reason: '',
    },
  });
  expect(parseStatementLine('JNAB12,10.50,2026-11-30,paid,', 2)).toEqual({
    ok: false,
    lineNo: 2,
    problem: 'amount_fen',
  });
  expect(parseStatementLine('JNAB12,1050,2026-02-30,paid,', 3)).toMatchObject({ problem: 'value_date' });
  expect(parseStatementLine('JNAB12,1050,2026-11-30,lost,', 4)).toMatchObject({ problem: 'status' });
});

it("writes a payment file line with fen and yuan and the payee's account", () => {
  expect(yuanOf(123_405)).toBe('1234.05');
  expect(
    paymentFileRow({
      reference: 'JN1',
      paymentId: 'p',
      claimId: 'c',
      payeeKind: 'institution',
      payeeId: 'i',
      jurisdictionCode: '530302',
      fundSource: 'skills_upgrading_account',
      amountFen: 5,
      accountName: '宏达机械有限公司',
      accountNumber: '6222020200112233445',
      bankCode: '102100099996',
    }),
  ).toBe(
    'JN1,p,c,institution,i,530302,skills_upgrading_account,5,0.05,宏达机械有限公司,6222020200112233445,102100099996',
  );
});

it('scopes a jurisdiction by its code prefix', () => {
  expect([jurisdictionPrefix('530302'), jurisdictionPrefix('530300'), jurisdictionPrefix('530000')]).toEqual([
    '530302',
    '5303',
    '53',
  ]);
});
