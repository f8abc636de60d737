// 연락처오류: a receiver phone with letters, special characters or a wrong length gets no number.

/** Digits of a Korean phone number, or undefined when the text is not one. Hyphens, dots and spaces are separators. */
export function phoneDigits(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (!/^[\d. -]+$/.test(t)) return undefined; // letters, (), +, / … → wrong format
  const d = t.replace(/[-. ]/g, '');
  if (!d.startsWith('0')) return undefined;
  // 02-123-4567 is 9 digits; mobiles 10–11; 050x 안심번호 up to 12 (recTel/recMob are 12 long)
  if (d.length < 9 || d.length > 12) return undefined;
  if (/^01/.test(d) && (d.length < 10 || d.length > 11)) return undefined;
  return d;
}

export type PhoneCheck = { ok: true; tel: string; mobile: string } | { ok: false; reason: string };

export function checkReceiverPhones(phone: string, cell: string): PhoneCheck {
  const bad: string[] = [];
  const tel = phone.trim() ? phoneDigits(phone) : '';
  const mob = cell.trim() ? phoneDigits(cell) : '';
  if (tel === undefined) bad.push(`전화번호 「${phone.trim()}」`);
  if (mob === undefined) bad.push(`휴대폰번호 「${cell.trim()}」`);
  if (bad.length)
    return { ok: false, reason: `연락처오류: 수령자 ${bad.join(', ')} 형식이 올바르지 않습니다. 주문 상세에서 수정한 뒤 다시 발급하세요.` };
  if (!tel && !mob) return { ok: false, reason: '연락처오류: 수령자 연락처가 없습니다. 주문 상세에서 입력한 뒤 다시 발급하세요.' };
  // Korea Post wants digits only; recMob takes a mobile (01x) number, anything else (landline,
  // 050x 안심번호 that replaces the phone on the detail page) goes to recTel
  const numbers = [mob, tel].filter((n): n is string => !!n);
  const mobile = numbers.find((n) => /^01/.test(n)) ?? '';
  const landline = numbers.find((n) => !/^01/.test(n)) ?? '';
  return { ok: true, tel: landline, mobile };
}
