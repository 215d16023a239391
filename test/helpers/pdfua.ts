import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A checker for the machine-checkable conditions of PDF/UA-1 (ISO 14289-1), as the Matterhorn
 * Protocol 1.1 lists them. No validator that runs here exists on npm (veraPDF and PAC are
 * Java and Windows programs), so the tests check the PDFs with this one: pdf-lib reads the
 * object graph (catalog, structure tree, fonts, annotations) and pdf.js the content streams
 * (what is drawn inside which marked-content sequence).
 *
 * Checked (the structure rules as veraPDF's PDF/UA-1 profile reads them): 01-003, 01-004, 01-005 (every drawn thing is real content with an MCID in the
 * structure tree, or an artifact, and the two never nest), 01-006 (structure types standard
 * or role-mapped to a standard type), 01-007 (Suspects), 06-001…06-003 (XMP metadata with
 * the PDF/UA identifier and dc:title), 07-001/07-002 (DisplayDocTitle), 09-004/09-005 (table
 * and list structure as ISO 32000-1 tables 336 and 337 want it), 11-006 (document language),
 * 13-004 (alternative text of figures), 14-002/14-003 (headings start at H1, skip no level),
 * 19-003/19-004 (note IDs present and unique), 28-008/28-009 (Tabs /S on pages with
 * annotations), 28-011/28-012 (links inside Link elements, with Contents), and ISO 14289-1
 * 7.1 (MarkInfo Marked), 7.21.4.1 (fonts embedded) and 7.21.7 (a ToUnicode map on each font).
 * Not checked, because no program can: whether the alternative text, the reading order or
 * the tags are right for the content.
 */

/** One failed condition. */
export interface UaFault {
  /** Matterhorn checkpoint (`14-003`) or ISO 14289-1 clause (`7.21.4.1`). */
  checkpoint: string;
  /** What is wrong, in words. */
  message: string;
  /** 1-based page, when the fault is on one. */
  page?: number;
}

const standardTypes = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/** What each table and list element may sit in (ISO 32000-1, tables 336 and 337). */
const allowedParents: Readonly<Record<string, { parents: readonly string[]; checkpoint: string }>> = {
  TR: { parents: ['Table', 'THead', 'TBody', 'TFoot'], checkpoint: '09-004' },
  TH: { parents: ['TR'], checkpoint: '09-004' },
  TD: { parents: ['TR'], checkpoint: '09-004' },
  THead: { parents: ['Table'], checkpoint: '09-004' },
  TBody: { parents: ['Table'], checkpoint: '09-004' },
  TFoot: { parents: ['Table'], checkpoint: '09-004' },
  LI: { parents: ['L'], checkpoint: '09-005' },
  LBody: { parents: ['LI'], checkpoint: '09-005' },
};

/** What table and list elements may hold (ISO 32000-1, tables 336 and 337). */
const allowedChildren: Readonly<Record<string, { children: readonly string[]; checkpoint: string }>> = {
  Table: { children: ['TR', 'THead', 'TBody', 'TFoot', 'Caption'], checkpoint: '09-004' },
  THead: { children: ['TR'], checkpoint: '09-004' },
  TBody: { children: ['TR'], checkpoint: '09-004' },
  TFoot: { children: ['TR'], checkpoint: '09-004' },
  TR: { children: ['TH', 'TD'], checkpoint: '09-004' },
  L: { children: ['LI', 'L', 'Caption'], checkpoint: '09-005' },
  LI: { children: ['Lbl', 'LBody'], checkpoint: '09-005' },
};

/** Painting operators: whatever they draw must be real content or an artifact. */
const paintingOps = new Set<number>([
  OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText,
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask,
  OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.shadingFill,
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
]);

/** Checks a PDF against the machine-checkable conditions of PDF/UA-1; an empty list means it passed. */
export async function checkPdfUa(bytes: Uint8Array): Promise<UaFault[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const faults: UaFault[] = [];
  const fault = (checkpoint: string, message: string, page?: number) => faults.push(page === undefined ? { checkpoint, message } : { checkpoint, message, page });
  const catalog = pdf.catalog;
  const pageRefs = pdf.getPages().map((page) => page.ref);
  const pageOf = (ref: PDFObject | undefined) => (ref instanceof PDFRef ? pageRefs.findIndex((r) => r === ref || (r.objectNumber === ref.objectNumber && r.generationNumber === ref.generationNumber)) + 1 || undefined : undefined);
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? pdf.context.lookup(value) : value);
  const dictOf = (value: PDFObject | undefined) => {
    const found = lookup(value);
    return found instanceof PDFDict ? found : undefined;
  };

  checkMetadata(catalog, lookup, fault);
  const markInfo = dictOf(catalog.get(PDFName.of('MarkInfo')));
  if (markInfo?.get(PDFName.of('Marked')) !== PDFBool.True) fault('7.1', 'the catalog has no MarkInfo with Marked true');
  if (markInfo?.get(PDFName.of('Suspects')) === PDFBool.True) fault('01-007', 'MarkInfo says Suspects true');
  const preferences = dictOf(catalog.get(PDFName.of('ViewerPreferences')));
  const displayTitle = preferences?.get(PDFName.of('DisplayDocTitle'));
  if (displayTitle === undefined) fault('07-001', 'ViewerPreferences has no DisplayDocTitle');
  else if (displayTitle !== PDFBool.True) fault('07-002', 'DisplayDocTitle is false');
  const lang = textOf(lookup(catalog.get(PDFName.of('Lang'))));
  if (!lang || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) fault('11-006', `the catalog's Lang is ${lang ? `"${lang}", not a language tag` : 'missing'}`);

  const tagged = collectStructure(pdf, lookup, pageOf, fault);
  checkAnnotations(pdf, lookup, tagged.linkedAnnotations, fault);
  checkFonts(pdf, lookup, fault);
  await checkContent(bytes, tagged.mcids, fault);
  return faults;
}

type Lookup = (value: PDFObject | undefined) => PDFObject | undefined;
type Report = (checkpoint: string, message: string, page?: number) => void;

function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

function checkMetadata(catalog: PDFDict, lookup: Lookup, fault: Report): void {
  const stream = lookup(catalog.get(PDFName.of('Metadata')));
  if (!(stream instanceof PDFStream)) {
    fault('06-001', 'the catalog has no XMP metadata stream');
    return;
  }
  const xml = Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents()).toString('utf8');
  if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(xml)) fault('06-002', 'the XMP metadata has no PDF/UA identifier (pdfuaid:part 1)');
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xml);
  if (!title || title[1]!.trim() === '') fault('06-003', 'the XMP metadata has no dc:title');
}

interface Structure {
  /** MCIDs the structure tree claims, by 1-based page. */
  mcids: Map<number, Set<number>>;
  /** Object numbers of the annotations a Link element holds. */
  linkedAnnotations: Set<number>;
}

/** Walks the structure tree in document order, checking each element where it stands. */
function collectStructure(pdf: PDFDocument, lookup: Lookup, pageOf: (ref: PDFObject | undefined) => number | undefined, fault: Report): Structure {
  const mcids = new Map<number, Set<number>>();
  const linkedAnnotations = new Set<number>();
  const root = lookup(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) {
    fault('01-005', 'the document has no structure tree (StructTreeRoot)');
    return { mcids, linkedAnnotations };
  }
  const roleMap = lookup(root.get(PDFName.of('RoleMap')));
  const role = (name: string): string => {
    const seen = new Set<string>();
    let current = name;
    while (!standardTypes.has(current) && roleMap instanceof PDFDict && !seen.has(current)) {
      seen.add(current);
      const mapped = roleMap.get(PDFName.of(current));
      if (!(mapped instanceof PDFName)) break;
      current = mapped.decodeText();
    }
    return current;
  };
  const noteIds = new Set<string>();
  let lastHeading = 0;
  const visit = (node: PDFObject | undefined, parentType: string, inheritedPage: number | undefined, depth: number): void => {
    if (depth > 200) {
      fault('01-006', 'the structure tree is nested more than 200 levels deep');
      return;
    }
    const value = lookup(node);
    if (value instanceof PDFNumber) {
      if (inheritedPage === undefined) fault('01-005', `marked content ${value.asNumber()} of a ${parentType} has no page`);
      else addMcid(mcids, inheritedPage, value.asNumber());
      return;
    }
    if (value instanceof PDFArray) {
      for (const item of value.asArray()) visit(item, parentType, inheritedPage, depth);
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const type = value.get(PDFName.of('Type'));
    const page = pageOf(value.get(PDFName.of('Pg'))) ?? inheritedPage;
    if (type === PDFName.of('MCR')) {
      const mcid = value.get(PDFName.of('MCID'));
      if (mcid instanceof PDFNumber && page !== undefined) addMcid(mcids, page, mcid.asNumber());
      return;
    }
    if (type === PDFName.of('OBJR')) {
      const object = value.get(PDFName.of('Obj'));
      if (parentType === 'Link' && object instanceof PDFRef) linkedAnnotations.add(object.objectNumber);
      return;
    }
    const s = value.get(PDFName.of('S'));
    if (!(s instanceof PDFName)) return;
    const own = s.decodeText();
    const kind = role(own);
    if (!standardTypes.has(kind)) fault('01-006', `the structure type ${own} is neither standard nor role-mapped to a standard type`, page);
    const rule = allowedParents[kind];
    if (rule && !rule.parents.includes(parentType)) fault(rule.checkpoint, `a ${kind} element stands in a ${parentType}, not in ${rule.parents.join(' or ')}`, page);
    const parentRule = allowedChildren[parentType];
    if (parentRule && !parentRule.children.includes(kind)) fault(parentRule.checkpoint, `a ${parentType} holds a ${kind}; it may hold only ${parentRule.children.join(', ')}`, page);
    if (kind === 'Figure' || kind === 'Formula') {
      const alt = textOf(lookup(value.get(PDFName.of('Alt')))) ?? textOf(lookup(value.get(PDFName.of('ActualText'))));
      if (!alt || alt.trim() === '') fault('13-004', `a ${kind} has no alternative text`, page);
    }
    const heading = /^H([1-6])$/.exec(kind);
    if (heading) {
      const level = Number(heading[1]);
      if (lastHeading === 0 && level !== 1) fault('14-002', `the first heading is H${level}, not H1`, page);
      else if (level > lastHeading + 1) fault('14-003', `an H${level} follows an H${lastHeading}: a level is skipped`, page);
      lastHeading = level;
    }
    if (kind === 'Note') {
      const id = textOf(lookup(value.get(PDFName.of('ID'))));
      if (!id) fault('19-003', 'a Note has no ID', page);
      else if (noteIds.has(id)) fault('19-004', `the Note ID "${id}" is used twice`, page);
      else noteIds.add(id);
    }
    visit(value.get(PDFName.of('K')), kind, page, depth + 1);
  };
  visit(root.get(PDFName.of('K')), 'StructTreeRoot', undefined, 0);
  return { mcids, linkedAnnotations };
}

function addMcid(mcids: Map<number, Set<number>>, page: number, mcid: number): void {
  let set = mcids.get(page);
  if (!set) {
    set = new Set();
    mcids.set(page, set);
  }
  set.add(mcid);
}

function checkAnnotations(pdf: PDFDocument, lookup: Lookup, linked: ReadonlySet<number>, fault: Report): void {
  pdf.getPages().forEach((page, index) => {
    const annots = lookup(page.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray) || annots.size() === 0) return;
    const tabs = page.node.get(PDFName.of('Tabs'));
    if (tabs === undefined) fault('28-008', 'a page with annotations has no Tabs entry', index + 1);
    else if (tabs !== PDFName.of('S')) fault('28-009', `a page with annotations has Tabs ${String(tabs)}, not /S`, index + 1);
    for (const item of annots.asArray()) {
      const annotation = lookup(item);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      if (!(item instanceof PDFRef) || !linked.has(item.objectNumber)) fault('28-011', 'a link annotation is not inside a Link structure element', index + 1);
      const contents = textOf(lookup(annotation.get(PDFName.of('Contents'))));
      if (!contents || contents.trim() === '') fault('28-012', 'a link annotation has no Contents (alternative description)', index + 1);
    }
  });
}

/** Every font used on a page is embedded and maps its glyphs to Unicode. */
function checkFonts(pdf: PDFDocument, lookup: Lookup, fault: Report): void {
  const checked = new Set<PDFObject>();
  pdf.getPages().forEach((page, index) => {
    const resources = lookup(page.node.get(PDFName.of('Resources')));
    const fonts = resources instanceof PDFDict ? lookup(resources.get(PDFName.of('Font'))) : undefined;
    if (!(fonts instanceof PDFDict)) return;
    for (const [name, ref] of fonts.entries()) {
      const font = lookup(ref);
      if (!(font instanceof PDFDict) || checked.has(font)) continue;
      checked.add(font);
      const label = `the font ${name.decodeText()} (${String(font.get(PDFName.of('BaseFont')))})`;
      const descendants = lookup(font.get(PDFName.of('DescendantFonts')));
      const program = descendants instanceof PDFArray ? lookup(descendants.get(0)) : font;
      const descriptor = program instanceof PDFDict ? lookup(program.get(PDFName.of('FontDescriptor'))) : undefined;
      const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
      if (font.get(PDFName.of('Subtype')) !== PDFName.of('Type3') && !embedded) fault('7.21.4.1', `${label} is not embedded`, index + 1);
      if (font.get(PDFName.of('ToUnicode')) === undefined) fault('7.21.7', `${label} has no ToUnicode map`, index + 1);
    }
  });
}

/**
 * Reads every page's content with pdf.js: each painting operator must lie inside a
 * marked-content sequence with an MCID that the structure tree claims, or inside an
 * Artifact; an artifact never inside real content, nor real content inside an artifact.
 */
async function checkContent(bytes: Uint8Array, claimed: ReadonlyMap<number, ReadonlySet<number>>, fault: Report): Promise<void> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: 0 });
      const stack: { artifact: boolean; mcid: number | null }[] = [];
      const seen = new Set<number>();
      let untagged = 0;
      for (let i = 0; i < fnArray.length; i += 1) {
        const op = fnArray[i]!;
        const args = argsArray[i] as unknown[] | null;
        if (op === OPS.beginMarkedContent || op === OPS.beginMarkedContentProps) {
          // BDC's tag arrives as a string, BMC's as pdf.js's Name object.
          const raw = args?.[0];
          const tag = typeof raw === 'string' ? raw : raw && typeof raw === 'object' && 'name' in raw ? String((raw as { name: unknown }).name) : '';
          const mcid = op === OPS.beginMarkedContentProps && typeof args?.[1] === 'number' ? (args[1] as number) : null;
          const artifact = tag === 'Artifact';
          const insideArtifact = stack.some((entry) => entry.artifact);
          const insideReal = stack.some((entry) => entry.mcid !== null);
          if (artifact && insideReal) fault('01-003', 'an artifact is marked inside tagged content', number);
          if (mcid !== null && insideArtifact) fault('01-004', `tagged content (MCID ${mcid}) is marked inside an artifact`, number);
          if (mcid !== null) {
            seen.add(mcid);
            if (!claimed.get(number)?.has(mcid)) fault('01-005', `marked content MCID ${mcid} is not in the structure tree`, number);
          }
          stack.push({ artifact, mcid });
        } else if (op === OPS.endMarkedContent) {
          stack.pop();
        } else if (paintingOps.has(op) || (op === OPS.constructPath && paintingOps.has(args?.[0] as number))) {
          if (!stack.some((entry) => entry.artifact || entry.mcid !== null)) untagged += 1;
        }
      }
      if (untagged > 0) fault('01-005', `${untagged} drawing operation${untagged === 1 ? ' is' : 's are'} neither tagged nor an artifact`, number);
      for (const mcid of claimed.get(number) ?? []) if (!seen.has(mcid)) fault('01-005', `the structure tree points at MCID ${mcid}, which the page does not have`, number);
    }
  } finally {
    await doc.destroy();
  }
}
