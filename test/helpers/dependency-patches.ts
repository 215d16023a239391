import ts from 'typescript';

/** A place where source code changes a dependency's objects instead of using its API. */
export interface Patch {
  /** 1-based line. */
  line: number;
  /** What kind of change. */
  kind: 'prototype' | 'dependency export';
  /** The statement's text, trimmed to one line. */
  text: string;
}

/** Whether an import specifier names a package (not a file of the project, not a Node built-in). */
function isPackage(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:');
}

/** The identifier an expression starts from, through property accesses, calls' callees, casts and parentheses. */
function rootOf(node: ts.Expression): ts.Identifier | undefined {
  let current: ts.Node = node;
  for (;;) {
    if (ts.isIdentifier(current)) return current;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = current.expression;
    else if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
    else return undefined;
  }
}

/** Whether an expression reads a prototype: `X.prototype`, `Object.getPrototypeOf(x)`, `Reflect.getPrototypeOf(x)`. */
function readsPrototype(node: ts.Expression, prototypes: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'prototype') found = true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'getPrototypeOf') found = true;
    if (ts.isIdentifier(n) && prototypes.has(n.text)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * The places in one source file that patch a dependency: an assignment to (or
 * `Object.assign`/`Object.defineProperty` on) a prototype, or to a property of something a
 * package exports — directly (`vega.textMetrics.width = f`) or through a variable that holds
 * it (`const metrics = (vega as T).textMetrics; metrics.width = f`). A scan of the syntax: an
 * object passed through a function call is not followed.
 */
export function dependencyPatches(source: string, fileName = 'file.ts'): Patch[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const imported = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !isPackage(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) imported.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) imported.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) imported.add(element.name.text);
  }
  // Variables holding a package's object or a prototype, found in order of declaration.
  const aliases = new Set(imported);
  const prototypes = new Set<string>();
  const patches: Patch[] = [];
  const report = (node: ts.Node, kind: Patch['kind']) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    patches.push({ line, kind, text: node.getText(file).split('\n')[0]!.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const root = rootOf(node.initializer);
      if (root && aliases.has(root.text) && !ts.isCallExpression(node.initializer)) aliases.add(node.name.text);
      if (readsPrototype(node.initializer, prototypes) && !ts.isCallExpression(node.initializer) || (ts.isCallExpression(node.initializer) && ts.isPropertyAccessExpression(node.initializer.expression) && node.initializer.expression.name.text === 'getPrototypeOf')) prototypes.add(node.name.text);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = node.left;
      if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
        if (readsPrototype(target.expression, prototypes)) report(node, 'prototype');
        else {
          const root = rootOf(target);
          if (root && aliases.has(root.text)) report(node, 'dependency export');
        }
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Object' && ['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf'].includes(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && readsPrototype(first, prototypes)) report(node, 'prototype');
      else if (first) {
        const root = rootOf(first);
        if (root && aliases.has(root.text)) report(node, 'dependency export');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return patches;
}
