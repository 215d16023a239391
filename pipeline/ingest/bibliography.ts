import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import type { BibEntry } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { bibliographySchema } from './schemas/content.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt } from '../input/yaml-file.ts';

/**
 * Reads the works cited: the framework's (the publications describing the CSI, cited by the
 * generic texts) and then the country's. An entry without a title or without an author, or a key
 * given twice, is an error at its line: the reference list must let a reader find every work.
 */
export function readBibliography(reader: InputReader, paths: readonly string[]): BibEntry[] {
  const entries: BibEntry[] = [];
  for (const path of paths) {
    if (!reader.exists(path)) continue;
    const yaml = reader.yaml(path, 'bibliography');
    if (!yaml || !validateYaml(yaml, bibliographySchema, reader.issues, reader.valid)) continue;
    yaml.value.forEach((entry, index) => {
      const at = yaml.placeOf([index]);
      const first = entries.find((e) => e.key === entry.key);
      if (first) {
        reader.issues.push(issueAt(yaml.placeOf([index, 'key']), msg.duplicateId(entry.key, formatPlace(first.at))));
        return;
      }
      if (entry.title === undefined) {
        reader.issues.push(issueAt(at, {
          message: `the work "${entry.key}" has no title`,
          hint: 'Add "title:" as the work gives it; if its title cannot be established, describe the work per locale and set "titleSupplied: true".',
        }));
      }
      if (!entry.authors && !entry.organisation) {
        reader.issues.push(issueAt(at, {
          message: `the work "${entry.key}" has no author`,
          hint: 'Add "authors: [\\"Family, Given\\"]" or "organisation:" for a work by an organisation.',
        }));
      }
      if (entry.titleSupplied && typeof entry.title === 'string') {
        reader.issues.push(issueAt(yaml.placeOf([index, 'title']), {
          message: `the supplied title of "${entry.key}" is given in one language only`,
          hint: 'A supplied title is a description, written per locale: {en: "…", ru: "…", kk: "…"}.',
        }));
      }
      // An entry without a title has been reported (the run fails); it stays listed so that its
      // citations are not reported as unknown as well.
      entries.push({ ...entry, title: entry.title ?? '', at });
    });
  }
  return entries;
}
