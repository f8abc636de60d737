// Korea Post answers in loosely shaped XML: the root element is undocumented, values are padded
// CDATA, element casing differs between endpoints (regipoNm / regiPoNm). So the parser builds a
// plain tree with lower-cased names and never depends on the root; lookups search anywhere.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EpostError, EpostTransportError } from './errors';

export interface XmlNode {
  /** element name, lower-cased */
  name: string;
  /** concatenated, trimmed text of this element's own text/CDATA children */
  text: string;
  children: XmlNode[];
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false, // keep '0005085217' as text: numbers here are identifiers
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function toNode(name: string, items: unknown): XmlNode {
  const node: XmlNode = { name: name.toLowerCase(), text: '', children: [] };
  let text = '';
  for (const item of Array.isArray(items) ? (items as Ordered[]) : []) {
    for (const [key, value] of Object.entries(item)) {
      if (key === '#text') text += String(value);
      else if (key !== ':@') node.children.push(toNode(key, value));
    }
  }
  node.text = text.trim();
  return node;
}

/** Parses any XML document into a tree under a synthetic '#document' node. Malformed → transport error. */
export function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^\uFEFF/, '').trim();
  const valid = body === '' ? false : XMLValidator.validate(body);
  if (valid !== true) {
    const why = valid === false ? '빈 응답' : valid.err.msg;
    // the request may well have been processed: the answer is what got lost
    throw new EpostTransportError(`우체국 응답을 해석할 수 없습니다 (${why})`, 200, true);
  }
  return toNode('#document', parser.parse(body));
}

/** Every element named `name` (case-insensitive) anywhere below `node`, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const want = name.toLowerCase();
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === want) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function findFirst(node: XmlNode, name: string): XmlNode | undefined {
  const want = name.toLowerCase();
  for (const c of node.children) {
    if (c.name === want) return c;
    const deeper = findFirst(c, want);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Trimmed text of the first `name` element anywhere below `node`; '' when absent. */
export function textOf(node: XmlNode, name: string): string {
  return findFirst(node, name)?.text ?? '';
}

/** Flattens a record element (e.g. one <resInfo>) into lower-cased field name → text. */
function fieldsOf(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of node.children) if (!(c.name in out)) out[c.name] = c.text;
  return out;
}

/** Records of a list: every `itemName` element anywhere; when there is none but the fields sit directly in the answer, that one record. */
export function recordsOf(root: XmlNode, itemName: string, probeField: string): Record<string, string>[] {
  const items = findAll(root, itemName);
  if (items.length > 0) return items.map(fieldsOf);
  const probe = findFirst(root, probeField);
  if (!probe) return [];
  return [fieldsOf(parentOf(root, probe) ?? root)];
}

function parentOf(root: XmlNode, target: XmlNode): XmlNode | undefined {
  for (const c of root.children) {
    if (c === target) return root;
    const p = parentOf(c, target);
    if (p) return p;
  }
  return undefined;
}

/** Korea Post's `<error><error_code>ERR-xxx</error_code><message>…</message></error>`, if present. */
export function epostErrorOf(root: XmlNode): EpostError | undefined {
  for (const err of findAll(root, 'error')) {
    const code = textOf(err, 'error_code') || textOf(err, 'errorcode') || textOf(err, 'code');
    if (code) return new EpostError(code, textOf(err, 'message') || textOf(err, 'error_message') || err.text);
  }
  // lenient: an error_code without the <error> wrapper, its message a sibling
  const bare = findFirst(root, 'error_code');
  if (bare?.text) {
    const parent = parentOf(root, bare);
    const message = parent?.children.find((c) => c.name === 'message' || c.name === 'error_message')?.text ?? '';
    return new EpostError(bare.text, message);
  }
  return undefined;
}

/** Parses a 계약소포 API answer; throws EpostError for an ERR answer, EpostTransportError when malformed. */
export function parseEpostResponse(xml: string): XmlNode {
  const root = parseXml(xml);
  const err = epostErrorOf(root);
  if (err) throw err;
  // an <error> that names no code is still an error, just not one we can act on: unknown, never "ok"
  if (findAll(root, 'error').length > 0) throw new EpostTransportError('우체국 오류 응답에 오류 코드가 없습니다', 200, true);
  return root;
}
