// The shop's own status labels (주문 상태 설정 renames them and adds g5+), read from a page that
// prints them: a list's 일괄처리 select or the settings page. For display only; logic uses codes.
import { SEL } from './selectors';
import { isStatusCode } from './statuses';
import { normSpace } from './dom';

export function readStatusLabels(doc: ParentNode): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const option of Array.from(doc.querySelectorAll(`${SEL.statusSelectTop} option, ${SEL.statusSelectBottom} option`))) {
    const code = option.getAttribute('value') ?? '';
    if (isStatusCode(code)) labels[code] = normSpace(option.textContent ?? '');
  }
  // 주문 상태 설정: input[name="orderStatus[<code>][user]"]
  for (const input of Array.from(doc.querySelectorAll('input[name^="orderStatus["][name$="][user]"]'))) {
    const code = /^orderStatus\[([a-z]\d{1,2})\]\[user\]$/.exec(input.getAttribute('name') ?? '')?.[1];
    if (code) labels[code] = (input.getAttribute('value') ?? '').trim();
  }
  return labels;
}
