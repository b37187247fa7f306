// How a PSTN number reads: "+44 20 9721 0912", not one run of digits. Uses libphonenumber-js's small
// ("min") metadata; a number it cannot parse, and every SIP username, is shown as the API gave it.
import type { PhoneNumber } from '../vogent/shapes';
import type * as PhoneLibrary from './phoneLibrary';

let library: typeof PhoneLibrary | undefined;

function parse(text: string) {
  // A require, not an import, so that the library is loaded on first use (see phoneLibrary.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('./phoneLibrary') as typeof PhoneLibrary;
  return library.parsePhoneNumberFromString(text);
}

export interface NumberFormats {
  /** E.164 exactly as the API gave it. */
  e164: string;
  international: string;
  national: string;
  /** `tel:+14155550100` */
  uri: string;
  /** ISO 3166 code, when the number belongs to one country. */
  country: string | undefined;
}

/** Parsing costs tens of microseconds; a tree redrawn as pages land would parse the same rows again. */
const parsedBefore = new WeakMap<PhoneNumber, NumberFormats | null>();

/** The formats of a PSTN number, or undefined for a SIP username or a number that cannot be parsed. */
export function formatsOf(number: PhoneNumber): NumberFormats | undefined {
  let formats = parsedBefore.get(number);
  if (formats === undefined) parsedBefore.set(number, (formats = parseFormats(number)));
  return formats ?? undefined;
}

function parseFormats(number: PhoneNumber): NumberFormats | null {
  if (number.type === 'SIP_USERNAME' || !number.number.startsWith('+')) return null;
  const parsed = parse(number.number);
  if (!parsed?.isPossible()) return null;
  return {
    e164: number.number,
    international: parsed.formatInternational(),
    national: parsed.formatNational(),
    uri: parsed.getURI(),
    country: parsed.country,
  };
}

/** What the tree, pickers and hovers show for a number. */
export function displayNumber(number: PhoneNumber): string {
  return formatsOf(number)?.international ?? number.number;
}

/** "United Kingdom 🇬🇧" for "GB", or undefined. */
export function countryName(code: string | undefined): string | undefined {
  if (!code || !/^[A-Z]{2}$/.test(code)) return undefined;
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  const flag = String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
  return `${name} ${flag}`;
}

/** What "Copy Phone Number As…" offers, as [format, text]: E.164 as the API gave it first, the JSON last. */
export function copyFormats(number: PhoneNumber): [string, string][] {
  const formats = formatsOf(number);
  const written: [string, string][] = formats
    ? [['E.164', formats.e164], ['International', formats.international], ['National', formats.national], ['tel: URI', formats.uri]]
    : [[number.type === 'SIP_USERNAME' ? 'SIP username' : 'Number', number.number]];
  return [...written, ['ID', number.id], ['JSON', JSON.stringify({ id: number.id, number: number.number, type: number.type, agentId: number.agentId })]];
}
