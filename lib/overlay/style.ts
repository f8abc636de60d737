// The overlay's one stylesheet. Every selector starts with an `epg-` class, so nothing here can
// restyle the admin. Badges use `contain: inline-size`: they count as zero wide when the admin's
// table sizes its columns, so no column ever widens; in the 주문상품 cell a badge is one line (state
// chip, number, icons), and only a too-narrow cell wraps it between those parts.
export const STYLE_ID = 'epg-overlay-style';

const CSS = `
.epg-badge{display:flex;flex-wrap:wrap;align-items:center;gap:2px 5px;contain:inline-size;margin:4px 0 1px;font-size:11px;line-height:16px;text-align:left;white-space:nowrap;font-weight:normal}
.epg-badge[data-epg-place=orderNo],.epg-badge[data-epg-place=status],.epg-badge[data-epg-place=check]{justify-content:center}
.epg-badge__label{display:inline-block;padding:0 7px;border:1px solid #bbb;border-radius:9px;background:#f4f4f4;color:#555;font-size:11px;line-height:15px;font-weight:bold;text-decoration:none}
a.epg-badge__label{cursor:pointer;text-decoration:underline}
.epg-badge__no{display:inline-block;color:#222;font-family:Consolas,'DejaVu Sans Mono','Noto Sans Mono',monospace;font-size:12px;letter-spacing:0;user-select:all}
.epg-badge__no--grouped>span:not(:last-child)::after{content:"-";color:#888}
.epg-badge[data-epg-place=status] .epg-badge__no,.epg-badge[data-epg-place=check] .epg-badge__no{white-space:normal;overflow-wrap:normal;word-break:keep-all}
.epg-badge__icon{position:relative;display:inline-flex;width:15px;height:15px;cursor:help}
.epg-badge__icon svg{width:15px;height:15px}
.epg-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.epg-badge__exc{color:#c9302c}
.epg-badge__exc--twins{color:#8e44ad}
.epg-badge__exc--stuck{color:#d58512}
.epg-badge__fail{color:#d58512}
.epg-badge__wait{color:#337ab7}
.epg-badge__island{color:#1f7a8c}
.epg-badge__box{color:#777}
.epg-badge__test{display:inline-block;padding:0 4px;border-radius:3px;background:#f0ad4e;color:#fff;font-size:10px;line-height:14px}
.epg-badge--unissued .epg-badge__label{border-color:#ccc;background:#fafafa;color:#888;font-weight:normal}
.epg-badge--pending .epg-badge__label{border-color:#5bc0de;color:#31708f;background:#eef8fb}
.epg-badge--issued .epg-badge__label{border-color:#d63c1f;color:#d63c1f;background:#fff5f2}
.epg-badge--reserved .epg-badge__label{border-color:#d63c1f;color:#fff;background:#d63c1f}
.epg-badge--shipping .epg-badge__label{border-color:#337ab7;color:#fff;background:#337ab7}
.epg-badge--delivered .epg-badge__label{border-color:#3c763d;color:#fff;background:#3c763d}
.epg-badge--contactError .epg-badge__label{border-color:#c9302c;color:#c9302c;background:#fdecea}
.epg-badge--unlinked .epg-badge__label{border-style:dashed;color:#777;background:#fff}
.epg-badge--typed .epg-badge__label{border-color:#d63c1f;color:#d63c1f;background:#fff}
.epg-badge--otherCourier .epg-badge__label{color:#999;font-weight:normal}
.epg-badge--notParcel .epg-badge__label{color:#999;font-weight:normal}
.epg-badge--claimRequested .epg-badge__label{border-style:dashed;border-color:#d58512;color:#a36208;background:#fffaf0;font-weight:normal}
tr.epg-hidden{visibility:collapse}
.epg-toolbar{clear:both;display:block;flex:1 1 0%;min-width:0;margin:4px 0;padding:5px 6px;border:1px solid #e4c6be;border-radius:3px;background:#fffaf8;font-size:12px;line-height:1.5;text-align:left}
.epg-toolbar__row{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px}
.epg-toolbar__title{font-weight:bold;color:#d63c1f;margin-right:4px}
.epg-toolbar__label{color:#555;margin-left:6px}
.epg-toolbar .epg-select{display:inline-block;width:auto;height:26px;padding:2px 4px;font-size:12px}
.epg-toolbar .epg-btn{margin:0}
.epg-toolbar .epg-btn--on{background:#d63c1f;border-color:#d63c1f;color:#fff}
.epg-toolbar__sep{width:1px;height:18px;background:#ddd;margin:0 4px}
.epg-toolbar__muted{color:#888}
.epg-notice{margin-top:4px;padding:3px 6px;border-radius:3px;background:#eef5fb;color:#31708f}
.epg-notice--error{background:#fdecea;color:#a94442}
.epg-job{margin-top:4px;contain:layout paint;will-change:transform}
.epg-job__bar{height:6px;margin:3px 0;background:#eee;border-radius:3px;overflow:hidden}
.epg-job__fill{height:100%;background:#d63c1f}
.epg-results{max-height:180px;overflow:auto;margin:4px 0 0;padding:0;list-style:none;border-top:1px solid #eee}
.epg-results li{padding:1px 0}
.epg-results .epg-r--failed{color:#a94442}
.epg-results .epg-r--skipped{color:#8a6d3b}
.epg-preview{margin-top:6px;padding:5px 6px;border:1px solid #e4c6be;border-radius:3px;background:#fff}
.epg-preview__title{font-weight:bold;margin-bottom:4px}
.epg-preview__table{width:auto;max-height:260px;margin-bottom:6px}
.epg-preview__table td,.epg-preview__table th{padding:2px 8px !important}
`;

/** Adds the stylesheet once per document (a second content-script instance finds it by id). */
export function ensureStyle(doc: Document): HTMLStyleElement {
  const found = doc.getElementById(STYLE_ID);
  if (found) return found as HTMLStyleElement;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}
