// The parts of a zip archive (an .xlsx) read as text streams, never inflated whole. yauzl reads the
// directory and hands a part's compressed bytes; Node's zlib inflates them fed in small slices, and
// every inflated chunk is counted — the sizes the archive declares are not trusted — against a cap for
// the whole archive and against the part's compression ratio so far (inflated ÷ compressed fed in).
// Reading stops at the chunk that passes one: a zip bomb (a small file expanding to gigabytes) is
// stopped after a mebibyte or two.
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import * as yauzl from 'yauzl';
import { SheetCompressionRatioTooHigh, SheetExpandsTooLarge, SheetTooLarge } from './sheet.errors';
import { RATIO_GRACE_BYTES, type SheetLimits } from './sheet-limits';

/** An .xlsx has a dozen parts, a few hundred with many sheets and pictures; a sheet to import never more. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Compressed bytes are fed to the inflater this many at a time, so the ratio is known early. */
const FEED_BYTES = 4 * 1024;
const STORED = 0;
const DEFLATED = 8;

export type InflateCaps = Pick<SheetLimits, 'maxUncompressedBytes' | 'maxCompressionRatio'>;

export class BoundedZip {
  /** inflated so far over every part read */
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly caps: InflateCaps,
    /** the payload field the file came in, for the errors */
    private readonly field: string,
  ) {}

  /** Reads the archive's directory (names and offsets, nothing inflated). */
  static async open(content: Buffer, caps: InflateCaps, field: string): Promise<BoundedZip> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(content, { lazyEntries: true }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= MAX_ZIP_ENTRIES) {
          zip.close();
          reject(
            new SheetTooLarge({
              field,
              limit: MAX_ZIP_ENTRIES,
              actual: entries.size + 1,
              unit: 'zip_entries',
            }),
          );
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
    return new BoundedZip(zip, entries, caps, field);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's text (UTF-8), chunk by chunk as it inflates; stops with a domain error at a cap. */
  async *text(name: string): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`the archive has no part ${name}`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
      throw new Error(`${name} uses compression method ${entry.compressionMethod}, not deflate`);
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, { decompress: false }, (error, opened) =>
        error ? reject(error) : resolve(opened as Readable),
      ),
    );
    let fed = 0;
    const feed = Readable.from(
      (async function* () {
        for await (const chunk of raw as AsyncIterable<Buffer>)
          for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) {
            const slice = chunk.subarray(offset, offset + FEED_BYTES);
            fed += slice.length;
            yield slice;
          }
      })(),
    );
    const inflated =
      entry.compressionMethod === DEFLATED ? pipeline(feed, createInflateRaw(), () => undefined) : feed;
    const decoder = new TextDecoder('utf-8');
    let own = 0;
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        own += chunk.length;
        this.inflated += chunk.length;
        if (this.inflated > this.caps.maxUncompressedBytes)
          throw new SheetExpandsTooLarge({
            field: this.field,
            part: name,
            limit: this.caps.maxUncompressedBytes,
            inflated: this.inflated,
          });
        if (own > RATIO_GRACE_BYTES && own / fed > this.caps.maxCompressionRatio)
          throw new SheetCompressionRatioTooHigh({
            field: this.field,
            part: name,
            limit: this.caps.maxCompressionRatio,
            // one decimal, rounded up: a ratio just past the limit never reads as the limit itself
            ratio: Math.ceil((own / fed) * 10) / 10,
            inflated: own,
          });
        yield decoder.decode(chunk, { stream: true });
      }
    } finally {
      // a cap, a consumer that stopped: nothing more is inflated
      inflated.destroy();
      raw.destroy();
    }
    if (own !== entry.uncompressedSize)
      throw new Error(`${name} declares ${entry.uncompressedSize} bytes but holds ${own}`);
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  }

  close(): void {
    this.zip.close();
  }
}
