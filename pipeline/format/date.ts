/** A date of the data (`YYYY-MM-DD`) written the locale's way: "1 June 2011", "1 июня 2011 г.". */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
