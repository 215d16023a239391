import type { PageStyle, TextStyle } from '../layout/style.ts';
import type { Theme } from '../theme/index.ts';
import type { InputReader } from './read.ts';
import { issueAt } from './yaml-file.ts';

interface RawStyle { face: string; size: string | number; color: string }
interface RawPage {
  size: { width: number; height: number };
  margin: PageStyle['margin'];
  paragraphGap: number;
  measure: PageStyle['measure'];
  surfaces: { tableHeader: string; tableStripe: string; box: string };
  styles: Record<string, RawStyle>;
}

const roles = ['body', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'footnote', 'small', 'header'] as const;

/** Reads `templates/page.yaml` and binds it to the theme's fonts, sizes and colours. */
export function readPageStyle(reader: InputReader, templatesDir: string, theme: Theme): PageStyle | undefined {
  const yaml = reader.yaml(`${templatesDir}/page.yaml`, 'page style');
  if (!yaml || yaml.value === undefined) return undefined;
  const raw = yaml.value as RawPage;
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
  };
}
