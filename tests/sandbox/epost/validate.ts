// InsertOrder field rules with the manual's error codes and messages. Checked in the manual's
// field order; the first failure answers (the real server reports one error at a time).
// Lengths are counted in UTF-8 bytes — the strictest reading; the client truncates the same way.
import type { SandboxAccount } from './account.ts';
import { fail, type Answer } from './protocol.ts';

const CONT_CODES = ['021', '022', '023', '024', '025', '026', '027', '028', '029'];
const PACKING_CODES = ['01', '03', '05', '09'];

const utf8 = new TextEncoder();
/** A real calendar day written YYYYMMDD. */
const isYmd = (s: string) =>
  /^\d{8}$/.test(s) &&
  new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}T00:00:00Z`).toISOString().slice(0, 10).replaceAll('-', '') === s;
const bytes = (s: string) => utf8.encode(s).length;

/** Korean labels as the manual words them in "필수항목누락-<label>(<field>) 값이 없습니다." */
const LABEL: Record<string, string> = {
  custNo: '고객번호',
  apprNo: '승인번호',
  payType: '요금납부구분',
  reqType: '소포신청구분',
  officeSer: '공급지코드',
  microYn: '초소형여부',
  orderNo: '주문번호',
  ordCompNm: '주문처명',
  recNm: '수취인명',
  recZip: '수취인(반품인) 우편번호',
  recAddr1: '수취인(반품인) 주소',
  recAddr2: '수취인(반품인) 상세주소',
  contCd: '내용품코드',
  goodsNm: '상품명',
  delivMsg: '배송메세지',
  recTel: '수취인(반품인) 전화번호',
  recMob: '수취인(반품인) 휴대폰번호',
  ordNm: '주문자명',
  weight: '무게',
  volume: '부피',
};

const missing = (code: string, field: string) => fail(code, `필수항목누락-${LABEL[field] ?? field}(${field}) 값이 없습니다.`);
const tooLong = (field: string, max: number) =>
  fail('ERR-331', `데이터오류-${LABEL[field] ?? field}(${field})는 ${max}byte 이하로 입력가능합니다.`);

/** [field, max UTF-8 bytes] for every text field with a manual limit */
const LIMITS: [string, number][] = [
  ['orderNo', 50],
  ['ordCompNm', 100],
  ['recNm', 40],
  ['recAddr1', 150],
  ['recAddr2', 300],
  ['recTel', 12],
  ['recMob', 12],
  ['goodsNm', 400],
  ['delivMsg', 200],
  ['ordNm', 40],
  ['ordAddr1', 150],
  ['ordAddr2', 300],
  ['goodsCd', 40],
  ['goodsMdl', 100],
  ['inqTelCn', 12],
];

const YN_FIELDS = ['microYn', 'insuYn', 'printYn', 'printAreaCdYn', 'testYn'];

/** Returns the first rule the request breaks, or undefined when it may be registered. */
export function validateInsertOrder(f: Map<string, string>, account: SandboxAccount): Answer | undefined {
  const v = (k: string) => f.get(k)?.trim() ?? '';
  if (!v('custNo')) return missing('ERR-211', 'custNo');
  if (v('custNo') !== account.custNo) return fail('ERR-121', '고객번호(custNo)가 일치하지 않습니다.');
  if (!v('apprNo')) return missing('ERR-311', 'apprNo');
  const contract = account.contracts.find((c) => c.apprNo === v('apprNo') && c.statusCd === '1');
  if (!contract) return fail('ERR-123', '승인번호(apprNo)가 일치하지 않습니다.');
  if (!v('payType')) return missing('ERR-311', 'payType');
  if (!['1', '2'].includes(v('payType'))) return fail('ERR-321', '데이터오류-요금납부구분(payType)은 1 또는 2만 입력가능합니다.');
  if (!v('reqType')) return fail('ERR-111', '필수항목누락-신청구분(reqType) 값이 없습니다.');
  if (!['1', '2'].includes(v('reqType'))) return fail('ERR-123', '데이터 오류-신청구분(reqType) 값이 유효하지 않습니다.');
  if (!v('officeSer')) return missing('ERR-211', 'officeSer');
  if (bytes(v('officeSer')) > 20) return tooLong('officeSer', 20);
  if (!account.offices.some((o) => o.officeSer === v('officeSer'))) return fail('ERR-212', '등록되지 않은 공급지코드(officeSer) 입니다.');
  // required by the manual (InsertOrder's required list); the code is ours, as for the fields after it
  if (!v('microYn')) return missing('ERR-311', 'microYn');
  for (const yn of YN_FIELDS) {
    if (v(yn) && !['Y', 'N'].includes(v(yn))) return fail('ERR-321', `데이터오류-${yn}은 Y 또는 N만 입력가능합니다.`);
  }
  if (!v('orderNo')) return missing('ERR-311', 'orderNo');
  if (!v('ordCompNm')) return missing('ERR-311', 'ordCompNm');
  if (!v('recNm')) return missing('ERR-311', 'recNm');
  if (!v('recZip')) return missing('ERR-311', 'recZip');
  if (!/^\d{5}$/.test(v('recZip'))) return fail('ERR-322', '데이터오류-수취인(반품인) 우편번호(recZip)가 유효하지 않습니다.');
  if (!v('recAddr1')) return missing('ERR-311', 'recAddr1');
  if (!v('recAddr2')) return missing('ERR-311', 'recAddr2');
  if (!v('recTel') && !v('recMob')) return fail('ERR-311', '필수항목누락-수취인(반품인) 전화번호(recTel), 이동통신(recMob) 값이 없습니다.');
  if (v('recMob') && !/^01[016789]\d{7,8}$/.test(v('recMob')))
    return fail('ERR-323', '데이터오류-수취인(반품인) 휴대폰번호(recMob)가 유효하지 않습니다.');
  if (v('recTel') && !/^0\d{8,11}$/.test(v('recTel')))
    return fail('ERR-324', '데이터오류-수취인(반품인) 전화번호(recTel)가 유효하지 않습니다.');
  if (!v('contCd')) return missing('ERR-311', 'contCd');
  if (!CONT_CODES.includes(v('contCd'))) return fail('ERR-325', '데이터오류-내용품코드(contCd)가 유효하지 않습니다.');
  if (!v('goodsNm')) return missing('ERR-511', 'goodsNm');
  if (v('weight') && !/^\d+$/.test(v('weight'))) return fail('ERR-122', '데이터오류-무게(weight)는 숫자(정수)로만 입력가능합니다.');
  if (v('weight') && (Number(v('weight')) < 1 || Number(v('weight')) > 30))
    return fail('ERR-124', '데이터오류-무게(weight)는 1~30kg 까지 입력가능합니다.');
  if (v('volume') && !/^\d+$/.test(v('volume'))) return fail('ERR-122', '데이터오류-부피(volume)는 숫자(정수)로만 입력가능합니다.');
  if (v('volume') && (Number(v('volume')) < 1 || Number(v('volume')) > 160))
    return fail('ERR-125', '데이터오류-부피(volume)는 1~160cm 까지 입력가능합니다.');
  if (v('packngMtrCd') && !PACKING_CODES.includes(v('packngMtrCd')))
    return fail('ERR-326', '데이터오류-포장재질코드(packngMtrCd)가 유효하지 않습니다.');
  if (v('insuYn') === 'Y' && !/^\d+$/.test(v('insuAmt'))) return fail('ERR-327', '데이터오류-보험가액(insuAmt)은 숫자로만 입력가능합니다.');
  if (v('qty') && !/^\d+$/.test(v('qty'))) return fail('ERR-122', '데이터오류-수량(qty)은 숫자(정수)로만 입력가능합니다.');
  if (v('retVisitYmd') && !isYmd(v('retVisitYmd')))
    return fail('ERR-322', '데이터오류-반품방문희망일자(retVisitYmd)가 유효하지 않습니다.(YYYYMMDD)');
  for (const [field, max] of LIMITS) if (bytes(v(field)) > max) return tooLong(field, max);
  return undefined;
}
