// Which origins count as a godomall admin: *.godomall.com (in the manifest), the origins the operator
// granted in the options page, and in the sandbox build the loopback simulators.

export function isGodomallHost(hostname: string): boolean {
  return hostname === 'godomall.com' || hostname.endsWith('.godomall.com');
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export function isAdminOrigin(origin: string, granted: readonly string[], sandbox: boolean): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  if (isGodomallHost(u.hostname)) return true;
  if (sandbox && u.protocol === 'http:' && isLoopbackHost(u.hostname)) return true;
  return granted.includes(u.origin);
}

/** The match pattern a runtime-granted origin registers its content script for. */
export function matchPatternFor(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
