// The order page's 「우체국택배」 panel: the order's parcels (number, state, kind, scans) and audit, and
// the actions the rules allow on them. Every action is a list job run by the list overlay's own model
// (lib/overlay/model.ts) over this order's rows — the same messages, confirms and exactly-once rules
// as on the lists; this model only picks the rows a button acts on and reloads the journal after it.
import { batch, computed, signal } from '@preact/signals';
import type { IssueMode } from '../db/types';
import type { ListRow, OrderTab } from '../godomall/types';
import type { OrderParcel, OrderParcels } from '../message-data';
import type { BackgroundClient } from '../messages';
import { createOverlayModel, type OverlayBackend, type OverlayDeps, type OverlayModel } from '../overlay/model';
import type { Badge } from '../overlay/badge';
import { issueTargets, pickupTargets, reshipTargets } from '../overlay/targets';
import { allowedActions, type PanelAction } from './rules';

export type Claim = 'b' | 'e';

/** The lists' messages and the order's parcels (its one message of its own). */
export type OrderPanelBackend = OverlayBackend & Pick<BackgroundClient, 'orderParcels'>;

export interface OrderPanelDeps extends Omit<OverlayDeps, 'backend' | 'claim' | 'reship' | 'fetchSearchRows' | 'jobMemory'> {
  backend: OrderPanelBackend;
  orderNo: string;
  /** the order's rows of one goods tab (lib/order-view/page.ts fetchTabRows) */
  tabRows(tab: OrderTab): Promise<ListRow[]>;
}

/**
 * 배송 (to the customer), 반품 회수, 교환 회수 (return pickups of the order's claims), 교환 재배송 (an
 * exchange's replacement items, 교환추가, to the customer).
 */
export type ParcelKind = 'delivery' | 'returnPickup' | 'exchangePickup' | 'exchangeReship';

export interface ParcelView {
  parcel: OrderParcel;
  kind: ParcelKind;
  /** what the rules allow on it now; empty for a parcel no row of the order shows any more (void, failed, superseded) */
  actions: ReadonlySet<PanelAction>;
}

const CLAIM_TAB: Record<Claim, OrderTab> = { b: 'back', e: 'exchange' };

function kindOf(p: OrderParcel): ParcelKind {
  if (p.reship) return 'exchangeReship';
  return p.pickup === 'b' ? 'returnPickup' : p.pickup === 'e' ? 'exchangePickup' : 'delivery';
}

export function createOrderPanelModel(deps: OrderPanelDeps) {
  const { orderNo } = deps;
  const common = { ...deps, backend: deps.backend };
  // one list model per kind of row: the 주문내역 tab's items (parcels to the customer), each claim tab's
  // items (their return pickups) and the 교환추가내역 tab's (their 교환 재배송 parcels), exactly as the
  // order lists, the claim lists and the 교환추가 list run them
  const delivery = createOverlayModel(common);
  const pickups: Record<Claim, OverlayModel> = {
    b: createOverlayModel({ ...common, claim: 'b' }),
    e: createOverlayModel({ ...common, claim: 'e' }),
  };
  const replacement = createOverlayModel({ ...common, reship: true });
  const models = [delivery, pickups.b, pickups.e, replacement];
  const modelOf = (p: OrderParcel) => (p.pickup ? pickups[p.pickup] : p.reship ? replacement : delivery);

  const data = signal<OrderParcels | undefined>(undefined);
  const loadError = signal<string | undefined>(undefined);
  const claimRows = signal<Record<Claim, number>>({ b: 0, e: 0 });
  const replacementRows = signal(0);
  const loaded = signal(false);

  const busy = computed(() => models.some((m) => m.busy.value));
  /** badge of the row that shows this parcel, per model (a shipment key is shown by at most its rows) */
  const badgeOf = (m: OverlayModel, key: string): Badge | undefined => m.views.value.find((v) => v.badge.shipmentKey === key)?.badge;
  const parcels = computed<ParcelView[]>(() =>
    (data.value?.parcels ?? []).map((parcel) => {
      const badge = badgeOf(modelOf(parcel), parcel.key);
      return { parcel, kind: kindOf(parcel), actions: badge ? allowedActions(badge) : new Set<PanelAction>() };
    }),
  );
  // enabled exactly when the list job would find something to do: the lists' own target rules
  // (주문별: no item of the order has a number; a pickup only for claims at b1/e1), with the adapter's answer per row
  const allows = (action: PanelAction) => (b: Badge) => allowedActions(b).has(action);
  const canIssue = computed(() => issueTargets(delivery.views.value, delivery.mode.value, allows('issue')).length > 0);
  /** a number of this order was cancelled: the next issue is a 재발급 (a new number under `-r<n>`) */
  const reissue = computed(() => (data.value?.parcels ?? []).some((p) => !p.pickup && !p.reship && p.state === 'void'));
  const canReship = computed(() => reshipTargets(replacement.views.value, delivery.mode.value, allows('issue')).length > 0);
  const canPickup = computed<Record<Claim, boolean>>(() => ({
    b: pickupTargets(pickups.b.views.value, 'b', allows('pickup')).length > 0,
    e: pickupTargets(pickups.e.views.value, 'e', allows('pickup')).length > 0,
  }));

  const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

  async function loadTab(m: OverlayModel, tab: OrderTab): Promise<number> {
    const rows = await deps.tabRows(tab);
    await m.loadRows(rows);
    return rows.length;
  }

  /** Reads the goods tabs and the journal again: after opening, and after every job. */
  async function refresh(): Promise<void> {
    try {
      const [, b, e, z, got] = await Promise.all([
        loadTab(delivery, 'order'),
        loadTab(pickups.b, CLAIM_TAB.b),
        loadTab(pickups.e, CLAIM_TAB.e),
        loadTab(replacement, 'exchangeAdd'),
        deps.backend.orderParcels({ adminOrigin: deps.adminOrigin, orderNo }),
      ]);
      batch(() => {
        data.value = got;
        claimRows.value = { b, e };
        replacementRows.value = z;
        loadError.value = undefined;
        loaded.value = true;
      });
    } catch (err) {
      if (deps.signal?.aborted) return;
      batch(() => {
        loadError.value = deps.t('overlayOrderLoadFailed', reason(err));
        loaded.value = true;
      });
    }
  }

  /** Runs one list action of `m` on the rows that show `key` (or all its rows), then reloads. */
  async function onRows(m: OverlayModel, action: () => Promise<void>, key?: string): Promise<void> {
    if (busy.value) return;
    m.setSelection(m.views.value.filter((v) => key === undefined || v.badge.shipmentKey === key).map((v) => v.row.key));
    await action();
    await refresh();
  }

  const parcelByKey = (key: string) => data.value?.parcels.find((p) => p.key === key);

  return {
    orderNo,
    loaded: computed(() => loaded.value),
    loadError: computed(() => loadError.value),
    parcels,
    /** newest first */
    audit: computed(() => data.value?.audit ?? []),
    busy,
    mode: delivery.mode,
    canIssue,
    reissue,
    canPickup,
    /** whether the order has items in the 반품 / 교환 tab at all (the pickup buttons show only then) */
    claimRows: computed(() => claimRows.value),
    /** how many replacement items (교환추가) the order has (the 교환 재배송 button shows only then) */
    replacementRows: computed(() => replacementRows.value),
    canReship,
    /** the list models, for their notices and job panels */
    models,
    refresh,
    chooseMode(mode: IssueMode): void {
      delivery.chooseMode(mode);
    },
    /** 발급 / 재발급 of this order, 주문별 or 상품별 as chosen */
    issue: () => onRows(delivery, delivery.issueSelected),
    async reserve(key: string): Promise<void> {
      const p = parcelByKey(key);
      if (p) await onRows(modelOf(p), modelOf(p).reserveSelected, key);
    },
    async cancel(key: string): Promise<void> {
      const p = parcelByKey(key);
      if (p) await onRows(modelOf(p), modelOf(p).cancelSelected, key);
    },
    async print(key: string): Promise<void> {
      const p = parcelByKey(key);
      if (busy.value || !p) return;
      const m = modelOf(p);
      m.setSelection(m.views.value.filter((v) => v.badge.shipmentKey === key).map((v) => v.row.key));
      await m.printSelected();
    },
    /** 교환 재배송 발급 of this order's replacement items (교환추가), 주문별 or 상품별 as chosen */
    reship: () => onRows(replacement, replacement.issueSelected),
    /** 반품 / 교환 회수 접수 of this order's claim items */
    pickup: (claim: Claim) => onRows(pickups[claim], pickups[claim].pickupSelected),
  };
}

export type OrderPanelModel = ReturnType<typeof createOrderPanelModel>;
