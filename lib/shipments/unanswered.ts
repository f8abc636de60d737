// What a new journal row holds before Korea Post has answered for it: the fields InsertOrder's answer
// (or a GetResInfo row) fills in. One spelling for the three ways a row is born — our own send
// (issue.ts), a registration found at Korea Post (adopt.ts) and a number typed in godomall (typed.ts),
// which Korea Post never answers for.
import type { Receiver, Shipment } from '../db/types';

export const UNANSWERED = {
  reqNo: '',
  resNo: '',
  resDate: '',
  price: '',
  vTelNo: '',
  regiPoNm: '',
  arrCnpoNm: '',
  delivPoNm: '',
  delivAreaCd: '',
  courseNo: '',
  printAreaCd: '',
} as const satisfies Partial<Shipment>;

/** a row whose receiver the extension never read (adopted or typed: the order page is godomall's) */
export const UNKNOWN_RECEIVER: Receiver = { name: '', zip: '', addr1: '', addr2: '', tel: '', mobile: '' };
