import ts from 'typescript';

/** A binding at a module's top level that can change after the module is loaded. */
export interface ModuleBinding {
  /** 1-based line. */
  line: number;
  /** The binding's name. */
  name: string;
  /**
   * `let` or `var`: the binding itself can be assigned; `container`: a Map, Set, WeakMap or
   * WeakSet that can be filled; `object`: an instance of any other class, made when the module
   * loads.
   */
  kind: 'let' | 'var' | 'container' | 'object';
}

const containers = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/** Classes of the runtime whose instances do not change once made. */
const unchanging = /^(RegExp|TextDecoder|TextEncoder|URL|Intl\.\w+)$/;

/** Whether a declared type is read-only (`ReadonlyMap<…>`, `ReadonlySet<…>`, `Readonly<…>`). */
function isReadonlyType(type: ts.TypeNode | undefined): boolean {
  return type !== undefined && ts.isTypeReferenceNode(type) && /^Readonly/.test(type.typeName.getText());
}

/**
 * The bindings of a module's top level that can change after it is loaded: every `let` and
 * `var`, and every `const` holding an object made with `new` (a Map, a Set, an instance of a
 * class) that is not declared read-only, but instances of the runtime's unchanging classes
 * (a RegExp, a TextDecoder, an `Intl` formatter). Literals (numbers, strings, arrays, objects)
 * and functions are left out, and so is what a function or class keeps inside itself.
 */
export function moduleState(source: string, fileName = 'module.ts'): ModuleBinding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: ModuleBinding[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const kind = list.flags & ts.NodeFlags.Let ? 'let' : list.flags & ts.NodeFlags.Const ? 'const' : 'var';
    for (const declaration of list.declarations) {
      const line = file.getLineAndCharacterOfPosition(declaration.getStart(file)).line + 1;
      const name = declaration.name.getText(file);
      if (kind !== 'const') {
        found.push({ line, name, kind });
        continue;
      }
      let init = declaration.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (!init || !ts.isNewExpression(init) || isReadonlyType(declaration.type)) continue;
      const made = init.expression.getText(file);
      if (containers.has(made)) found.push({ line, name, kind: 'container' });
      else if (!unchanging.test(made)) found.push({ line, name, kind: 'object' });
    }
  }
  return found;
}
