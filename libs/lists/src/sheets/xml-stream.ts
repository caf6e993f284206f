// A SAX pass over XML text that arrives in chunks (saxes: strict, no DTD, no entity expansion): the
// callbacks see local element names (`x:row` and `row` alike) and decoded text.
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Feeds every chunk to the parser; a handler that throws stops the pass (and the stream behind it). */
export async function parseXml(chunks: AsyncIterable<string>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    // no spreadsheet part has one; refusing it rules out entity tricks altogether
    throw new Error('a DOCTYPE is not allowed here');
  });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
}
