// JSON control API under /__sandbox/ — the out-of-process twin of `SandboxControl`:
//   GET  /__sandbox/state                       parcels, counts, faults, clock
//   GET  /__sandbox/registrations?orderNo=…     every InsertOrder registered for that orderNo
//   GET  /__sandbox/parcel?regiNo=…             one parcel
//   POST /__sandbox/clock   {advanceHours?, advanceSteps?}   (steps: every live parcel n scans on)
//   POST /__sandbox/faults  {scope?, seed?, clear?, latencyMs?, lateCommitMs?, <fault kind>?: rate | {next}} (kinds: faults.ts)
//   POST /__sandbox/parcel  {regiNo, action: pickUp|printWaybill|advance|deliver|undeliver|stuck|unstick, steps?, reason?}
//   POST /__sandbox/reset
import type { SandboxControl } from './control.ts';
import { FAULT_KINDS, type FaultSettings } from './faults.ts';
import type { ParcelAction } from './tracking.ts';

export interface JsonReply {
  status: number;
  body: unknown;
}

const ACTIONS = ['pickUp', 'printWaybill', 'advance', 'deliver', 'undeliver', 'stuck', 'unstick'];

export function handleControl(control: SandboxControl, method: string, url: URL, rawBody: string): JsonReply {
  const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  let body: Record<string, unknown> = {};
  try {
    if (rawBody) body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return { status: 400, body: { error: '잘못된 JSON 본문입니다.' } };
  }
  try {
    switch (route) {
      case 'GET /__sandbox/state':
        return { status: 200, body: control.state() };
      case 'GET /__sandbox/registrations': {
        const orderNo = url.searchParams.get('orderNo') ?? '';
        const registrations = control.registrations(orderNo);
        return { status: 200, body: { orderNo, count: registrations.length, registrations } };
      }
      case 'GET /__sandbox/parcel': {
        const parcel = control.parcel(url.searchParams.get('regiNo') ?? '');
        return parcel ? { status: 200, body: parcel } : { status: 404, body: { error: '소포가 없습니다.' } };
      }
      case 'POST /__sandbox/clock': {
        const hours = Number(body.advanceHours ?? 0);
        const now = control.advanceHours(hours);
        const moved = body.advanceSteps === undefined ? 0 : control.advanceSteps(Number(body.advanceSteps));
        return { status: 200, body: { now, moved } };
      }
      case 'POST /__sandbox/faults': {
        if (body.clear === true) control.clearFaults();
        if (typeof body.seed === 'number') control.seedFaults(body.seed);
        const settings: FaultSettings = {};
        if (body.latencyMs !== undefined) settings.latencyMs = Number(body.latencyMs);
        if (body.lateCommitMs !== undefined) settings.lateCommitMs = Number(body.lateCommitMs);
        for (const kind of FAULT_KINDS) if (body[kind] !== undefined) settings[kind] = body[kind] as FaultSettings[typeof kind];
        if (Object.keys(settings).length > 0) control.setFaults(settings, typeof body.scope === 'string' ? body.scope : 'all');
        return { status: 200, body: control.state().faults };
      }
      case 'POST /__sandbox/parcel': {
        const action = String(body.action ?? '');
        if (!ACTIONS.includes(action)) return { status: 400, body: { error: `action: ${ACTIONS.join('|')}` } };
        const parsed = { action, steps: body.steps === undefined ? undefined : Number(body.steps), reason: body.reason } as ParcelAction;
        return { status: 200, body: control.parcelAction(String(body.regiNo ?? ''), parsed) };
      }
      case 'POST /__sandbox/reset':
        control.reset();
        return { status: 200, body: { ok: true } };
      default:
        return { status: 404, body: { error: `unknown control route ${route}` } };
    }
  } catch (err) {
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}
