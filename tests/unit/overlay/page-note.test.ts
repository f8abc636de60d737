// @vitest-environment happy-dom
// The note on the admin's other parcel pages: under the page's title bar (line 1 of each template),
// once, and gone with the content script.
import { describe, expect, it } from 'vitest';
import { mountPageNote } from '../../../lib/overlay/page-note';

describe('page note', () => {
  it('goes right under the title bar, once, in the page’s words', () => {
    document.body.innerHTML =
      '<div class="page-header js-affix"><h3>교환추가 리스트</h3></div><form id="frmOrderStatus"><div class="table-action"></div></form>';
    const note = mountPageNote(document, '우체국택배', '교환 재배송은 아직 지원하지 않습니다.');
    expect(note).toBeDefined();
    const el = document.querySelector('.page-header')!.nextElementSibling!;
    expect(el.hasAttribute('data-epg-page-note')).toBe(true);
    expect(el.textContent).toBe('우체국택배교환 재배송은 아직 지원하지 않습니다.');
    expect(mountPageNote(document, 'x', 'y')).toBeUndefined();
    note!.unmount();
    expect(document.querySelector('[data-epg-page-note]')).toBeNull();
  });

  it('stays out of a page without a title bar', () => {
    document.body.innerHTML = '<form id="frmLogin"></form>';
    expect(mountPageNote(document, '우체국택배', '…')).toBeUndefined();
  });
});
