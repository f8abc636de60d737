// getSettings / saveSettings. Pages see settings and only WHICH secrets are set; the connection state
// and the admin-origin list are owned by the background (verify / registerAdminOrigin), so a page
// cannot write them directly.
import { DEFAULT_SETTINGS, type Secrets, type Settings } from '../../settings';
import { boxesText, parseBoxes } from '../../validate/boxes';
import type { BackgroundContext } from '../context';

/** Settings keys a page may change through saveSettings. */
const WRITABLE: ReadonlyArray<keyof Settings> = [
  'memberId',
  'custNo',
  'apprNo',
  'postNm',
  'payTypeNm',
  'sender',
  'companyName',
  'ceoName',
  'bizNo',
  'email',
  'tel',
  'mobile',
  'labelPrinter',
  'testMode',
  'endpoints',
  'syncIntervalMinutes',
  'stuckDays',
  'concurrency',
  'issueMode',
  'defaults',
  'deliveryMessage',
  'label',
  'trackingSource',
  'trackingDailyBudget',
  'archiveAfterDays',
  'returnClaimStatus',
  'reserveAfterIssue',
  'boxes',
];

/** Changing these invalidates a verified connection: the operator must 「연동 확인」 again. */
const CONNECTION_KEYS: ReadonlyArray<keyof Settings> = ['memberId', 'endpoints'];

export async function getSettings(ctx: BackgroundContext) {
  const [settings, secretsSet] = await Promise.all([ctx.loadSettings(), ctx.secrets.which()]);
  return { settings, secretsSet };
}

export async function saveSettingsFromPage(
  ctx: BackgroundContext,
  data: { settings: Partial<Settings>; secrets?: Partial<Secrets> },
): Promise<{ settings: Settings }> {
  const current = await ctx.loadSettings();
  const patch: Partial<Settings> = {};
  for (const key of WRITABLE) {
    if (data.settings && key in data.settings) (patch as Record<string, unknown>)[key] = data.settings[key];
  }
  if (!ctx.sandbox) delete patch.endpoints;
  checkNumbers(patch);
  const keysChanged = !!(data.secrets?.apiKey?.trim() || data.secrets?.securityKey?.trim());
  const connChanged = CONNECTION_KEYS.some((k) => k in patch && JSON.stringify(patch[k]) !== JSON.stringify(current[k]));
  if (data.secrets) await ctx.secrets.set(data.secrets);
  if (keysChanged || connChanged) patch.connection = { state: 'unset' };
  return { settings: await ctx.saveSettings(patch) };
}

/** The edge check: numbers a page sends must be finite and in range, or nothing is saved. */
function checkNumbers(p: Partial<Settings>) {
  const bad = (n: unknown, min: number, max: number) => typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max;
  if ('syncIntervalMinutes' in p && bad(p.syncIntervalMinutes, 30, 1440)) throw new Error('동기화 주기는 30~1440분입니다.');
  if ('stuckDays' in p && bad(p.stuckDays, 1, 30)) throw new Error('정체 판단 일수는 1~30일입니다.');
  if ('concurrency' in p && bad(p.concurrency, 1, 8)) throw new Error('동시 처리 수는 1~8입니다.');
  if (p.defaults && (bad(p.defaults.weight, 1, 30) || bad(p.defaults.volume, 1, 160))) {
    throw new Error('기본 무게(1~30kg)와 크기(1~160cm)를 확인해 주세요.');
  }
  if ('boxes' in p) {
    const checked = Array.isArray(p.boxes) ? parseBoxes(boxesText(p.boxes), DEFAULT_SETTINGS.defaults) : { error: '' };
    if ('error' in checked || checked.boxes.length !== p.boxes!.length)
      throw new Error(`박스 규격을 확인해 주세요. ${'error' in checked ? checked.error : ''}`.trim());
  }
}

/** The one setting an admin page may change: its 주문별/상품별 choice (nothing else of the settings). */
export async function setIssueMode(ctx: BackgroundContext, data: { issueMode: string }): Promise<void> {
  const issueMode = data?.issueMode;
  if (issueMode !== 'order' && issueMode !== 'item') throw new Error('발급방법(주문별/상품별)을 확인해 주세요.');
  await ctx.saveSettings({ issueMode });
}
