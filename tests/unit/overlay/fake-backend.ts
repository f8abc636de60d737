// An in-memory background for overlay tests: jobs advance one target per getJob poll and write
// shipments, so the model is tested against behaviour (numbers appear, states move), not call counts.
import type { Job } from '../../../lib/db/types';
import type { RowShipment, StartJobRequest } from '../../../lib/messages';
import type { OverlayBackend } from '../../../lib/overlay/model';

export interface FakeBackend extends OverlayBackend {
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
    async rowShipments({ orderNos }) {
      const want = new Set(orderNos);
      return b.shipments.filter((s) => want.has(s.orderNo)).map((s) => ({ ...s }));
    },
    async startJob(req: StartJobRequest) {
      const id = `job-${b.jobs.length + 1}`;
      const targets = (req.targets ?? []).map((t) => ({
        key: t.itemSnos.length ? `${t.orderNo}-${t.itemSnos[0]}` : t.orderNo,
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
        status: 'running',
        adminOrigin: req.adminOrigin,
        operatorId: req.operatorId,
        mode: req.mode,
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
      if (!job.targets.some((t) => t.status === 'todo')) job.status = 'done';
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
    if (job.kind === 'issue') {
      const failed = b.badPhones.has(t.orderNo);
      b.shipments = b.shipments.filter((s) => s.key !== t.key || s.state !== 'failed');
      b.shipments.push({
        key: t.key,
        baseKey: t.key,
        orderNo: t.orderNo,
        itemSnos: t.itemSnos,
        state: failed ? 'failed' : 'issued',
        regiNo: failed ? '' : String(serial++),
        test: true,
        printed: false,
        ...(failed ? { contactError: true, message: '수령자 휴대폰 번호 형식 오류' } : {}),
      });
      t.status = failed ? 'failed' : 'done';
      if (failed) t.message = '연락처오류: 수령자 휴대폰 번호 형식 오류';
      return;
    }
    const s = b.shipments.find((x) => x.key === t.key);
    if (!s) return void (t.status = 'skipped');
    s.state = job.kind === 'reserve' ? 'reserved' : 'void';
    t.status = 'done';
  }
  return b;
}
