// The popup's state (signals outside components) and its verbs; the background is reached through
// the injected PopupApi so tests can drive it against the real handlers.
import { signal } from '@preact/signals';
import type { DashboardData } from '../../lib/messages';
import { STALE_WORKER_MESSAGE } from '../../lib/build-stamp';

export interface PopupApi {
  dashboard(): Promise<DashboardData>;
  syncNow(): Promise<{ started: boolean }>;
  openOptions(): Promise<void>;
  openUrl(url: string): Promise<void>;
  /** 미발급 rows on the admin page in the active tab, when known */
  unissuedInView?(): Promise<number | undefined>;
  /** true when the running worker is another build's (lib/build-stamp.ts): its answers are not read */
  workerIsStale?(): Promise<boolean>;
}

export function createPopupModel(api: PopupApi, opts: { pollMs?: number; fastPollMs?: number } = {}) {
  const data = signal<DashboardData | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  const requested = signal(false);
  const unissuedInView = signal<number | undefined>(undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    const got = await Promise.all([api.dashboard(), api.unissuedInView?.()]).catch((err: unknown) => err);
    // a worker of another build answers (or fails) in its own shape: say so, never render it
    if (await api.workerIsStale?.().catch(() => false)) {
      data.value = undefined;
      error.value = STALE_WORKER_MESSAGE;
      return;
    }
    if (!Array.isArray(got)) {
      error.value = got instanceof Error ? got.message : String(got);
      return;
    }
    [data.value, unissuedInView.value] = got;
    error.value = undefined;
  }

  /** Polls faster while a sync runs so the progress moves. */
  function start() {
    const tick = async () => {
      await refresh();
      const fast = data.value?.syncing || requested.value;
      timer = setTimeout(tick, fast ? (opts.fastPollMs ?? 700) : (opts.pollMs ?? 5000));
    };
    void tick();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  /** 「배송상태 수동 업데이트」 */
  async function syncNow() {
    requested.value = true;
    try {
      await api.syncNow();
      await refresh();
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      requested.value = false;
    }
  }

  return { data, error, requested, unissuedInView, refresh, start, stop, syncNow, openOptions: api.openOptions, openUrl: api.openUrl };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
