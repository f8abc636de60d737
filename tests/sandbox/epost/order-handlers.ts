// InsertOrder (소포신청), GetResInfo (신청 조회) and GetResCancelCmd (신청 취소).
import { islandAddFee, priceFor, sortingFor } from './areas.ts';
import { kstStamp, kstYmd } from './kst.ts';
import { fail, type Answer, type Fields } from './protocol.ts';
import type { SandboxState } from './state.ts';
import { TEST_REGI_NO, type Parcel } from './store.ts';
import { isPickedUp, returnTimelineStart, treatStusCd } from './tracking.ts';
import { validateInsertOrder } from './validate.ts';

type F = Map<string, string>;
const DAY = 24 * 3600_000;
const val = (f: F, k: string) => f.get(k)?.trim() ?? '';

export function insertOrder(s: SandboxState, f: F, option = ''): Answer {
  const refused = validateInsertOrder(f, s.account);
  if (refused) return refused;
  const now = s.clock.now();
  const test = val(f, 'testYn') === 'Y';
  const payType = val(f, 'payType');
  const seq = s.store.nextSeq();
  const office = s.account.offices.find((o) => o.officeSer === val(f, 'officeSer'))!;
  // 반품소포: the courier collects from the customer (rec*) and the parcel goes to the 공급지
  const isReturn = val(f, 'reqType') === '2';
  const sorting = sortingFor(isReturn ? office.officeZip : val(f, 'recZip'), seq);
  const retVisitYmd = isReturn ? val(f, 'retVisitYmd') || kstYmd(now + DAY) : '';
  const contract = s.account.contracts.find((c) => c.apprNo === val(f, 'apprNo'))!;
  const recMob = val(f, 'recMob');
  const insured = val(f, 'insuYn') === 'Y';
  const parcel: Parcel = {
    regiNo: test ? TEST_REGI_NO : s.store.newRegiNo(payType),
    reqNo: s.store.newReqNo(now, seq),
    resNo: s.store.newResNo(now, seq, test),
    orderNo: val(f, 'orderNo'),
    custNo: val(f, 'custNo'),
    apprNo: contract.apprNo,
    payType,
    reqType: val(f, 'reqType'),
    officeSer: office.officeSer,
    reqYmd: kstYmd(now),
    resDate: kstStamp(now),
    registeredAt: now,
    test,
    printYn: val(f, 'printYn') === 'N' ? 'N' : 'Y',
    price: String(priceFor(Number(val(f, 'weight') || 2), Number(val(f, 'volume') || 60), payType)),
    // 안심번호 only when there is a mobile number to hide; a landline-only receiver gets none.
    vTelNo: recMob ? `0505${String(5830000 + (seq % 100000)).padStart(7, '0')}` : '',
    regiPoNm: office.regiPoNm || contract.postNm,
    sorting,
    senderNm: val(f, 'ordCompNm'),
    recNm: val(f, 'recNm'),
    recZip: val(f, 'recZip'),
    recAddr1: val(f, 'recAddr1'),
    insuFee: insured ? String(Math.max(500, Math.ceil(Number(val(f, 'insuAmt')) * 0.005))) : '0',
    islandAddFee: String(islandAddFee(val(f, 'recZip'))),
    weight: val(f, 'weight'),
    volume: val(f, 'volume'),
    contCd: val(f, 'contCd'),
    retOrigRegiNo: val(f, 'retOrigRegiNo'),
    retVisitYmd,
    goodsNm: val(f, 'goodsNm'),
    timelineStart: isReturn ? returnTimelineStart(retVisitYmd, now) : now,
  };
  s.store.add(parcel);
  const fields: Fields = {
    reqNo: parcel.reqNo,
    resNo: parcel.resNo,
    regiNo: parcel.regiNo,
    orderNo: parcel.orderNo,
    regipoNm: parcel.regiPoNm, // sic: lower-case p in InsertOrder, regiPoNm in GetResInfo
    resDate: parcel.resDate,
    price: parcel.price,
    vTelNo: parcel.vTelNo,
    // the 집배코드 group sorts a parcel to its receiver: a 반품소포's answer has none (spec, 반품소포)
    ...(isReturn
      ? {}
      : { arrCnpoNm: sorting.arrCnpoNm, delivPoNm: sorting.delivPoNm, delivAreaCd: sorting.delivAreaCd, courseNo: sorting.courseNo }),
    insuFee: parcel.insuFee,
    islandAddFee: parcel.islandAddFee,
  };
  if (val(f, 'printAreaCdYn') === 'Y' && !isReturn) {
    fields.refineZip = parcel.recZip;
    fields.refineAddr = parcel.recAddr1.replace(/\s+/g, ' ');
    fields.printAreaCd = sorting.printAreaCd;
  }
  if (option === '000') fields.noticeCont = '';
  if (option === '001') fields.notifyMsg = '';
  return { kind: 'ok', fields };
}

export function getResInfo(s: SandboxState, f: F): Answer {
  if (!val(f, 'custNo')) return fail('ERR-211', '필수항목누락-고객번호(custNo) 값이 없습니다.');
  // the manual's GetResInfo list names this code for a custNo that is not a 계약소포 customer
  if (val(f, 'custNo') !== s.account.custNo) return fail('ERR-223', '계약소포를 사용하는 고객번호(custNo)가 아닙니다.');
  if (!val(f, 'reqType')) return fail('ERR-511', '필수항목누락-소포신청구분(reqType) 값이 없습니다.');
  if (!val(f, 'orderNo')) return fail('ERR-511', '필수항목누락-주문번호(orderNo) 값이 없습니다.');
  if (!val(f, 'reqYmd')) return fail('ERR-511', '필수항목누락-신청일자(reqYmd) 값이 없습니다.');
  if (!/^\d{8}$/.test(val(f, 'reqYmd'))) return fail('ERR-322', '데이터오류-신청일자(reqYmd)가 유효하지 않습니다.');
  const now = s.clock.now();
  const found = s.store
    .byOrder(val(f, 'orderNo'))
    .filter((p) => p.reqYmd === val(f, 'reqYmd') && p.reqType === val(f, 'reqType') && p.custNo === val(f, 'custNo'))
    // a request cancelled with delYn=Y is deleted: only delYn=N leaves a 05 신청취소 row
    .filter((p) => !p.cancel?.deleted);
  if (found.length === 0) return fail('ERR-225', '신청정보가 존재하지 않습니다.(신청일자와 주문번호를 다시 확인해주십시오)');
  const items: Fields[] = found.map((p) => ({
    reqNo: p.reqNo,
    resNo: p.resNo,
    regiNo: p.regiNo,
    regiPoNm: p.regiPoNm,
    resDate: p.resDate,
    price: p.price,
    vTelNo: p.vTelNo,
    treatStusCd: treatStusCd(p, now),
  }));
  return { kind: 'ok', blocks: { name: 'resInfo', items } };
}

export function getResCancelCmd(s: SandboxState, f: F): Answer {
  if (!val(f, 'custNo')) return fail('ERR-211', '필수항목누락-고객번호(custNo) 값이 없습니다.');
  if (val(f, 'custNo') !== s.account.custNo) return fail('ERR-121', '고객번호(custNo)가 일치하지 않습니다.');
  for (const [k, label] of [
    ['apprNo', '승인번호'],
    ['reqType', '소포신청구분'],
    ['reqNo', '소포신청번호'],
    ['resNo', '소포예약번호'],
    ['regiNo', '등기번호'],
    ['delYn', '삭제여부'],
  ]) {
    if (!val(f, k!)) return fail('ERR-511', `필수항목누락-${label}(${k}) 값이 없습니다.`);
  }
  if (!['Y', 'N'].includes(val(f, 'delYn'))) return fail('ERR-321', '데이터오류-삭제여부(delYn)는 Y 또는 N만 입력가능합니다.');
  if (!s.account.contracts.some((c) => c.apprNo === val(f, 'apprNo'))) return fail('ERR-123', '승인번호(apprNo)가 일치하지 않습니다.');
  const parcel = s.store
    .all()
    .find(
      (p) => p.regiNo === val(f, 'regiNo') && p.reqNo === val(f, 'reqNo') && p.resNo === val(f, 'resNo') && p.reqType === val(f, 'reqType'),
    );
  if (!parcel) return fail('ERR-225', '신청정보가 존재하지 않습니다.(신청일자와 주문번호를 다시 확인해주십시오)');
  const now = s.clock.now();
  const refused = (reason: string): Answer => ({
    kind: 'ok',
    fields: {
      reqNo: parcel.reqNo,
      resNo: parcel.resNo,
      cancelRegiNo: parcel.regiNo,
      cancelDate: '',
      canceledyn: 'N',
      regiNo: '',
      notcancelReason: reason,
    },
  });
  if (parcel.cancel) return refused('이미 취소된 소포신청입니다.');
  if (isPickedUp(parcel, now)) return refused('집하완료된 소포는 취소할 수 없습니다.');
  // 반품소포: only at 01 소포신청, i.e. before the courier printed the waybill (whatever printYn said)
  if (parcel.reqType === '2' && treatStusCd(parcel, now) !== '01') return refused('운송장이 출력된 반품소포는 취소할 수 없습니다.');
  const deleted = val(f, 'delYn') === 'Y';
  // The old number is void forever; Korea Post hands out a fresh one in its place.
  parcel.cancel = {
    at: now,
    newRegiNo: parcel.test ? TEST_REGI_NO : s.store.newRegiNo(parcel.payType),
    cancelDate: kstStamp(now),
    deleted,
  };
  return {
    kind: 'ok',
    fields: {
      reqNo: parcel.reqNo,
      resNo: parcel.resNo,
      cancelRegiNo: parcel.regiNo,
      cancelDate: parcel.cancel.cancelDate,
      canceledyn: deleted ? 'D' : 'Y', // D = cancelled and deleted (delYn=Y); sic: lower-case as the real answer
      regiNo: parcel.cancel.newRegiNo,
      notcancelReason: '',
    },
  };
}
