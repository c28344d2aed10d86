/**
 * Months as `month`, the page address and the month grid write them: `YYYY-MM`. Apart from the
 * grid's maths (show/month.ts) because the list itself needs these two lines on every page,
 * while the grid's code arrives on demand.
 */

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** `YYYY-MM` as numbers, when it is a month. */
export function parseMonth(value: string): {year: number; month: number} | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match && +match[2] >= 1 && +match[2] <= 12 ? {year: +match[1], month: +match[2]} : undefined;
}
