// Paging math for the entry list ("1–100 of 340").

export const PAGE_SIZE = 100;

/** pageView describes the page that starts at start, for a list of total items. */
export function pageView(start, total, size = PAGE_SIZE) {
  if (total <= 0) return { from: 0, to: 0, text: 'No entries', hasPrev: false, hasNext: false };
  const from = start + 1;
  const to = Math.min(start + size, total);
  return {
    from,
    to,
    text: `${from}–${to} of ${total}`,
    hasPrev: start > 0,
    hasNext: to < total,
  };
}

/** nextStart and prevStart move one page, staying inside the list. */
export function nextStart(start, total, size = PAGE_SIZE) {
  return start + size < total ? start + size : start;
}

export function prevStart(start, size = PAGE_SIZE) {
  return Math.max(0, start - size);
}

/**
 * clampStart keeps a start offset on a page that still exists, e.g. after the
 * last entry of the last page was removed.
 */
export function clampStart(start, total, size = PAGE_SIZE) {
  if (total <= 0 || start <= 0) return 0;
  if (start < total) return start - (start % size);
  return Math.floor((total - 1) / size) * size;
}
