import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptRegData } from '../../../lib/epost/seed128.ts';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { DEFAULT_API_KEY, DEFAULT_SECURITY_KEY, startEpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, startAt } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

describe('epost sandbox: transport and framing', () => {
  it('defaults: a 30-char 인증키, a 22-char 보안키 and member testshop, on loopback', () => {
    expect(DEFAULT_API_KEY).toHaveLength(30);
    expect(DEFAULT_SECURITY_KEY).toHaveLength(22);
    expect(sb.control.keys.memberId).toBe('testshop');
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers HTTP 200 XML with the utf-8 declaration, <xsync> root and space-padded CDATA values', async () => {
    const r = await callApi(sb, 'GetCustNo', { memberID: 'testshop' });
    expect(r.status).toBe(200);
    expect(r.text.startsWith(`<?xml version='1.0' encoding="utf-8"?><xsync>`)).toBe(true);
    expect(r.text).toContain('<custNo><![CDATA[ 0005085217 ]]></custNo>');
    expect(r.doc.xsync.custNo).toBe('0005085217');
  });

  it('accepts GET query as well as POST form', async () => {
    const r = await callApi(sb, 'GetCustNo', { memberID: 'testshop' }, { method: 'GET' });
    expect(r.doc.xsync.custNo).toBe('0005085217');
  });

  it('ERR-111 without key, ERR-123 with a wrong key', async () => {
    expect(errorOf(await callApi(sb, 'GetCustNo', { memberID: 'testshop' }, { key: null }))).toMatch(/^ERR-111 /);
    const wrong = await callApi(sb, 'GetCustNo', { memberID: 'testshop' }, { key: 'x'.repeat(30) });
    expect(wrong.status).toBe(200);
    expect(errorOf(wrong)).toBe('ERR-123 등록되지 않거나 유효하지 않은 인증키입니다.');
    expect(wrong.text).toMatch(/<error><error_code>ERR-123<\/error_code><message><!\[CDATA\[/);
  });

  it('ERR-511 naming regData when it is missing', async () => {
    const r = await callApi(sb, 'GetApprNo', {}, { regData: null });
    expect(errorOf(r)).toMatch(/^ERR-511 .*요청 변수\(regData\)/);
  });

  it('a wrong 보안키 decrypts to garbage: the fields are simply missing, like the real server', async () => {
    const r = await callApi(sb, 'GetCustNo', { memberID: 'testshop' }, { securityKey: 'wrongSecurityKey000000' });
    expect(errorOf(r)).toBe('ERR-511 필수항목누락-인터넷우체국 회원 아이디 ID(memberID) 값이 없습니다.');
    const order = await callApi(sb, 'InsertOrder', { custNo: '0005085217' }, { securityKey: 'wrongSecurityKey000000' });
    expect(errorOf(order)).toBe('ERR-211 필수항목누락-고객번호(custNo) 값이 없습니다.');
    const notHex = await callApi(sb, 'GetCustNo', {}, { regData: 'zz-not-hex' });
    expect(errorOf(notHex)).toMatch(/memberID/);
  });

  it('unknown paths get a 404; unknown messages an error answer', async () => {
    expect((await fetch(`${sb.url}/nothing`)).status).toBe(404);
    expect(errorOf(await callApi(sb, 'GetNothing', {}))).toMatch(/^ERR-999/);
  });

  it('honours configured keys and member id', async () => {
    const other = await startEpostSandbox({ apiKey: 'k'.repeat(30), securityKey: 'abcdefghij0123456789zz', memberId: 'shop2' });
    try {
      const params = new URLSearchParams({ key: 'k'.repeat(30), regData: encryptRegData('memberID=shop2', 'abcdefghij0123456789zz') });
      const text = await (await fetch(`${other.url}/api.GetCustNo.jparcel?${params}`)).text();
      expect(text).toContain('0005085217');
      expect(errorOf(await callApi(other, 'GetCustNo', { memberID: 'testshop' }))).toBe('ERR-511 고객번호(custNo)가 존재하지 않습니다.');
    } finally {
      await other.close();
    }
  });
});
