// The background accepts messages from the extension's own pages (anything) and from its content
// script on an admin page (overlay messages about that origin only); everyone else is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSettings } from '../../../lib/settings';
import { contentSender, OPTIONS_SENDER, startTestBackground, type TestBackground } from './helpers';

let bg: TestBackground;
afterEach(async () => bg?.close());

describe('sender gate (production build)', () => {
  beforeEach(async () => {
    bg = await startTestBackground();
  });

  it('answers the options page', async () => {
    const r = await bg.send('getSettings', undefined, OPTIONS_SENDER);
    expect(r.err).toBeUndefined();
    expect(r.res.settings.syncIntervalMinutes).toBe(120);
    expect(r.res.secretsSet).toEqual({ apiKey: false, securityKey: false, traceKey: false, dataGoKrKey: false });
  });

  it('refuses another extension, even for harmless reads', async () => {
    const r = await bg.send('dashboard', undefined, { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/x.html' });
    expect(r.res).toBeUndefined();
    expect(r.err?.message).toMatch(/허용되지 않은 요청/);
  });

  it('refuses a sender with no id (a web page)', async () => {
    const r = await bg.send('rowShipments', { adminOrigin: 'https://evil.example', orderNos: [] }, { url: 'https://evil.example/' });
    expect(r.err?.message).toMatch(/허용되지 않은 요청/);
  });

  it('lets the content script on a godomall admin ask about its own rows only', async () => {
    const admin = 'https://gdadmin.myshop.godomall.com';
    const sender = contentSender(`${admin}/order/order_list_pay.php`);
    const ok = await bg.send('rowShipments', { adminOrigin: admin, orderNos: ['2401011234567890'] }, sender);
    expect(ok.err).toBeUndefined();
    expect(ok.res).toEqual([]);
    const other = await bg.send('rowShipments', { adminOrigin: 'https://gdadmin.other.godomall.com', orderNos: [] }, sender);
    expect(other.err?.message).toMatch(/다른 관리자 주소/);
  });

  it('shows a job only to its own admin origin', async () => {
    const a = 'https://gdadmin.a.godomall.com';
    const b = 'https://gdadmin.b.godomall.com';
    await bg.ctx.db.jobs.put({
      id: 'issue-x',
      kind: 'issue',
      status: 'done',
      adminOrigin: a,
      operatorId: 'admin',
      createdAt: 1,
      updatedAt: 1,
    });
    expect((await bg.send('getJob', { jobId: 'issue-x' }, contentSender(`${a}/order/order_list_pay.php`))).res?.id).toBe('issue-x');
    const other = await bg.send('getJob', { jobId: 'issue-x' }, contentSender(`${b}/order/order_list_pay.php`));
    expect(other.err).toBeUndefined();
    expect(other.res).toBeUndefined();
  });

  it("a list opened mid-job finds its own admin's running job, never another admin's", async () => {
    const a = 'https://gdadmin.a.godomall.com';
    const b = 'https://gdadmin.b.godomall.com';
    await bg.ctx.db.jobs.put({
      id: 'issue-run',
      kind: 'issue',
      status: 'running',
      adminOrigin: a,
      operatorId: 'admin',
      createdAt: 5,
      updatedAt: 5,
    });
    const mine = await bg.send('runningJob', { adminOrigin: a }, contentSender(`${a}/order/order_list_pay.php`));
    expect(mine.res?.id).toBe('issue-run');
    expect((await bg.send('runningJob', { adminOrigin: b }, contentSender(`${b}/order/order_list_pay.php`))).res).toBeUndefined();
    const claimed = await bg.send('runningJob', { adminOrigin: a }, contentSender(`${b}/order/order_list_pay.php`));
    expect(claimed.err?.message).toMatch(/다른 관리자 주소/);
    // the supplier admin's pages see the supplier's jobs only
    expect(
      (
        await bg.send(
          'runningJob',
          { adminOrigin: a, adminBase: `${a}/provider/order/` },
          contentSender(`${a}/provider/order/order_list_pay.php`),
        )
      ).res,
    ).toBeUndefined();
  });

  it('never lets a content script read settings, save them or call Korea Post', async () => {
    const sender = contentSender('https://gdadmin.myshop.godomall.com/order/order_list_pay.php');
    for (const [type, data] of [
      ['getSettings', undefined],
      ['saveSettings', { settings: { testMode: true } }],
      ['verifyMember', { memberId: 'testshop' }],
      ['registerAdminOrigin', { origin: 'https://x.example' }],
    ] as const) {
      const r = await bg.send(type, data, sender);
      expect(r.err?.message, type).toMatch(/관리자 페이지에서 보낼 수 없는 요청/);
    }
    // its one setting: the 주문별/상품별 choice, and only a valid one
    expect((await bg.send('setIssueMode', { issueMode: 'item' }, sender)).err).toBeUndefined();
    expect((await bg.ctx.loadSettings()).issueMode).toBe('item');
    expect((await bg.send('setIssueMode', { issueMode: 'testMode' }, sender)).err?.message).toContain('발급방법');
    expect((await bg.ctx.loadSettings()).testMode).toBe(false);
  });

  it('refuses a content script on a page that is not an admin, and loopback outside the sandbox build', async () => {
    for (const url of ['https://www.myshop.co.kr/goods/view.php', 'http://127.0.0.1:8080/order/order_list_pay.php']) {
      const origin = new URL(url).origin;
      const r = await bg.send('rowShipments', { adminOrigin: origin, orderNos: [] }, contentSender(url));
      expect(r.err?.message, url).toMatch(/not an admin page/);
    }
  });

  it('accepts an own-domain admin once the operator granted it', async () => {
    const admin = 'https://gdadmin.myshop.co.kr';
    const sender = contentSender(`${admin}/order/order_list_goods.php`);
    expect((await bg.send('rowShipments', { adminOrigin: admin, orderNos: [] }, sender)).err).toBeDefined();
    await saveSettings({ adminOrigins: [admin] });
    expect((await bg.send('rowShipments', { adminOrigin: admin, orderNos: [] }, sender)).err).toBeUndefined();
  });
});

describe('sender gate (sandbox build)', () => {
  it('accepts the loopback admin simulator', async () => {
    bg = await startTestBackground({ sandbox: true });
    const url = 'http://127.0.0.1:8080/order/order_list_pay.php';
    const r = await bg.send('rowShipments', { adminOrigin: 'http://127.0.0.1:8080', orderNos: [] }, contentSender(url));
    expect(r.err).toBeUndefined();
  });

  it('refuses an issue job whose groups to combine are not groups of its own orders, starting nothing', async () => {
    bg = await startTestBackground();
    const a = 'https://gdadmin.a.godomall.com';
    const sender = contentSender(`${a}/order/order_list_pay.php`);
    const base = {
      kind: 'issue',
      adminOrigin: a,
      operatorId: 'kim',
      mode: 'order',
      targets: ['2611280000000001', '2611280000000002'].map((orderNo) => ({ orderNo, itemSnos: [] })),
    };
    for (const combine of [
      [['2611280000000001']],
      [['2611280000000001', '2611280000000009']],
      [
        ['2611280000000001', '2611280000000002'],
        ['2611280000000002', '2611280000000001'],
      ],
      'x',
    ]) {
      const r = await bg.send('startJob', { ...base, combine }, sender);
      expect(r.err?.message).toBe('한 송장으로 합칠 주문 묶음이 올바르지 않아 작업을 시작하지 않았습니다.');
    }
    const item = await bg.send('startJob', { ...base, mode: 'item', combine: [['2611280000000001', '2611280000000002']] }, sender);
    expect(item.err?.message).toContain('합칠 주문 묶음이 올바르지 않아');
    expect(await bg.ctx.db.jobs.count()).toBe(0);
  });

  it('starts a 반품 회수 job only for a claim list it names (b or e), with order targets', async () => {
    bg = await startTestBackground();
    const a = 'https://gdadmin.a.godomall.com';
    const sender = contentSender(`${a}/order/order_list_back.php`);
    const base = {
      kind: 'pickup',
      adminOrigin: a,
      operatorId: 'kim',
      mode: 'order',
      targets: [{ orderNo: '2611280000000001', itemSnos: ['10001'] }],
    };
    for (const claim of [undefined, 'x', 'r']) {
      const r = await bg.send('startJob', { ...base, claim }, sender);
      expect(r.err?.message).toBe('반품·교환 목록에서만 회수를 접수할 수 있습니다.');
    }
    const keysOnly = await bg.send('startJob', { ...base, claim: 'b', targets: undefined, keys: ['2611280000000001'] }, sender);
    expect(keysOnly.err?.message).toBe('선택한 주문이 없습니다.');
    expect(await bg.ctx.db.jobs.count()).toBe(0);
    const ok = await bg.send('startJob', { ...base, claim: 'b' }, sender);
    expect(ok.err).toBeUndefined();
    const job = await bg.ctx.db.jobs.toArray();
    expect(job.map((j) => [j.kind, j.claim])).toEqual([['pickup', 'b']]);
  });
});
