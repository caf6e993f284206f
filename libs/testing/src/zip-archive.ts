// Zip archives for tests of what reads them (.xlsx readers): `zipArchive` writes one from its parts,
// and `xlsxZipBomb` a small .xlsx whose sheet inflates past a gibibyte — every size it declares is
// true, so only counting what is inflated (or the compression ratio) stops it.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  readonly name: string;
  /** written deflated */
  readonly content: Buffer | string;
  /** the uncompressed size the headers declare, when a test wants them to lie */
  readonly declaredSize?: number;
}

/** A zip archive of deflated parts, with true CRCs and sizes (unless a part says otherwise). */
export function zipArchive(parts: readonly ZipPart[]): Buffer {
  return writeZip(
    parts.map(({ name, content, declaredSize }) => {
      const data = typeof content === 'string' ? Buffer.from(content) : content;
      return { name, compressed: deflateRawSync(data), crc: crc32(data), size: declaredSize ?? data.length };
    }),
  );
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around a given sheet part (no shared strings, no styles). */
export function xlsxParts(sheetXml?: string): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0"?><workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    ...(sheetXml === undefined ? [] : [{ name: 'xl/worksheets/sheet1.xml', content: sheetXml }]),
  ];
}

/**
 * An .xlsx whose sheet is `expandsToBytes` (default 1.1 GiB) of well-formed XML — one row of empty
 * cells (`<c/>` again and again) — in about a thousandth of that: deflate's ceiling. The deflate
 * stream is one compressed mebibyte of cells repeated (each copy ends byte-aligned on a sync flush and
 * refers to nothing before it, so copies concatenate), made in well under a second.
 */
export function xlsxZipBomb(expandsToBytes = 1.1 * 1024 ** 3): { file: Buffer; expandedBytes: number } {
  const head = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${SHEET_NS}"><sheetData><row r="1">`);
  const tail = Buffer.from('</row></sheetData></worksheet>');
  const cells = Buffer.from('<c/>'.repeat(256 * 1024));
  const copies = Math.ceil((expandsToBytes - head.length - tail.length) / cells.length);
  const segment = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const cellSegment = segment(cells);
  // the last block: empty, stored, final (BFINAL=1, BTYPE=00, LEN=0, NLEN=0xffff)
  const end = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  const compressed = Buffer.concat([
    segment(head),
    ...Array.from({ length: copies }, () => cellSegment),
    segment(tail),
    end,
  ]);
  let crc = crc32(head);
  for (let i = 0; i < copies; i++) crc = crc32(cells, crc);
  crc = crc32(tail, crc);
  const size = head.length + copies * cells.length + tail.length;
  const others = xlsxParts().map(({ name, content }) => {
    const data = Buffer.from(content);
    return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
  });
  return {
    file: writeZip([...others, { name: 'xl/worksheets/sheet1.xml', compressed, crc, size }]),
    expandedBytes: size + others.reduce((sum, part) => sum + part.size, 0),
  };
}

interface WrittenPart {
  readonly name: string;
  readonly compressed: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** Local headers and data, the central directory, its end record (APPNOTE 4.3; no zip64, no comments). */
function writeZip(parts: readonly WrittenPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.compressed.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + part.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
