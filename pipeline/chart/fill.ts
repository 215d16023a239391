/**
 * Fills a chart template. A template is plain Vega or Vega-Lite JSON in which some values are
 * markers: a string that is exactly `$name` or `$name.path` is replaced by that value of
 * `values`. Markers stand for whole values only, never for part of a string, so a template
 * stays valid JSON and a filled spec can be checked against the Vega schemas.
 */
export function fillTemplate(template: unknown, values: Readonly<Record<string, unknown>>, templateName: string): object {
  const filled = fill(template, values, templateName);
  if (!filled || typeof filled !== 'object') throw new Error(`the ${templateName} template is not a JSON object`);
  return filled;
}

function fill(node: unknown, values: Readonly<Record<string, unknown>>, templateName: string): unknown {
  if (typeof node === 'string' && node.startsWith('$')) return lookup(node.slice(1), values, templateName);
  if (Array.isArray(node)) return node.map((item) => fill(item, values, templateName));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, values, templateName)]));
  }
  return node;
}

function lookup(path: string, values: Readonly<Record<string, unknown>>, templateName: string): unknown {
  let value: unknown = values;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object' || !(part in value)) {
      throw new Error(`the ${templateName} chart template uses "$${path}", which the chart stage does not provide`);
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
