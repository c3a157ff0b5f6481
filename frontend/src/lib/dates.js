// Dates as the backend speaks them: renewal dates are "YYYY-MM-DD".

const pad = (n) => String(n).padStart(2, '0');

/** todayISO is the local calendar date, the default for a renewal. */
export function todayISO(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** isISODate accepts a real calendar date written YYYY-MM-DD. */
export function isISODate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** renewalLabel shows an entry's last renewal (a date or RFC 3339 time) or "never". */
export function renewalLabel(lastRenewal) {
  if (!lastRenewal) return 'never';
  return String(lastRenewal).slice(0, 10);
}
