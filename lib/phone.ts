// Korean phone numbers written the usual way: dashes where the pattern is known
// (010-1234-5678, 02-123-4567, 061-392-1234, 0505-583-2695 안심번호, 1588-1234).
// Shared by the options form (what is saved) and the label (what is printed).

export function formatPhone(raw: string): string {
  const d = raw.replace(/\D/g, '');
  if (/^02\d{7,8}$/.test(d)) return `02-${d.slice(2, d.length - 4)}-${d.slice(-4)}`;
  if (/^050\d{8,9}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, d.length - 4)}-${d.slice(-4)}`;
  if (/^0\d{9,10}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, d.length - 4)}-${d.slice(-4)}`;
  if (/^1\d{7}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`; // 대표번호 1588-xxxx
  return raw.replace(/\s+/g, ' ').trim();
}
