// The order panel's stylesheet, next to the lists' (lib/overlay/style.ts, whose buttons, notices and job
// bars the panel shares). Every selector starts with `.epg-op`, so nothing here restyles the admin; the
// panel otherwise wears godomall's own table classes (table-title, table table-rows).
const STYLE_ID = 'epg-order-panel-style';

const CSS = `
.epg-op{margin:0 0 30px;font-size:12px}
.epg-op__actions{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:0 0 6px;padding:5px 6px;border:1px solid #e4c6be;border-radius:3px;background:#fffaf8}
.epg-op__label{color:#555}
.epg-op__spacer{flex:1 1 auto}
.epg-op .epg-btn{margin:0}
.epg-op .epg-btn--on{background:#d63c1f;border-color:#d63c1f;color:#fff}
.epg-op__parcels{margin-bottom:6px;table-layout:fixed}
.epg-op__parcels td{vertical-align:top !important;overflow-wrap:anywhere}
.epg-op td.epg-op__track,.epg-op td.epg-op__detail{text-align:left !important}
.epg-op__parcel--gone td{color:#999}
.epg-op__no{font-family:Consolas,monospace}
.epg-op__state{display:inline-block;padding:0 5px;border:1px solid #bbb;border-radius:3px;background:#f6f6f6;color:#555}
.epg-op__state--issued{border-color:#d63c1f;color:#d63c1f;background:#fff5f2}
.epg-op__state--reserved{border-color:#d63c1f;color:#fff;background:#d63c1f}
.epg-op__state--shipping{border-color:#337ab7;color:#fff;background:#337ab7}
.epg-op__state--delivered{border-color:#3c763d;color:#fff;background:#3c763d}
.epg-op__state--failed{border-color:#c9302c;color:#c9302c;background:#fdecea}
.epg-op__state--void{text-decoration:line-through}
.epg-op__warn{margin-top:2px;color:#a94442}
.epg-op__muted{color:#888}
.epg-op__buttons .epg-btn{margin:1px 2px}
.epg-op__timeline summary{cursor:pointer}
.epg-op__timeline ol{margin:4px 0 0;padding-left:18px}
.epg-op__timeline li{padding:1px 0}
.epg-op__when{font-family:Consolas,monospace;color:#555}
.epg-op__audit summary{cursor:pointer;color:#555;margin:4px 0}
.epg-op__audit table{margin-top:4px}
`;

/** Adds the stylesheet once per document. */
export function ensurePanelStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}
