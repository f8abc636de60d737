// Asks the active tab how many 미발급 rows it shows. Unknown (undefined) on any other page or when the
// extension has no access to it — the popup then simply leaves the number out.
import { countUnissuedBadges } from '../../components/popup/view-count';

export async function unissuedInActiveTab(): Promise<number | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.id || !/^https?:/.test(tab.url ?? '')) return undefined;
    const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: countUnissuedBadges });
    return typeof result?.result === 'number' ? result.result : undefined;
  } catch {
    return undefined;
  }
}
