// The overlay's one stylesheet. Every selector starts with an `epg-` class, so nothing here can
// restyle the admin. Badges use `contain: inline-size`: they wrap inside the admin's cell and never
// widen a column.
export const STYLE_ID = 'epg-overlay-style';

const CSS = `
.epg-badge{display:block;contain:inline-size;margin:2px 0 0;font-size:11px;line-height:1.35;text-align:center;white-space:normal;overflow-wrap:anywhere}
.epg-badge__label{display:inline-block;padding:0 4px;border:1px solid #bbb;border-radius:3px;background:#f6f6f6;color:#555;font-weight:normal;text-decoration:none}
a.epg-badge__label{cursor:pointer;text-decoration:underline}
.epg-badge__no{display:inline-block;margin-left:3px;color:#333;font-family:Consolas,monospace;font-size:10px}
.epg-badge__no--grouped{overflow-wrap:normal;word-break:keep-all}
.epg-badge__exc{display:inline-block;margin-left:3px;padding:0 3px;border-radius:3px;background:#a94442;color:#fff}
.epg-badge__test{display:inline-block;margin-left:3px;padding:0 3px;border-radius:3px;background:#f0ad4e;color:#fff}
.epg-badge__box{display:inline-block;margin-left:3px;padding:0 3px;border-radius:3px;border:1px solid #999;color:#555}
.epg-badge__island{display:inline-block;word-break:keep-all;margin-left:3px;padding:0 3px;border-radius:3px;background:#31708f;color:#fff}
.epg-badge--unissued .epg-badge__label{border-color:#ccc;color:#777}
.epg-badge--pending .epg-badge__label{border-color:#5bc0de;color:#31708f;background:#eef8fb}
.epg-badge--issued .epg-badge__label{border-color:#d63c1f;color:#d63c1f;background:#fff5f2}
.epg-badge--reserved .epg-badge__label{border-color:#d63c1f;color:#fff;background:#d63c1f}
.epg-badge--shipping .epg-badge__label{border-color:#337ab7;color:#fff;background:#337ab7}
.epg-badge--delivered .epg-badge__label{border-color:#3c763d;color:#fff;background:#3c763d}
.epg-badge--contactError .epg-badge__label{border-color:#c9302c;color:#c9302c;background:#fdecea;font-weight:bold}
.epg-badge--unlinked .epg-badge__label{border-style:dashed;color:#777}
.epg-badge--typed .epg-badge__label{border-color:#d63c1f;color:#d63c1f}
.epg-badge--otherCourier .epg-badge__label{color:#999}
.epg-badge--notParcel .epg-badge__label{color:#999}
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
.epg-job{margin-top:4px}
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
