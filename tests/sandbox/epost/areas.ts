// Sorting data derived from the receiver's 5-digit postcode: the 도착집중국, 배달국, 집배코드 and
// course number the real InsertOrder returns, plus 도서산간 surcharges and the 접수중지 list.

export interface Sorting {
  arrCnpoNm: string;
  delivPoNm: string;
  delivAreaCd: string;
  courseNo: string;
  printAreaCd: string;
  hubs: string[];
}

// First two digits of the postcode → region (Korean 5-digit postcodes are assigned by region).
const REGIONS: { upTo: number; mark: string; center: string; office: string }[] = [
  { upTo: 9, mark: '서', center: '동서울M', office: '서울강남' },
  { upTo: 20, mark: '경', center: '부천M', office: '수원' },
  { upTo: 23, mark: '인', center: '부천M', office: '인천' },
  { upTo: 26, mark: '강', center: '원주M', office: '춘천' },
  { upTo: 29, mark: '충', center: '청주M', office: '청주' },
  { upTo: 35, mark: '대', center: '대전M', office: '대전' },
  { upTo: 40, mark: '경', center: '안동M', office: '안동' },
  { upTo: 43, mark: '대', center: '대구M', office: '대구' },
  { upTo: 49, mark: '부', center: '부산M', office: '부산' },
  { upTo: 53, mark: '창', center: '창원M', office: '창원' },
  { upTo: 56, mark: '전', center: '전주M', office: '진안' },
  { upTo: 62, mark: '광', center: '광주M', office: '광주' },
  { upTo: 63, mark: '제', center: '제주M', office: '제주' },
];

/** The national hub every long-haul parcel passes through. */
const NATIONAL_HUB = '중부권광역우편물류센터';

export function sortingFor(recZip: string, seq: number): Sorting {
  const head = Number(recZip.slice(0, 2));
  const region = REGIONS.find((r) => head <= r.upTo) ?? REGIONS[REGIONS.length - 1]!;
  const route = recZip.slice(1, 5);
  const course = String(100 + (seq % 800)).padStart(4, '0');
  const delivAreaCd = `${region.mark}${recZip.slice(0, 2)}${route.slice(1)}${course.slice(1)}`.slice(0, 9);
  return {
    arrCnpoNm: region.center,
    delivPoNm: region.office,
    delivAreaCd,
    courseNo: course,
    printAreaCd: `${delivAreaCd.slice(0, 3)}-${delivAreaCd.slice(3, 6)}-${delivAreaCd.slice(6)}`,
    // Odd sequence numbers take the long way through the national hub: one or two 도착 scans.
    hubs: seq % 2 === 1 ? [NATIONAL_HUB, region.center] : [region.center],
  };
}

export interface StoppedZipRange {
  areaNm: string;
  strtZipCd: string;
  /** '' on the wire means "same as start" */
  endZipCd: string;
  applyStrtYmd: string;
  applyEndYmd: string;
  stopReason: string;
}

export const STOPPED_ZIPS: StoppedZipRange[] = [
  {
    areaNm: '경북 울릉군',
    strtZipCd: '40200',
    endZipCd: '40240',
    applyStrtYmd: '20240101',
    applyEndYmd: '99991231',
    stopReason: '기상악화로 인한 선박 운항 중단',
  },
  {
    areaNm: '제주 제주시 추자면',
    strtZipCd: '63000',
    endZipCd: '63001',
    applyStrtYmd: '20240101',
    applyEndYmd: '99991231',
    stopReason: '도서지역 접수중지',
  },
  {
    areaNm: '제주 제주시 우도면',
    strtZipCd: '63365',
    endZipCd: '',
    applyStrtYmd: '20240101',
    applyEndYmd: '99991231',
    stopReason: '도서지역 접수중지',
  },
  {
    areaNm: '인천 옹진군 백령면',
    strtZipCd: '23100',
    endZipCd: '23104',
    applyStrtYmd: '20240101',
    applyEndYmd: '99991231',
    stopReason: '도서지역 접수중지',
  },
  {
    areaNm: '전남 신안군 흑산면',
    strtZipCd: '58863',
    endZipCd: '58866',
    applyStrtYmd: '20240101',
    applyEndYmd: '99991231',
    stopReason: '도서지역 접수중지',
  },
];

export function stoppedFor(zipCd: string): StoppedZipRange[] {
  return STOPPED_ZIPS.filter((r) => zipCd >= r.strtZipCd && zipCd <= (r.endZipCd || r.strtZipCd));
}

/** 도서산간: 제주 (63xxx) and the seeded island ranges carry an extra fee. */
export function islandAddFee(recZip: string): number {
  if (recZip.startsWith('63')) return 3000;
  return stoppedFor(recZip).length > 0 ? 5000 : 0;
}

/** A simple tariff by weight and size (won); 착불 adds the collection fee. */
export function priceFor(weightKg: number, volumeCm: number, payType: string): number {
  const band =
    weightKg <= 2 && volumeCm <= 60 ? 4000 : weightKg <= 5 && volumeCm <= 80 ? 5000 : weightKg <= 10 && volumeCm <= 120 ? 6500 : 8000;
  return payType === '2' ? band + 500 : band;
}
