// The refusal of a request whose envelope the service cannot trust: unsigned, signed with a key it
// does not accept, tampered with, expired, or signed for another subject. Nothing has been read or
// stored when it is thrown (the guard runs before any handler).
import { defineDomainError } from '@jineng/ddd';

export type UntrustedReason =
  | 'unsigned'
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_subject'
  | 'expired'
  | 'not_yet_valid'
  | 'lifetime_too_long'
  | 'payload_mismatch';

const REASONS: Readonly<Record<UntrustedReason, { zh: string; en: string }>> = {
  unsigned: { zh: '请求信封未签名', en: 'the envelope is not signed' },
  malformed: { zh: '请求信封的签名格式无效', en: "the envelope's signature is malformed" },
  unknown_key: {
    zh: '签名密钥不在本服务接受的密钥中',
    en: 'it was signed with a key this service does not accept',
  },
  bad_signature: {
    zh: '签名与信封内容不符（内容被篡改或密钥错误）',
    en: 'the signature does not match the envelope (tampered or wrong key)',
  },
  wrong_subject: {
    zh: '签名针对的是另一个主题，不能转投到此处',
    en: 'it was signed for another subject and cannot be re-addressed here',
  },
  expired: { zh: '签名已过期', en: 'the signature has expired' },
  not_yet_valid: { zh: '签名时间晚于当前时间', en: 'the signature is issued in the future' },
  lifetime_too_long: { zh: '签名有效期超过 60 秒', en: 'the signature is valid for more than 60 s' },
  payload_mismatch: {
    zh: '请求内容与签名的摘要不符（内容被篡改）',
    en: 'the payload does not match its signed digest (tampered)',
  },
};

export class UntrustedRequest extends defineDomainError<{ subject: string; reason: UntrustedReason }>({
  code: 'MESSAGING.UNTRUSTED_REQUEST',
  category: 'forbidden',
  zh: (d) => `拒绝 ${d.subject} 上的请求：${REASONS[d.reason].zh}；请求未被处理`,
  en: (d) => `request on ${d.subject} refused: ${REASONS[d.reason].en}; nothing was done`,
}) {}
