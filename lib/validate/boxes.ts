// Box presets (박스 규격) as the options page edits them: one line per box,
// 「이름, 무게(kg), 크기(cm, 세 변의 합), 내용품 코드, 포장재 코드」 — the last two may be left out (then the
// shop's default box's). Korea Post prices a parcel by weight and size (InsertOrder weight 1–30 kg,
// volume 1–160 cm), so a shop shipping several box sizes picks the right one per order.
import type { Box } from '../settings';
import { CONT_CODE, PACKING_CODE, checkNumber } from './fields';
/** 기본 is the default box (the settings' defaults); a preset may not take its name */
const DEFAULT_BOX_NAME = '기본';
const MAX_BOXES = 12;

export function boxesText(boxes: readonly Box[]): string {
  return boxes.map((b) => [b.name, b.weight, b.volume, b.contCd, b.packngMtrCd].join(', ')).join('\n');
}

/** The boxes of the text, or the first problem in Korean (which line, what is wrong). */
export function parseBoxes(text: string, defaults: Pick<Box, 'contCd' | 'packngMtrCd'>): { boxes: Box[] } | { error: string } {
  const boxes: Box[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const at = `박스 규격 ${i + 1}번째 줄`;
    const [name = '', weight = '', volume = '', contCd = defaults.contCd, packngMtrCd = defaults.packngMtrCd, ...extra] = raw
      .split(',')
      .map((p) => p.trim());
    if (extra.length) return { error: `${at}: 「이름, 무게, 크기, 내용품 코드, 포장재 코드」까지만 쉼표로 나누어 입력해 주세요.` };
    if (!name || name.length > 20 || /[<>]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 32))
      return { error: `${at}: 박스 이름(20자 이내)을 입력해 주세요.` };
    if (name === DEFAULT_BOX_NAME) return { error: `${at}: 「${DEFAULT_BOX_NAME}」은 기본 무게·크기의 이름입니다. 다른 이름을 써 주세요.` };
    if (boxes.some((b) => b.name === name)) return { error: `${at}: 같은 이름(${name})의 박스가 이미 있습니다.` };
    const badNumber = checkNumber('무게(kg)', 1, 30)(weight) ?? checkNumber('크기(cm)', 1, 160)(volume);
    if (badNumber) return { error: `${at}: ${badNumber}` };
    if (!CONT_CODE.test(contCd)) return { error: `${at}: 내용품 코드는 021~029 중 하나입니다.` };
    if (!PACKING_CODE.test(packngMtrCd)) return { error: `${at}: 포장재 코드는 01, 03, 05, 09 중 하나입니다.` };
    boxes.push({ name, weight: Number(weight), volume: Number(volume), contCd, packngMtrCd });
  }
  if (boxes.length > MAX_BOXES) return { error: `박스 규격은 ${MAX_BOXES}개까지 등록할 수 있습니다.` };
  return { boxes };
}
