// An in-memory background for overlay tests: jobs advance one target per getJob poll and write
// shipments, so the model is tested against behaviour (numbers appear, states move), not call counts.
import type { Job } from '../../../lib/db/types';
import type { OrderParcels, RowShipment, StartJobRequest } from '../../../lib/messages';
import type { OrderPanelBackend } from '../../../lib/order-view/model';

export interface FakeBackend extends OrderPanelBackend {
  shipments: RowShipment[];
  jobs: Job[];
  opened: string[][];
  typed: string[];
  /** every 주문별/상품별 choice the overlay asked to keep */
  issueModes: string[];
  /** orders whose receiver phone is wrong (issue fails with 연락처오류) */
  badPhones: Set<string>;
}

export function createFakeBackend(): FakeBackend {
  let serial = 6_000_000_000_000;
  const b: FakeBackend = {
    shipments: [],
    jobs: [],
    opened: [],
    typed: [],
    issueModes: [],
    badPhones: new Set(),
    async setIssueMode({ issueMode }) {
      b.issueModes.push(issueMode);
    },
    async orderParcels({ orderNo }): Promise<OrderParcels> {
      return { parcels: b.shipments.filter((s) => s.orderNo === orderNo).map((s) => ({ ...s, events: [], updatedAt: 0 })), audit: [] };
    },
    async rowShipments({ orderNos }) {
      const want = new Set(orderNos);
      return b.shipments.filter((s) => want.has(s.orderNo)).map((s) => ({ ...s }));
    },
    async startJob(req: StartJobRequest) {
      const id = `job-${b.jobs.length + 1}`;
      const targets = (req.targets ?? []).map((t) => ({
        key:
          req.kind === 'pickup' ? `${t.orderNo}-R${t.itemSnos[0] ?? '1'}` : t.itemSnos.length ? `${t.orderNo}-${t.itemSnos[0]}` : t.orderNo,
        orderNo: t.orderNo,
        itemSnos: t.itemSnos,
        status: 'todo' as const,
      }));
      for (const key of req.keys ?? []) {
        const s = b.shipments.find((x) => x.key === key);
        if (s) targets.push({ key, orderNo: s.orderNo, itemSnos: s.itemSnos, status: 'todo' });
      }
      b.jobs.push({
        id,
        kind: req.kind,
        ...(req.claim ? { claim: req.claim } : {}),
        status: 'running',
        adminOrigin: req.adminOrigin,
        operatorId: req.operatorId,
        mode: req.mode,
        ...(req.thenReserve ? { thenReserve: true } : {}),
        targets,
        createdAt: 0,
        updatedAt: 0,
      });
      return { jobId: id };
    },
    async getJob({ jobId }) {
      const job = b.jobs.find((j) => j.id === jobId);
      if (!job) return undefined;
      const next = job.targets.find((t) => t.status === 'todo');
      if (next) advance(job, next);
      if (job.status !== 'done' && !job.targets.some((t) => t.status === 'todo')) {
        job.status = 'done';
        if (job.thenReserve) job.next = reserveMade(job);
      }
      return structuredClone(job);
    },
    async openLabels({ keys }) {
      b.opened.push(keys);
    },
    async reportTypedInvoices({ rows }) {
      b.typed.push(...rows.map((r) => r.invoiceNo));
      const orders = new Set(rows.map((r) => r.orderNo));
      return b.shipments.filter((s) => orders.has(s.orderNo)).map((s) => ({ ...s }));
    },
  };

  function advance(job: Job, t: Job['targets'][number]): void {
    if (job.kind === 'pickup') {
      b.shipments.push({ ...live(t), state: 'reserved', pickup: job.claim! });
      return void (t.status = 'done');
    }
    if (job.kind === 'issue') {
      const failed = b.badPhones.has(t.orderNo);
      b.shipments = b.shipments.filter((s) => s.key !== t.key || s.state !== 'failed');
      b.shipments.push(
        failed
          ? {
              key: t.key,
              baseKey: t.key,
              orderNo: t.orderNo,
              itemSnos: t.itemSnos,
              state: 'failed',
              regiNo: '',
              test: true,
              printed: false,
              contactError: true,
              message: '수령자 휴대폰 번호 형식 오류',
            }
          : live(t),
      );
      t.status = failed ? 'failed' : 'done';
      if (failed) t.message = '연락처오류: 수령자 휴대폰 번호 형식 오류';
      return;
    }
    const s = b.shipments.find((x) => x.key === t.key);
    if (!s) return void (t.status = 'skipped');
    s.state = job.kind === 'reserve' ? 'reserved' : 'void';
    t.status = 'done';
  }
  /** 발급 후 바로 예약, as the background does it: the issued parcels of the job's done targets */
  function reserveMade(job: Job): string | undefined {
    const done = new Set(job.targets.filter((t) => t.status === 'done').map((t) => t.key));
    const keys = b.shipments.filter((s) => done.has(s.baseKey) && s.state === 'issued').map((s) => s.key);
    if (!keys.length) return undefined;
    const id = `${job.id}-reserve`;
    const targets = keys.map((key) => ({
      key,
      orderNo: b.shipments.find((s) => s.key === key)!.orderNo,
      itemSnos: [],
      status: 'todo' as const,
    }));
    b.jobs.push({ ...job, id, kind: 'reserve', status: 'running', thenReserve: undefined, targets });
    return id;
  }
  /** a fresh live registration for a target, under the next re-issue key after a void one */
  function live(t: Job['targets'][number]): RowShipment {
    const voided = b.shipments.filter((s) => s.baseKey === t.key && s.state === 'void').length;
    return {
      key: voided ? `${t.key}-r${voided}` : t.key,
      baseKey: t.key,
      orderNo: t.orderNo,
      itemSnos: t.itemSnos,
      state: 'issued',
      regiNo: String(serial++),
      test: true,
      printed: false,
    };
  }
  return b;
}
