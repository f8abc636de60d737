// An expired admin session answers any page or POST with the login page (200 HTML): detect it.
import { SEL } from './selectors';

export function isLoginPage(doc: ParentNode): boolean {
  return !!doc.querySelector(SEL.loginForm) || (!!doc.querySelector(SEL.loginIdInput) && !!doc.querySelector(SEL.loginPwInput));
}

/** Cheap check on raw HTML before parsing (the login form's names). */
export function looksLikeLoginHtml(html: string): boolean {
  return /id=["']?frmLogin\b/.test(html) || (/name=["']?managerId\b/.test(html) && /name=["']?managerPw\b/.test(html));
}
