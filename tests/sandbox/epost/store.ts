// Parcels the simulator has registered, the numbers it hands out, and every registration per
// orderNo (InsertOrder is not idempotent: a duplicate orderNo is registered again, and counted).
import type { Sorting } from './areas.ts';
import { kstYmd } from './kst.ts';

export const TEST_REGI_NO = 'TESTREGINOAPI';

export interface Parcel {
  regiNo: string;
  reqNo: string;
  resNo: string;
  orderNo: string;
  custNo: string;
  apprNo: string;
  payType: string;
  reqType: string;
  officeSer: string;
  /** KST date of the request: GetResInfo finds the parcel by orderNo + this date */
  reqYmd: string;
  resDate: string;
  registeredAt: number;
  test: boolean;
  printYn: 'Y' | 'N';
  price: string;
  vTelNo: string;
  regiPoNm: string;
  sorting: Sorting;
  senderNm: string;
  recNm: string;
  recZip: string;
  recAddr1: string;
  insuFee: string;
  islandAddFee: string;
  /** the box as sent (weight kg, volume cm, 내용품 code): what the tariff is computed from */
  weight: string;
  volume: string;
  contCd: string;
  /** 반품소포: the original number the request named (empty when none) */
  retOrigRegiNo: string;
  /** 반품소포: the KST day (YYYYMMDD) the courier visits the customer; empty for a 일반소포 */
  retVisitYmd: string;
  /** the waybill was printed after registration (a 반품소포's courier at the door): treatStusCd 02 */
  waybillPrinted?: boolean;
  goodsNm: string;
  /** tracking lifecycle (see tracking.ts) */
  timelineStart: number;
  stuckAt?: number;
  undeliveredReason?: string;
  /** `deleted`: cancelled with delYn=Y, so GetResInfo no longer lists it */
  cancel?: { at: number; newRegiNo: string; cancelDate: string; deleted: boolean };
}

export interface Registration {
  orderNo: string;
  regiNo: string;
  reqNo: string;
  resNo: string;
  at: number;
  test: boolean;
}

export class ParcelStore {
  private byRegiNo = new Map<string, Parcel>();
  private byOrderNo = new Map<string, Parcel[]>();
  private registrationsByOrder = new Map<string, Registration[]>();
  /** numbers ever handed out, including those voided by a cancel: never reused */
  private issuedRegiNos = new Set<string>();
  private seq = 0;
  private regiSeq = 0;
  private parcelsInOrder: Parcel[] = [];

  nextSeq(): number {
    return ++this.seq;
  }

  /** 13 digits; 6… for 일반(선불), 7… for 수취인 부담(착불), as seen in practice. */
  newRegiNo(payType: string): string {
    let regiNo: string;
    do {
      const n = ++this.regiSeq;
      regiNo = (payType === '2' ? '7' : '6') + String(892120000000 + n * 7).padStart(12, '0');
    } while (this.issuedRegiNos.has(regiNo));
    this.issuedRegiNos.add(regiNo);
    return regiNo;
  }

  /** reqNo: YYYYMMDD + 10 digits. */
  newReqNo(now: number, seq: number): string {
    return kstYmd(now) + String(6335700000 + seq).padStart(10, '0');
  }

  /** resNo: YYYYMMDD + 8 digits (YYYYMMDD00000000 in test mode). */
  newResNo(now: number, seq: number, test: boolean): string {
    return kstYmd(now) + (test ? '00000000' : String(53600000 + seq).padStart(8, '0'));
  }

  add(parcel: Parcel): void {
    if (!parcel.test) this.byRegiNo.set(parcel.regiNo, parcel);
    const list = this.byOrderNo.get(parcel.orderNo) ?? [];
    list.push(parcel);
    this.byOrderNo.set(parcel.orderNo, list);
    this.parcelsInOrder.push(parcel);
    const regs = this.registrationsByOrder.get(parcel.orderNo) ?? [];
    regs.push({
      orderNo: parcel.orderNo,
      regiNo: parcel.regiNo,
      reqNo: parcel.reqNo,
      resNo: parcel.resNo,
      at: parcel.registeredAt,
      test: parcel.test,
    });
    this.registrationsByOrder.set(parcel.orderNo, regs);
  }

  /** Tracked parcels only: test-mode parcels never reach a post office. */
  get(regiNo: string): Parcel | undefined {
    return this.byRegiNo.get(regiNo);
  }

  byOrder(orderNo: string): Parcel[] {
    return this.byOrderNo.get(orderNo) ?? [];
  }

  registrations(orderNo: string): Registration[] {
    return this.registrationsByOrder.get(orderNo) ?? [];
  }

  registrationCount(): number {
    return this.parcelsInOrder.length;
  }

  all(): readonly Parcel[] {
    return this.parcelsInOrder;
  }
}
