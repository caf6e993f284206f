import {
  generateSealingKeyPair,
  open,
  seal,
  sealingPrivateKey,
  sealingPublicKey,
  SealedBoxError,
} from './sealed-box';

const pair = generateSealingKeyPair();
const publicKey = sealingPublicKey(pair.publicKeyPem);
const privateKey = sealingPrivateKey(pair.privateKeyPem);
const PURPOSE = 'jineng payee account v1';

it('opens with the private key what was sealed to the public key, and the box holds no clear text', () => {
  const text = JSON.stringify({
    accountName: '运城市盐湖区技能培训学校',
    accountNumber: '6222020200112233445',
  });
  const box = seal(publicKey, text, PURPOSE);
  expect(Buffer.from(box, 'base64').toString('latin1')).not.toContain('6222020200112233445');
  expect(box).not.toContain('6222020200112233445');
  expect(open(privateKey, box, PURPOSE)).toBe(text);
});

it('seals the same text to a different box every time', () => {
  expect(seal(publicKey, 'x', PURPOSE)).not.toBe(seal(publicKey, 'x', PURPOSE));
});

it('does not open with another key, for another purpose, or altered', () => {
  const box = seal(publicKey, 'account', PURPOSE);
  const other = sealingPrivateKey(generateSealingKeyPair().privateKeyPem);
  expect(() => open(other, box, PURPOSE)).toThrow(SealedBoxError);
  expect(() => open(privateKey, box, 'another purpose')).toThrow(SealedBoxError);
  const bytes = Buffer.from(box, 'base64');
  bytes[bytes.length - 1] ^= 1;
  expect(() => open(privateKey, bytes.toString('base64'), PURPOSE)).toThrow(SealedBoxError);
  expect(() => open(privateKey, 'AQID', PURPOSE)).toThrow(SealedBoxError);
});

it('refuses keys of another kind', () => {
  const { generateKeyPairSync } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  const ed = generateKeyPairSync('ed25519');
  expect(() => sealingPublicKey(ed.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(
    SealedBoxError,
  );
});
