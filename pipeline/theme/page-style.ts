import type { PageStyle, TextStyle } from './style.ts';
import type { Theme } from './index.ts';
import type { InputReader } from '../input/read.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';
import { validateYaml } from '../input/validate.ts';
import { pageSchema } from './page-schema.ts';

interface RawStyle { face: string; size: string | number; color: string }
interface RawPage {
  size: { width: number; height: number };
  margin: PageStyle['margin'];
  paragraphGap: number;
  measure: PageStyle['measure'];
  spacing: PageStyle['spacing'];
  contents: PageStyle['contents'];
  breaking: PageStyle['breaking'];
  cover: PageStyle['cover'];
  grid: PageStyle['grid'];
  surfaces: { tableHeader: string; tableStripe: string; box: string };
  styles: Record<string, RawStyle>;
}

const roles = ['body', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'footnote', 'small', 'header'] as const;

/** Reads `templates/page.yaml` and binds it to the theme's fonts, sizes and colours. */
export function readPageStyle(reader: InputReader, templatesDir: string, theme: Theme): PageStyle | undefined {
  const yaml = reader.yaml(`${templatesDir}/page.yaml`, 'page style');
  if (!yaml || yaml.value === undefined || !validateYaml(yaml, pageSchema, reader.issues, reader.valid)) return undefined;
  const raw = yaml.value as RawPage;
  if (!pageGeometryValid(reader, yaml, raw)) return undefined;
  const faces = theme.font.faces;
  const fontFiles = Object.fromEntries(Object.values(faces).map((face) => [face.name, face.file]));
  const colours = theme.colours as unknown as Record<string, string>;
  const sizes = theme.text as unknown as Record<string, number>;
  const styles = {} as Record<(typeof roles)[number], TextStyle>;
  for (const role of roles) {
    const style = raw.styles?.[role];
    const at = (key: string) => yaml.placeOf(['styles', role, key]);
    if (!style) {
      reader.issues.push(issueAt(yaml.placeOf(['styles']), { message: `the style "${role}" is missing`, hint: `Add "${role}: {face, size, color}" under styles.` }));
      continue;
    }
    const face = faces[style.face as keyof typeof faces];
    if (!face) reader.issues.push(issueAt(at('face'), { message: `"${style.face}" is not a face of the theme`, hint: `Use one of ${Object.keys(faces).join(', ')}.` }));
    const size = typeof style.size === 'number' ? style.size : sizes[style.size];
    if (size === undefined) reader.issues.push(issueAt(at('size'), { message: `"${style.size}" is not a text size of the theme`, hint: `Use a number or one of ${Object.keys(sizes).join(', ')}.` }));
    const color = colours[style.color];
    if (!color) reader.issues.push(issueAt(at('color'), { message: `"${style.color}" is not a colour of the theme`, hint: `Use one of ${Object.keys(colours).join(', ')}.` }));
    const points = size ?? 10;
    styles[role] = { font: face?.name ?? faces.regular.name, size: points, leading: Math.round(points * theme.text.lineHeight * 4) / 4, color: color ?? '#000000' };
  }
  const measure = raw.measure;
  if (!measure || ![measure.characters, measure.min, measure.max].every((n) => typeof n === 'number' && n > 0)) {
    reader.issues.push(issueAt(yaml.placeOf(measure ? ['measure'] : []), { message: 'the text measure is missing or not three positive numbers', hint: 'Add "measure: {characters: 68, min: 260, max: 400}": characters a line, and the narrowest and widest text column in pt.' }));
  }
  if (!textAreaHoldsLines(reader, yaml, raw, styles)) return undefined;
  return {
    width: raw.size.width,
    height: raw.size.height,
    margin: raw.margin,
    fonts: { regular: faces.regular.name, italic: faces.italic.name, bold: faces.bold.name, boldItalic: faces.boldItalic.name, semibold: faces.semibold.name },
    fontFiles,
    colors: { text: colours.text!, accent: colours.accent!, muted: colours.muted!, rule: colours.rule!, ...raw.surfaces },
    ...styles,
    paragraphGap: raw.paragraphGap,
    measure: measure ?? { characters: 68, min: 260, max: 400 },
    spacing: raw.spacing,
    contents: raw.contents,
    breaking: raw.breaking,
    cover: raw.cover,
    grid: raw.grid,
  };
}

/** The largest page PDF viewers accept: 200 inches. */
const maxPageSide = 14_400;

/** Page size and margins are numbers in range, so the text area can be computed at all. */
function pageGeometryValid(reader: InputReader, yaml: YamlFile, raw: RawPage): boolean {
  const before = reader.issues.length;
  const number = (path: string[], min: number, max: number, what: string) => {
    let value: unknown = raw;
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      reader.issues.push(issueAt(yaml.placeOf(path), { message: `${path.join('.')} is ${value === undefined ? 'missing' : JSON.stringify(value)}: ${what} must be a number from ${min} to ${max} (pt)`, hint: 'Sizes are in points: A4 is width 595.28, height 841.89; margins of about 57–78 pt are usual.' }));
    }
  };
  number(['size', 'width'], 72, maxPageSide, 'the page width');
  number(['size', 'height'], 72, maxPageSide, 'the page height');
  for (const side of ['top', 'bottom', 'left', 'right']) number(['margin', side], 0, maxPageSide, `the ${side} margin`);
  number(['paragraphGap'], 0, 200, 'the gap between paragraphs');
  return reader.issues.length === before;
}

/** The text area left inside the margins holds lines of text: else no text could ever be set. */
function textAreaHoldsLines(reader: InputReader, yaml: YamlFile, raw: RawPage, styles: Record<string, TextStyle>): boolean {
  const width = raw.size.width - raw.margin.left - raw.margin.right;
  const height = raw.size.height - raw.margin.top - raw.margin.bottom;
  const body = styles.body?.size ?? 10;
  const tallest = Math.max(...Object.values(styles).map((style) => style.leading));
  const minWidth = 10 * body;
  const minHeight = 5 * tallest;
  const before = reader.issues.length;
  if (width < minWidth) {
    reader.issues.push(issueAt(yaml.placeOf(['margin']), {
      message: `the margins leave a text area ${formatPt(width)} wide, too narrow for a line of text (at least ${formatPt(minWidth)}: ten times the body size)`,
      hint: `Make left + right (now ${formatPt(raw.margin.left + raw.margin.right)}) smaller than the page width ${formatPt(raw.size.width)} by at least ${formatPt(minWidth)}.`,
    }));
  }
  if (height < minHeight) {
    reader.issues.push(issueAt(yaml.placeOf(['margin']), {
      message: `the margins leave a text area ${formatPt(height)} high, too low for the lines of a page (at least ${formatPt(minHeight)}: five of the tallest lines)`,
      hint: `Make top + bottom (now ${formatPt(raw.margin.top + raw.margin.bottom)}) smaller than the page height ${formatPt(raw.size.height)} by at least ${formatPt(minHeight)}.`,
    }));
  }
  return reader.issues.length === before;
}

function formatPt(points: number): string {
  return `${Math.round(points * 10) / 10} pt`;
}
