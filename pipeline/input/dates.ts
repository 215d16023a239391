const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a date written YYYY-MM-DD is not a day of the calendar ("February 2011 has 28 days"),
 * or undefined when it is one. `2011-02-30` must not become 2 March, as `Date` would make it.
 */
export function calendarProblem(text: string): string | undefined {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${months[month - 1]} ${year} has ${days} days`;
  return undefined;
}
