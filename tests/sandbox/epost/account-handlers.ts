// GetCustNo, GetApprNo, GetOfficeInfo, InsertOffice and GetStoppedZipCd.
import { STOPPED_ZIPS, stoppedFor } from './areas.ts';
import { kstYmd } from './kst.ts';
import { fail, type Answer, type Fields } from './protocol.ts';
import type { SandboxState } from './state.ts';

type F = Map<string, string>;
const val = (f: F, k: string) => f.get(k)?.trim() ?? '';
const bytes = (s: string) => new TextEncoder().encode(s).length;

export function getCustNo(s: SandboxState, f: F): Answer {
  const memberId = val(f, 'memberID');
  if (!memberId) return fail('ERR-511', '필수항목누락-인터넷우체국 회원 아이디 ID(memberID) 값이 없습니다.');
  if (memberId !== s.account.memberId) return fail('ERR-511', '고객번호(custNo)가 존재하지 않습니다.');
  return { kind: 'ok', fields: { custNo: s.account.custNo } };
}

/** custNo is the first field of every other message: missing → ERR-511, foreign → ERR-121. */
function checkCustNo(s: SandboxState, f: F): Answer | undefined {
  if (!val(f, 'custNo')) return fail('ERR-211', '필수항목누락-고객번호(custNo) 값이 없습니다.');
  if (val(f, 'custNo') !== s.account.custNo) return fail('ERR-121', '고객번호(custNo)가 일치하지 않습니다.');
  return undefined;
}

export function getApprNo(s: SandboxState, f: F): Answer {
  const bad = checkCustNo(s, f);
  if (bad) return bad;
  const statusCd = val(f, 'statusCd') || '1';
  const expiredYn = val(f, 'expiredYn') || 'A';
  if (!['1', '4', 'A'].includes(statusCd)) return fail('ERR-321', '데이터오류-계약상태코드(statusCd)가 유효하지 않습니다.');
  if (!['Y', 'N', 'A'].includes(expiredYn)) return fail('ERR-321', '데이터오류-만료여부(expiredYn)가 유효하지 않습니다.');
  const today = kstYmd(s.clock.now());
  const items: Fields[] = s.account.contracts
    .filter((c) => statusCd === 'A' || c.statusCd === statusCd)
    .filter((c) => expiredYn === 'A' || c.expiredYmd < today === (expiredYn === 'Y'))
    .map((c) => ({
      apprNo: c.apprNo,
      payTypeCd: c.payTypeCd,
      payTypeNm: c.payTypeNm,
      postNm: c.postNm,
      statusNm: c.statusNm,
      expiredYmd: c.expiredYmd,
      closedYmd: c.closedYmd,
    }));
  if (items.length === 0) return fail('ERR-123', '계약승인번호가 존재하지 않습니다.');
  return { kind: 'ok', fields: { custNo: s.account.custNo }, blocks: { name: 'contractInfo', items } };
}

export function getOfficeInfo(s: SandboxState, f: F): Answer {
  const bad = checkCustNo(s, f);
  if (bad) return bad;
  const mask = Number(val(f, 'officeDivReqCd') || '7');
  if (!Number.isInteger(mask) || mask < 1 || mask > 7)
    return fail('ERR-321', '데이터오류-공급지구분(officeDivReqCd)은 1~7만 입력가능합니다.');
  const items: Fields[] = s.account.offices
    .filter((o) => (o.officeDivCd & mask) !== 0)
    .map((o) => ({
      officeSer: o.officeSer,
      officeNm: o.officeNm,
      officeZip: o.officeZip,
      officeAddr: `${o.officeAddr1} ${o.officeAddr2}`.trim(),
      officeTelno: o.officeTelno,
      contactNm: o.contactNm,
      contactMobile: o.contactMobile,
      contactEmail: o.contactEmail,
      officeDivCd: String(o.officeDivCd),
    }));
  if (items.length === 0) return fail('ERR-225', '공급지 정보가 존재하지 않습니다.');
  return { kind: 'ok', blocks: { name: 'officeInfo', items } };
}

export function insertOffice(s: SandboxState, f: F): Answer {
  const bad = checkCustNo(s, f);
  if (bad) return bad;
  const need: [string, string][] = [
    ['officeSer', '공급지코드'],
    ['officeNm', '공급지명'],
    ['officeZip', '공급지 우편번호'],
    ['officeAddr1', '공급지 주소'],
    ['officeAddr2', '공급지 상세주소'],
    ['officeTelno', '공급지 전화번호'],
    ['contactNm', '담당자명'],
  ];
  for (const [k, label] of need) {
    if (!val(f, k)) return fail(k === 'officeSer' ? 'ERR-211' : 'ERR-311', `필수항목누락-${label}(${k}) 값이 없습니다.`);
  }
  if (bytes(val(f, 'officeSer')) > 20) return fail('ERR-331', '데이터오류-공급지코드(officeSer)는 20byte 이하로 입력가능합니다.');
  if (!/^\d{5}$/.test(val(f, 'officeZip'))) return fail('ERR-322', '데이터오류-공급지 우편번호(officeZip)가 유효하지 않습니다.');
  if (!/^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(val(f, 'officeTelno')))
    return fail('ERR-324', '데이터오류-공급지 전화번호(officeTelno)가 유효하지 않습니다.');
  const mobile = val(f, 'contactMobile');
  if (mobile && !/^01[016789]-?\d{3,4}-?\d{4}$/.test(mobile))
    return fail('ERR-323', '데이터오류-담당자 휴대폰번호(contactMobile)가 유효하지 않습니다.');
  const email = val(f, 'contactEmail');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    return fail('ERR-328', '데이터오류-담당자 이메일(contactEmail)이 유효하지 않습니다.');
  const divCd = Number(val(f, 'officeDivCd') || '1');
  if (!Number.isInteger(divCd) || divCd < 1 || divCd > 7)
    return fail('ERR-321', '데이터오류-공급지구분(officeDivCd)은 1~7만 입력가능합니다.');
  if (s.account.offices.some((o) => o.officeSer === val(f, 'officeSer')))
    return fail('ERR-226', '이미 등록된 공급지코드(officeSer) 입니다.');
  const regiPoNm = s.account.contracts[0]?.postNm ?? '서울중앙우체국';
  s.account.offices.push({
    officeSer: val(f, 'officeSer'),
    officeNm: val(f, 'officeNm'),
    officeZip: val(f, 'officeZip'),
    officeAddr1: val(f, 'officeAddr1'),
    officeAddr2: val(f, 'officeAddr2'),
    officeTelno: val(f, 'officeTelno'),
    contactNm: val(f, 'contactNm'),
    contactMobile: mobile,
    contactEmail: email,
    officeDivCd: divCd,
    regiPoNm,
  });
  return { kind: 'ok', fields: { chkResult: 'Y', regiPoNm } };
}

/** Not encrypted: `zipCd` comes as a plain parameter. */
export function getStoppedZipCd(zipCd: string): Answer {
  if (zipCd && !/^\d{5}$/.test(zipCd)) return fail('ERR-123', '데이터오류-입력하신 접수중지 우편번호가 유효하지 않습니다.(숫자 5자리)');
  const rows = zipCd ? stoppedFor(zipCd) : STOPPED_ZIPS;
  if (rows.length === 0) return fail('ERR-125', zipCd ? '해당 우편번호는 접수중지 우편번호가 아닙니다.' : '접수중지 우편번호가 없습니다.');
  const items: Fields[] = rows.map((r) => ({ ...r }));
  return { kind: 'ok', fields: { totalCount: String(items.length) }, blocks: { name: 'stoppedZipCdInfo', items } };
}
