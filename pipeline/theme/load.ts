import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { insideFolder } from '../util/paths.ts';
import type { Font } from 'fontkit';
import { openFont } from './open-font.ts';
import { asEnvironmentError, InputError } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { InputReader, type InputMemory } from '../input/read.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';
import { closest } from '../util/text.ts';
import { themeSchema, type RawTheme } from './schema.ts';
import { faceNames, templateNames, type FaceName, type FontFace, type TemplateName, type Theme } from './types.ts';
import { FontMemory } from './font-memory.ts';

/**
 * Reads `<templatesDir>/theme.yaml` and the chart templates `<templatesDir>/charts/<kind>.json`,
 * and opens the font files the theme names. Throws `InputError` with every problem found.
 */
export function loadTheme(root: string, templatesDir: string, memory: { fonts?: FontMemory; input?: InputMemory } = {}): Theme {
  const reader = new InputReader(root, { memory: memory.input });
  // 1. The theme file, checked against its schema so a typo names its line.
  const yaml = reader.yaml(`${templatesDir}/theme.yaml`, 'theme');
  if (!yaml || !validateYaml(yaml, themeSchema, reader.issues, reader.valid)) throw new InputError(reader.issues);
  const raw = yaml.value;
  // 2. The fonts, from the npm package the theme names, their bytes kept for shaping.
  const fonts = memory.fonts ?? new FontMemory();
  const faces = openFaces(root, raw.font, yaml, reader, fonts);
  // 3. The chart templates: JSON is YAML, so a syntax error gets its line and column too.
  const templates = readTemplates(reader, templatesDir);
  if (reader.hasErrors() || !faces || !templates) throw new InputError(reader.issues);
  const { font, ...rest } = raw;
  return { ...rest, file: yaml.file, font: { family: font.family, faces }, templates, memory: fonts };
}

function openFaces(root: string, font: RawTheme['font'], yaml: YamlFile, reader: InputReader, memory: FontMemory): Record<FaceName, FontFace> | undefined {
  const packageDir = resolvePackage(root, font.package);
  if (!packageDir) {
    reader.issues.push(issueAt(yaml.placeOf(['font', 'package']), {
      message: `the font package "${font.package}" is not installed`,
      hint: `Run "npm install ${font.package}", or name an installed font package here.`,
    }));
    return undefined;
  }
  const faces = {} as Record<FaceName, FontFace>;
  for (const key of faceNames) {
    const face = font.faces[key];
    const file = join(packageDir, face.file);
    const place = yaml.placeOf(['font', 'faces', key, 'file']);
    // A font is read from its package only: the theme cannot name any other file of the machine.
    if (isAbsolute(face.file) || !insideFolder(packageDir, file)) {
      reader.issues.push(issueAt(place, { message: `the font file "${face.file}" lies outside the package ${font.package}`, hint: `Name a file inside the package, relative to it, e.g. "400Regular/SourceSans3_400Regular.ttf".` }));
      continue;
    }
    if (!existsSync(file)) {
      reader.issues.push(issueAt(place, msg.fileMissing(`font (${font.package}/${face.file})`)));
      continue;
    }
    let opened: ReturnType<typeof openFont>;
    try {
      opened = openFont(file, memory);
    } catch (error) {
      const refused = asEnvironmentError(error);
      if (refused !== error) throw refused;
      reader.issues.push(issueAt(place, { message: `${face.file} is not a font file fontkit can read (${(error as Error).message})`, hint: 'Name a TTF or OTF file of the package.' }));
      continue;
    }
    if (!('layout' in opened)) {
      reader.issues.push(issueAt(place, { message: `${face.file} holds several fonts`, hint: 'Name a single-face TTF or OTF file.' }));
      continue;
    }
    if (!familyNames(opened).includes(font.family)) {
      reader.issues.push(issueAt(place, {
        message: `${face.file} is of the family "${opened.familyName}", not "${font.family}"`,
        hint: 'Chart renderers find fonts by family name: use the family name inside the font files.',
      }));
    }
    faces[key] = { key, file, weight: face.weight, style: face.style, name: face.name, font: opened };
  }
  return Object.keys(faces).length === faceNames.length ? faces : undefined;
}

/** The family names a renderer may know a face by: its own and its typographic family. */
function familyNames(font: Font): string[] {
  return [font.familyName, ...Object.values(font.name?.records?.preferredFamily ?? {})];
}

/**
 * The folder of an npm package: installed in the project, or else beside the pipeline itself
 * (a project copied elsewhere, e.g. a test's temporary folder, has no node_modules of its own).
 */
function resolvePackage(root: string, name: string): string | undefined {
  for (const base of [join(root, 'package.json'), import.meta.url]) {
    try {
      return dirname(createRequire(base).resolve(`${name}/package.json`));
    } catch {
      // Not installed there; try the next place.
    }
  }
  return undefined;
}

function readTemplates(reader: InputReader, templatesDir: string): Record<TemplateName, unknown> | undefined {
  const templates = {} as Record<TemplateName, unknown>;
  for (const name of templateNames) {
    const file = reader.yaml(`${templatesDir}/charts/${name}.json`, `${name} chart template`);
    if (!file || file.value === undefined) continue;
    const before = reader.issues.length;
    checkMarks(file, reader);
    if (reader.issues.length > before) continue;
    templates[name] = file.value;
  }
  return Object.keys(templates).length === templateNames.length ? templates : undefined;
}

/** Mark types of Vega-Lite (`mark`) and of Vega (`marks[].type`). */
const liteMarks = ['arc', 'area', 'bar', 'image', 'line', 'point', 'rect', 'rule', 'text', 'tick', 'trail', 'circle', 'square', 'geoshape', 'boxplot', 'errorband', 'errorbar'];
const vegaMarks = ['arc', 'area', 'image', 'group', 'line', 'path', 'rect', 'rule', 'shape', 'symbol', 'text', 'trail'];

/** Every mark of a chart template is one its renderer draws: an unknown one would fail inside Vega, unlocated. */
function checkMarks(file: YamlFile, reader: InputReader): void {
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((child, i) => visit(child, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'mark') {
          const type = typeof child === 'string' ? child : (child as { type?: unknown } | null)?.type;
          const at = typeof child === 'string' ? [...path, 'mark'] : [...path, 'mark', 'type'];
          if (typeof type === 'string' && !type.startsWith('$') && !liteMarks.includes(type)) reader.issues.push(issueAt(file.placeOf(at), unknownMark(type, liteMarks)));
        }
        if (key === 'marks' && Array.isArray(child)) {
          child.forEach((mark: { type?: unknown }, i) => {
            if (typeof mark?.type === 'string' && !mark.type.startsWith('$') && !vegaMarks.includes(mark.type)) reader.issues.push(issueAt(file.placeOf([...path, 'marks', i, 'type']), unknownMark(mark.type, vegaMarks)));
          });
        }
        visit(child, [...path, key]);
      }
    }
  };
  visit(file.value, []);
}

function unknownMark(type: string, known: readonly string[]) {
  const near = closest(type, known);
  return { message: `"${type}" is not a mark type`, hint: `${near ? `Did you mean "${near}"? ` : ''}Marks: ${known.join(', ')}.` };
}
