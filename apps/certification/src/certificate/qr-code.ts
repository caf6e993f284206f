// The QR code a certificate carries: it opens the public verification page of its number in the web
// console (/public/certificates/<number>, which asks GET /api/v1/public/certificates/<number>) — a page
// a phone's camera can show, not the API's JSON. The page's base is JINENG_PUBLIC_BASE_URL (the
// gateway's public address, which serves the console; default the local one).
import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';

export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

export function publicBaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.JINENG_PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`JINENG_PUBLIC_BASE_URL '${value}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`JINENG_PUBLIC_BASE_URL '${value}' is not an http(s) URL`);
  return value.replace(/\/+$/, '');
}

export interface QrCode {
  readonly verificationUrl: string;
  readonly svg: string;
  readonly pngDataUrl: string;
}

@Injectable()
export class CertificateQrCodes {
  constructor(@Inject(PUBLIC_BASE_URL) private readonly baseUrl: string) {}

  verificationUrlOf(certificateNumber: string): string {
    return `${this.baseUrl}/public/certificates/${encodeURIComponent(certificateNumber)}`;
  }

  async of(certificateNumber: string): Promise<QrCode> {
    const verificationUrl = this.verificationUrlOf(certificateNumber);
    // error correction M: a printed certificate may be creased or stamped over a little
    const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
    const [svg, pngDataUrl] = await Promise.all([
      QRCode.toString(verificationUrl, { ...options, type: 'svg' }),
      QRCode.toDataURL(verificationUrl, { ...options, type: 'image/png', scale: 4 }),
    ]);
    return { verificationUrl, svg, pngDataUrl };
  }
}
