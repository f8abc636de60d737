// Deterministic, realistic seed orders: the awkward cases first (malformed phones, missing
// 우편번호, HTML and emoji in names, addresses with & = and line breaks, hand-typed 우체국택배
// invoices, 착불, gifts, several suppliers, mixed statuses), then ordinary generated orders.
import type { SeedItem, SeedOrder } from './model';
import { seededRandom as rng } from '../prng';

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const GIVEN = ['민준', '서연', '도윤', '지우', '하준', '서윤', '예준', '하은', '지호', '수아', '현우', '지민', '은서', '준서', '유진'];
const GOODS = [
  ['유기농 현미 5kg', '중량: 5kg'],
  ['국산 참기름 350ml', '용량: 350ml'],
  ['여성용 청바지', '사이즈: 66'],
  ['남성 니트 가디건', '색상: 네이비 / 사이즈: L'],
  ['스테인리스 텀블러 500ml', '색상: 실버'],
  ['제주 감귤 3kg', '등급: 로얄과'],
  ['무선 블루투스 이어폰', '색상: 화이트'],
  ['아기 물티슈 100매 10팩', ''],
  ['수제 딸기잼 2병 세트', ''],
  ['면 100% 양말 5켤레', '사이즈: 250'],
] as const;
const ADDRESSES = [
  ['06236', '서울특별시 강남구 테헤란로 152', '강남파이낸스센터 12층'],
  ['48058', '부산광역시 해운대구 센텀중앙로 79', '101동 1203호'],
  ['34126', '대전광역시 유성구 대학로 99', '기숙사 B동 304호'],
  ['63309', '제주특별자치도 제주시 첨단로 242', ''],
  ['13487', '경기도 성남시 분당구 판교역로 235', 'H스퀘어 N동 7층'],
  ['61475', '광주광역시 동구 금남로 245', '3층'],
  ['41585', '대구광역시 북구 대학로 80', '공대 9호관'],
  ['24341', '강원특별자치도 춘천시 중앙로 1', '상가 2층'],
] as const;
const STATUS_CYCLE = ['p1', 'p1', 'g1', 'p1', 'g1', 'g2', 'd1', 'p1', 'g5', 'd2', 'o1', 'p1'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function orderNoOf(d: Date, serial: number): string {
  const yy = pad(d.getUTCFullYear() % 100);
  return `${yy}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(serial % 10000, 4)}`;
}

function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

interface Builder {
  next: () => number;
  pick: <T>(xs: readonly T[]) => T;
  sno: () => string;
}

function builder(seed: number): Builder {
  const next = rng(seed);
  let sno = 10000;
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)]!, sno: () => String(++sno) };
}

function item(b: Builder, over: Partial<SeedItem> = {}): SeedItem {
  const [goodsNm, optionText] = b.pick(GOODS);
  return {
    sno: b.sno(),
    goodsNm,
    optionText,
    goodsCnt: 1 + Math.floor(b.next() * 3),
    price: (5 + Math.floor(b.next() * 60)) * 1000,
    status: 'p1',
    deliverySno: '',
    collect: 'pre',
    deliveryFee: 3000,
    supplier: '본사',
    gifts: [],
    invoiceCompanySno: '',
    invoiceNo: '',
    ...over,
  };
}

function order(b: Builder, index: number, items: SeedItem[], over: Partial<SeedOrder> = {}): SeedOrder {
  // one order about every 37 minutes going back from 2026-11-27 18:00 (UTC digits, shown as-is)
  const d = new Date(Date.UTC(2026, 10, 27, 18, 0, 0) - index * 37 * 60_000 - Math.floor(b.next() * 600) * 1000);
  const [zone, addr, sub] = b.pick(ADDRESSES);
  const receiver = b.pick(SURNAMES) + b.pick(GIVEN);
  const phone = `010-${pad(1000 + Math.floor(b.next() * 9000), 4)}-${pad(Math.floor(b.next() * 10000), 4)}`;
  let group = 0;
  let lastKey = '';
  for (const it of items) {
    // items of one supplier and fee condition share a delivery group (배송번호)
    const key = `${it.supplier}|${it.collect}`;
    if (key !== lastKey) group++;
    lastKey = key;
    it.deliverySno = it.deliverySno || String(500 + index * 3 + group);
  }
  return {
    orderNo: orderNoOf(d, 1000 + index * 7),
    orderDate: dateText(d),
    orderName: b.pick(SURNAMES) + b.pick(GIVEN),
    orderCellPhone: `010-${pad(2000 + index, 4)}-${pad(1234 + index, 4)}`,
    receiverName: receiver,
    receiverPhone: '',
    receiverCellPhone: phone,
    receiverZonecode: zone,
    receiverZipcode: '',
    receiverAddress: addr,
    receiverAddressSub: sub,
    orderMemo: b.pick(['', '부재 시 경비실에 맡겨주세요', '문 앞에 놓아주세요', '배송 전 연락 바랍니다']),
    items,
    ...over,
  };
}

const LONG_NAME = '[무료배송] 프리미엄 국내산 친환경 무농약 햇사과 부사 가정용 못난이 사과 5kg 15~20과 산지직송 선물세트 포장가능';

/** The hand-made awkward orders (indexes 0..15). */
function specialOrders(b: Builder): SeedOrder[] {
  const s: SeedOrder[] = [];
  let i = 0;
  s.push(order(b, i++, [item(b, { goodsNm: '<b>굵은</b> 면 티셔츠', optionText: '색상: 블랙' })]));
  s.push(order(b, i++, [item(b, { goodsNm: '<img src=x onerror=alert(1)> 양말 세트' })]));
  s.push(order(b, i++, [item(b, { goodsNm: '🍓 수제 딸기잼 선물세트 🎁', optionText: '용량: 500g' })]));
  s.push(order(b, i++, [item(b, { goodsNm: LONG_NAME, status: 'g1' })]));
  s.push(order(b, i++, [item(b)], { receiverCellPhone: '010-12ab-5678' })); // letters
  s.push(order(b, i++, [item(b, { status: 'g1' })], { receiverCellPhone: '010-1234-56789' })); // too long
  s.push(order(b, i++, [item(b)], { receiverCellPhone: '(010)#1234*5678' })); // special characters
  s.push(order(b, i++, [item(b)], { receiverCellPhone: '010-123', receiverPhone: '' })); // too short
  s.push(order(b, i++, [item(b)], { receiverZonecode: '', receiverZipcode: '123-456' })); // old zipcode only
  s.push(order(b, i++, [item(b, { status: 'g1' })], { receiverZonecode: '', receiverZipcode: '' })); // none at all
  s.push(
    order(b, i++, [item(b)], {
      receiverAddress: '서울특별시 마포구 월드컵북로 396 A&B빌딩',
      receiverAddressSub: '3층 (배송=오후)\n뒷문',
      orderMemo: '문 앞에 두세요 & 벨 누르지 마세요\n감사합니다',
    }),
  );
  // hand-typed 우체국택배 invoices (one still 상품준비중, one 배송중)
  s.push(order(b, i++, [item(b, { status: 'g1', invoiceCompanySno: '12', invoiceNo: '6012345678901' })]));
  s.push(order(b, i++, [item(b, { status: 'd1', invoiceCompanySno: '12', invoiceNo: '6098765432101' })]));
  // several suppliers, 착불, gifts, mixed statuses
  s.push(
    order(b, i++, [
      item(b, { supplier: '본사', gifts: ['보냉팩 1개'] }),
      item(b, { supplier: '(주)한빛물산', collect: 'later', deliveryFee: 4000 }),
      item(b, { supplier: '그린팜', gifts: ['사은품 수세미 2개'] }),
    ]),
  );
  s.push(
    order(b, i++, [item(b, { status: 'g1', collect: 'later' }), item(b, { status: 'g1', collect: 'later' })], {
      receiverSafeNumber: '0504-1234-5678',
    }),
  );
  s.push(order(b, i++, [item(b, { status: 'p1' }), item(b, { status: 'g1' }), item(b, { status: 'g5' })]));
  s.push(order(b, i++, [item(b, { status: 'p1' })], { claimInProgress: true }));
  s.push(order(b, i, [item(b, { status: 'g5', supplier: '(주)한빛물산' }), item(b, { status: 'g5', supplier: '(주)한빛물산' })]));
  return s;
}

function ordinaryOrder(b: Builder, index: number): SeedOrder {
  const n = 1 + Math.floor(b.next() * 3);
  const status = STATUS_CYCLE[index % STATUS_CYCLE.length]!;
  const collect = index % 9 === 4 ? 'later' : 'pre';
  const items: SeedItem[] = [];
  for (let k = 0; k < n; k++) {
    const supplier = index % 5 === 2 ? '(주)한빛물산' : '본사';
    const shipped = status.startsWith('d');
    items.push(
      item(b, {
        status,
        collect,
        supplier,
        gifts: index % 7 === 3 && k === 0 ? ['샘플 파우치'] : [],
        invoiceCompanySno: shipped ? (index % 2 ? '8' : '12') : '',
        invoiceNo: shipped ? (index % 2 ? `5${pad(index, 11)}` : `60${pad(index, 11)}`) : '',
      }),
    );
  }
  return order(b, index, items);
}

/** ~40 orders by default; `rows` generates that many (the awkward ones included). */
export function sampleOrders(rows = 40): SeedOrder[] {
  const b = builder(20261127);
  const orders = specialOrders(b).slice(0, rows);
  for (let i = orders.length; i < rows; i++) orders.push(ordinaryOrder(b, i));
  return orders;
}
