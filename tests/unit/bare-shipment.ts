// A journal row with only what a test names: every Korea Post answer field blank (UNANSWERED), no
// receiver read. The rich row with a real answer's values is labels/shipment.fixture.ts.
import type { Shipment } from '../../lib/db/types';
import { UNANSWERED, UNKNOWN_RECEIVER } from '../../lib/shipments/unanswered';

export function bareShipment(key: string, patch: Partial<Shipment> = {}): Shipment {
  return {
    key,
    baseKey: key,
    reissue: 0,
    mode: 'order',
    orderNo: key,
    itemSnos: [],
    adminOrigin: 'https://gdadmin.shop.godomall.com',
    state: 'issued',
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: '',
    ...UNANSWERED,
    reqYmd: '',
    receiver: UNKNOWN_RECEIVER,
    goods: [],
    delivMsg: '',
    godomallStatus: 'p1',
    warnings: [],
    createdAt: 1,
    updatedAt: 1,
    operatorId: 'admin',
    ...patch,
  };
}
