import type { ServerResponse } from 'node:http';

/** Who may frame the tab: Teams and the other Microsoft 365 hosts, as Teams' tab requirements list them. */
const TAB_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * The tab's Content-Security-Policy: its own scripts only (no inline script, no eval), styles inline as well
 * (Fluent UI and the page's first paint set them), data from its own API, and framed only by Microsoft 365.
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TAB_HOSTS.join(' ')}`,
].join('; ');

/** Everything else (the API, the bot endpoint) is data: it loads nothing and is framed by nobody. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Sets the headers every answer carries; the tab's pages get the tab's policy. */
export function setSecurityHeaders(res: ServerResponse, isTab: boolean): void {
  res.setHeader('content-security-policy', isTab ? TAB_CSP : DATA_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin-allow-popups');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}
