// The admin login page. Any admin page or POST without a valid session answers with it (200 HTML).
import { esc } from './html';

export function renderLoginPage(message = ''): string {
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>고도몰5 관리자 로그인</title>
<style>body{font-family:sans-serif;background:#eee}.login-box{width:320px;margin:120px auto;background:#fff;padding:24px;border:1px solid #ccc}
.login-box input{display:block;width:100%;margin:6px 0;padding:6px;box-sizing:border-box}</style></head>
<body><div class="login-box"><h2>godomall5 관리자 로그인</h2>
${message ? `<p class="text-danger">${esc(message)}</p>` : ''}
<form id="frmLogin" name="frmLogin" method="post" action="/base/login_ps.php">
<input type="hidden" name="mode" value="login">
<input type="text" name="managerId" placeholder="아이디" autocomplete="username">
<input type="password" name="managerPw" placeholder="비밀번호" autocomplete="current-password">
<button type="submit">로그인</button>
</form></div></body></html>`;
}
