// The wire format of the 계약소포 API as the simulator speaks it: request parameters in, XML out.
// Answers mimic the real server: HTTP 200, `<?xml version='1.0' encoding="utf-8"?>`, root <xsync>,
// values in CDATA padded with spaces (clients must trim), errors as <error><error_code>….
import { decryptRegData } from '../../../lib/epost/seed128.ts';

export const XML_HEAD = `<?xml version='1.0' encoding="utf-8"?>`;

/** An XML element: a flat record of fields, or a named repeated block. */
export type Fields = Record<string, string>;

/** A handler's answer: fields and/or repeated blocks, or a Korea Post error. */
export type Answer =
  { kind: 'ok'; fields?: Fields; blocks?: { name: string; items: Fields[] } } | { kind: 'error'; code: string; message: string };

export function fail(code: string, message: string): Answer {
  return { kind: 'error', code, message };
}

function cdata(value: string): string {
  // `]]>` cannot occur inside CDATA; split it the standard way.
  return `<![CDATA[ ${value.replaceAll(']]>', ']]]]><![CDATA[>')} ]]>`;
}

export function fieldsXml(fields: Fields): string {
  let out = '';
  for (const [name, value] of Object.entries(fields)) out += `<${name}>${cdata(value)}</${name}>`;
  return out;
}

export function errorXml(code: string, message: string): string {
  return `${XML_HEAD}<xsync><error><error_code>${code}</error_code><message>${cdata(message)}</message></error></xsync>`;
}

export function answerXml(answer: Answer): string {
  if (answer.kind === 'error') return errorXml(answer.code, answer.message);
  let body = answer.fields ? fieldsXml(answer.fields) : '';
  if (answer.blocks) {
    for (const item of answer.blocks.items) body += `<${answer.blocks.name}>${fieldsXml(item)}</${answer.blocks.name}>`;
  }
  return `${XML_HEAD}<xsync>${body}</xsync>`;
}

/** Cut an answer mid-element: what a proxy or a crashed backend hands back sometimes. */
export function malform(xml: string): string {
  return xml.slice(0, Math.max(XML_HEAD.length + 8, Math.floor(xml.length * 0.6))) + '<';
}

/**
 * Decrypt regData into its fields. Like the real server, a wrong 보안키 or non-hex input does not
 * produce a special error: the fields are simply not found, and the handler's own
 * "필수항목누락" checks answer.
 */
export function decodeRegData(hex: string, securityKey: string): Map<string, string> {
  const fields = new Map<string, string>();
  let plain: string;
  try {
    plain = decryptRegData(hex, securityKey);
  } catch {
    return fields;
  }
  for (const pair of plain.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    fields.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return fields;
}

/** GET query and POST form-urlencoded parameters, merged (the body wins). */
export function requestParams(url: URL, body: string): Map<string, string> {
  const params = new Map<string, string>(url.searchParams);
  if (body) for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  return params;
}
