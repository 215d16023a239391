/** The letters of a 1-based column number, as spreadsheets name columns: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's reference from its 1-based column and row: (4, 14) → "D14". */
export function cellRef(column: number, row: number): string {
  return `${columnName(column)}${row}`;
}

/** The 1-based column and row of a reference such as "D14"; undefined for anything else. */
export function parseCellRef(ref: string): { column: number; row: number } | undefined {
  const match = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: Number(match[2]) };
}
