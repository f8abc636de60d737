// HTML helpers and the admin's page shell (the header's manager block follows Asset/Admin/header.php:39–46). jQuery/Bootstrap are not available offline, so a small
// inline stylesheet gives the bootstrap-ish look and a tiny inline script plays the admin's part.

export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Lists cut long product names at about 46 characters + `..` (by code point, emoji intact). */
export function cutName(name: string, max = 46): string {
  const chars = Array.from(name);
  return chars.length > max ? `${chars.slice(0, max).join('')}..` : name;
}

export const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;

const CSS = `
body{font-family:'Noto Sans KR','Malgun Gothic',sans-serif;font-size:12px;color:#333;margin:0;background:#f5f5f5}
#header{background:#2b2b2b;color:#fff;padding:8px 16px;display:flex;justify-content:space-between}
#header a{color:#fff}
.display-none{display:none}
#content{padding:16px 20px;background:#fff;margin:0 auto}
.page-header h3{font-size:18px;border-bottom:2px solid #333;padding-bottom:8px}
.table{width:100%;border-collapse:collapse;margin-bottom:10px}
.table th,.table td{border:1px solid #ddd;padding:5px 6px;vertical-align:middle}
.table thead th{background:#f1f1f1;font-weight:bold;text-align:center}
.table-rows td{text-align:center}
.btn{display:inline-block;padding:4px 10px;border:1px solid #ccc;background:#fff;border-radius:2px;cursor:pointer;font-size:12px}
.btn-red{background:#fa2828;color:#fff;border-color:#fa2828}
.btn-black{background:#333;color:#fff}
.btn-xs{padding:1px 5px;font-size:11px}
.table-action{display:flex;gap:6px;align-items:center;padding:8px;background:#f9f9f9;border:1px solid #e5e5e5;margin:6px 0}
.form-control{border:1px solid #ccc;padding:3px 5px;font-size:12px}
.pagination{display:flex;gap:4px;list-style:none;padding:0;justify-content:center}
.pagination li a,.pagination li span{border:1px solid #ddd;padding:3px 8px;text-decoration:none;color:#333}
.pagination li.active span{background:#333;color:#fff}
.text-danger{color:#fa2828}.text-muted{color:#999}
.search-detail-box{border:1px solid #ddd;padding:8px;margin-bottom:10px}
#dialog{position:fixed;top:30%;left:50%;transform:translateX(-50%);background:#fff;border:1px solid #333;padding:16px 24px;display:none;z-index:9}
`;

const SCRIPT = `
window.dialog_alert = function (msg, title, opt) {
  var d = document.getElementById('dialog');
  d.textContent = msg; d.setAttribute('data-title', title || ''); d.style.display = 'block';
  if (opt && opt.isReload) setTimeout(function () { location.reload(); }, 600);
};
window.delivery_trace = function (company, no) { window.dialog_alert('배송추적: ' + no, '배송추적'); };
// orderList.js:658-660 opens the order in this admin's order_view.php (a new tab unless set otherwise)
window.open_order_link = function (orderNo) { window.open('./order_view.php?orderNo=' + orderNo, '_blank'); };
`;

/** The admin page shell: Asset/Admin/layout_basic.php:12-37 and header.php:34-48 (the manager link). */
export function shell(title: string, operatorId: string, body: string, extraScript = ''): string {
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>${esc(title)} | 고도몰5 관리자</title>
<style>${CSS}</style><script>${SCRIPT}</script></head>
<body class="layout-basic">
<div id="container-wrap" class="container-fluid">
<div id="container" class="row">
<div id="header" class="col-xs-12">
<nav class="navbar"><div class="container"><div class="navbar-inner"><span>godo<b>mall5</b> 관리자</span>
<div class="gnb"><ul class="list-inline"><li class="no-bar"><div class="dropdown">
<a href="#" class="dropdown-toggle gnb-idinfo" id="headerSubMenuManager" data-toggle="dropdown" aria-haspopup="false" aria-expanded="false">
<span>운영자</span>님 (
<span>${esc(operatorId)}</span>
) </a>
<ul class="dropdown-menu gnb-dropdown-menu" aria-labelledby="headerSubMenuManager"><li class="dropdown-item"><a href="/base/login_ps.php?mode=logout">로그아웃</a></li></ul>
</div></li></ul></div>
</div></div></nav>
</div>
<div id="content-wrap">
<div id="content" class="row">
<div class="col-xs-12">
${body}
</div>
</div>
</div>
</div>
</div>
<div id="dialog"></div>
<iframe name="ifrmProcess" id="ifrmProcess" class="display-none" style="display:none" src="about:blank"></iframe>
${extraScript ? `<script>${extraScript}</script>` : ''}
</body></html>`;
}

/** The small page the admin answers POSTs with, inside iframe[name=ifrmProcess]. */
export function iframeAnswer(message: string, ok: boolean): string {
  const js = JSON.stringify(message).replace(/</g, '\\u003c');
  const call = ok ? `parent.dialog_alert(${js}, '확인', {isReload:true});` : `parent.dialog_alert(${js}, '경고');`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script type="text/javascript">${call}</script></body></html>`;
}
