import type { PageStyle, TextStyle } from '../layout/style.ts';
import type { InputReader } from './read.ts';
import { issueAt } from './yaml-file.ts';

/** The typeface and palette the page styles draw on; they come from the shared theme. */
export interface PageThemeParts {
  /** Font files by weight name: regular, italic, bold, boldItalic, semibold. */
  fontFiles: Readonly<Record<'regular' | 'italic' | 'bold' | 'boldItalic' | 'semibold', string>>;
  /** Colours by name: text, accent, muted, rule, tableHeader, tableStripe, box. */
  colors: Readonly<Record<string, string>>;
}

interface RawStyle { weight: string; size: number; leading: number; color: string }
interface RawPage {
  size: { width: number; height: number };
  margin: PageStyle['margin'];
  paragraphGap: number;
  styles: Record<string, RawStyle>;
}

const roles = ['body', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'footnote', 'small', 'header'] as const;

/** Reads `templates/page.yaml` and binds it to the theme's fonts and colours. */
export function readPageStyle(reader: InputReader, templatesDir: string, theme: PageThemeParts): PageStyle | undefined {
  const yaml = reader.yaml(`${templatesDir}/page.yaml`, 'page style');
  if (!yaml || yaml.value === undefined) return undefined;
  const raw = yaml.value as RawPage;
  const fonts = { regular: 'body-regular', italic: 'body-italic', bold: 'body-bold', boldItalic: 'body-bold-italic', semibold: 'body-semibold' };
  const fontFiles: Record<string, string> = {};
  for (const [weight, name] of Object.entries(fonts)) fontFiles[name] = theme.fontFiles[weight as keyof PageThemeParts['fontFiles']];
  const color = (name: string, path: (string | number)[]) => {
    const value = theme.colors[name] ?? (/^#[0-9a-f]{6}$/i.test(name) ? name : undefined);
    if (!value) reader.issues.push(issueAt(yaml.placeOf(path), { message: `"${name}" is not a colour of the theme`, hint: `Use one of ${Object.keys(theme.colors).join(', ')} or a #rrggbb value.` }));
    return value ?? '#000000';
  };
  const styles = {} as Record<(typeof roles)[number], TextStyle>;
  for (const role of roles) {
    const style = raw.styles?.[role];
    if (!style) {
      reader.issues.push(issueAt(yaml.placeOf(['styles']), { message: `the style "${role}" is missing`, hint: `Add "${role}: {weight, size, leading, color}" under styles.` }));
      continue;
    }
    const font = fonts[style.weight as keyof typeof fonts];
    if (!font) reader.issues.push(issueAt(yaml.placeOf(['styles', role, 'weight']), { message: `"${style.weight}" is not a font weight`, hint: `Use one of ${Object.keys(fonts).join(', ')}.` }));
    styles[role] = { font: font ?? fonts.regular, size: style.size, leading: style.leading, color: color(style.color, ['styles', role, 'color']) };
  }
  const c = (name: string) => theme.colors[name] ?? '#000000';
  return {
    width: raw.size.width,
    height: raw.size.height,
    margin: raw.margin,
    fonts,
    fontFiles,
    colors: { text: c('text'), accent: c('accent'), muted: c('muted'), rule: c('rule'), tableHeader: c('tableHeader'), tableStripe: c('tableStripe'), box: c('box') },
    ...styles,
    paragraphGap: raw.paragraphGap,
  };
}
