// The one contract customer the simulator knows: 인터넷우체국 ID → 고객번호 → 승인번호 contracts →
// 공급지 (pickup sites). Deterministic so tests and the demo can rely on the numbers.

interface SandboxContract {
  apprNo: string;
  /** 1 승인, 4 해지 (GetApprNo statusCd) */
  statusCd: '1' | '4';
  payTypeCd: '10' | '12';
  payTypeNm: string;
  postNm: string;
  statusNm: string;
  expiredYmd: string;
  closedYmd: string;
}

interface SandboxOffice {
  officeSer: string;
  officeNm: string;
  officeZip: string;
  officeAddr1: string;
  officeAddr2: string;
  officeTelno: string;
  contactNm: string;
  contactMobile: string;
  contactEmail: string;
  /** bitmask: 1 공급지(발송), 2 반품 회수지, 4 기타 */
  officeDivCd: number;
  regiPoNm: string;
}

export interface SandboxAccount {
  memberId: string;
  custNo: string;
  contracts: SandboxContract[];
  offices: SandboxOffice[];
}

export const SANDBOX_CUST_NO = '0005085217';
export const SANDBOX_APPR_NO_PREPAID = '7002080922'; // 즉납, 서울중앙우체국
const SANDBOX_APPR_NO_DEFERRED = '7002080923'; // 후납, 광주우체국
const SANDBOX_APPR_NO_CLOSED = '7001990001'; // 해지된 옛 계약
export const SANDBOX_OFFICE_SER = '01';

export function seedAccount(memberId: string): SandboxAccount {
  return {
    memberId,
    custNo: SANDBOX_CUST_NO,
    contracts: [
      {
        apprNo: SANDBOX_APPR_NO_PREPAID,
        statusCd: '1',
        payTypeCd: '10',
        payTypeNm: '즉납',
        postNm: '서울중앙우체국',
        statusNm: '승인',
        expiredYmd: '99991231',
        closedYmd: '',
      },
      {
        apprNo: SANDBOX_APPR_NO_DEFERRED,
        statusCd: '1',
        payTypeCd: '12',
        payTypeNm: '후납',
        postNm: '광주우체국',
        statusNm: '승인',
        expiredYmd: '99991231',
        closedYmd: '',
      },
      {
        apprNo: SANDBOX_APPR_NO_CLOSED,
        statusCd: '4',
        payTypeCd: '10',
        payTypeNm: '즉납',
        postNm: '서울중앙우체국',
        statusNm: '해지',
        expiredYmd: '20191231',
        closedYmd: '20191231',
      },
    ],
    offices: [
      {
        officeSer: SANDBOX_OFFICE_SER,
        officeNm: '테스트상점 물류센터',
        officeZip: '04524',
        officeAddr1: '서울특별시 중구 세종대로 110',
        officeAddr2: '1층 출고장',
        officeTelno: '02-1234-5678',
        contactNm: '김담당',
        contactMobile: '010-1234-5678',
        contactEmail: 'ship@example.com',
        officeDivCd: 1,
        regiPoNm: '서울중앙우체국',
      },
    ],
  };
}
