// A realistic journal row (values from the 2019 InsertOrder answer in epost-openapi.md).
import type { Shipment } from '../../../lib/db/types';

export function shipment(over: Partial<Shipment> = {}): Shipment {
  return {
    key: '2311281200001',
    baseKey: '2311281200001',
    reissue: 0,
    mode: 'order',
    orderNo: '2311281200001',
    itemSnos: [],
    adminOrigin: 'https://gdadmin.shop.godomall.com',
    state: 'reserved',
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: '6892122316034',
    reqNo: '201912066335765873',
    resNo: '2019120653639075',
    reqYmd: '20191206',
    resDate: '20191206131551',
    price: '2600',
    vTelNo: '',
    regiPoNm: '장성우체국',
    arrCnpoNm: '전주M',
    delivPoNm: '진안',
    delivAreaCd: '전18300105',
    courseNo: '12',
    printAreaCd: '',
    receiver: {
      name: '홍길동',
      zip: '55423',
      addr1: '전북 진안군 진안읍 중앙로 1',
      addr2: '101호',
      tel: '063-123-4567',
      mobile: '010-1234-5678',
    },
    goods: [{ sno: '1', name: '유기농 쌀 10kg', option: '백미', quantity: 2 }],
    delivMsg: '문 앞에 놓아주세요',
    godomallStatus: 'g1',
    warnings: [],
    createdAt: Date.UTC(2019, 11, 6, 4, 15, 51),
    updatedAt: Date.UTC(2019, 11, 6, 4, 15, 51),
    operatorId: 'admin',
    ...over,
  };
}

export const SENDER = {
  officeSer: '01',
  name: '햇살농장',
  zip: '57200',
  addr1: '전남 장성군 장성읍 영천로 10',
  addr2: '',
  tel: '0613921234',
};
