// docs/troubleshooting.md lists every console message the component can print (issue 13, point 7).
// The messages are read from src/ with the TypeScript parser: every `report('key', …)` call (and
// `reportOnce`, `warn`) with the text of its key's function in src/messages.ts, every call that
// prints a text (`reportText`, `printOnce`) and every `console.*` call, with the texts that reach
// them followed to their literals (a constant, a parameter filled in at each call site, a function
// that returns one of a few texts, a constant object's entry). What stays
// unknown at build time (a value, the browser's error) is a wildcard. Each message, with the
// `<consent-banner>: ` prefix that `report` adds, must be the whole of one code span in the page,
// and each message the page shows must be one of them. `LIST_MESSAGES=1 node <this file>` lists
// what it found.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** How many distinct messages src/ held when the page was written: an extractor that finds fewer is broken. */
const MESSAGES_AT_LEAST = 48;
/** A message must have this many characters of its own text (beyond the prefix), or it was not followed to its literals. */
const OWN_TEXT_AT_LEAST = 12;

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/troubleshooting.md', root), 'utf8');
const files = readdirSync(new URL('src/', root), { recursive: true })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => fileURLToPath(new URL(`src/${file}`, root)));
const program = ts.createProgram(files, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  experimentalDecorators: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
});
const checker = program.getTypeChecker();
const sources = program.getSourceFiles().filter((source) => files.includes(source.fileName));

const HOLE = { hole: true };
const text = (value, json = JSON.stringify(value)) => ({ text: value, json });

/** Every node below `node`, depth first. */
function* walk(node) {
  yield node;
  for (const child of node.getChildren()) yield* walk(child);
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** The declaration a name refers to, through imports. */
function declarationOf(name) {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** The function a declaration declares (`function f`, a method, `const f = () => …`), if any. */
function functionOf(declaration) {
  if (!declaration) return undefined;
  if (isFunction(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && isFunction(declaration.initializer)) return declaration.initializer;
  return undefined;
}

function calleeName(call) {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name : callee;
}

/** Every call in src/, by the function it calls. */
const callsOf = new Map();
for (const source of sources) {
  for (const node of walk(source)) {
    if (!ts.isCallExpression(node)) continue;
    const called = functionOf(declarationOf(calleeName(node)));
    if (called) callsOf.set(called, [...(callsOf.get(called) ?? []), node]);
  }
}

const strip = (node) => (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) ? strip(node.expression) : node);

/** The expressions a function returns (not those of functions inside it). */
function returnsOf(fn) {
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found = [];
  const visit = (node) => {
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    else if (!isFunction(node)) node.forEachChild(visit);
  };
  fn.body.forEachChild(visit);
  return found;
}

/** Whether an expression is a text, `null`, or a choice between those: what a function that picks a message returns. */
function isMessageChoice(node) {
  node = strip(node);
  if (ts.isConditionalExpression(node)) return isMessageChoice(node.whenTrue) && isMessageChoice(node.whenFalse);
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || node.kind === ts.SyntaxKind.NullKeyword;
}

/** Every concatenation of one alternative of each list. */
function product(lists) {
  return lists.reduce((sofar, alternatives) => sofar.flatMap((prefix) => alternatives.map((parts) => [...prefix, ...parts])), [[]]);
}

const hasText = (alternatives) => alternatives.some((parts) => parts.some((part) => part.text));

/**
 * The texts an expression can have, as alternatives of parts: `{ text }` or `HOLE`. `env` maps the
 * parameters of the function being read to what one call site passes.
 */
function resolve(node, env, depth = 0) {
  node = strip(node);
  if (depth > 8) return [[HOLE]];
  if (ts.isStringLiteralLike(node)) return [[text(node.text)]];
  if (ts.isNumericLiteral(node)) return [[text(node.text, node.text)]];
  if (node.kind === ts.SyntaxKind.NullKeyword) return [];
  if (ts.isTemplateExpression(node)) {
    return product([
      [[text(node.head.text)]],
      ...node.templateSpans.flatMap((span) => [resolve(span.expression, env, depth + 1), [[text(span.literal.text)]]]),
    ]);
  }
  if (ts.isConditionalExpression(node)) return [...resolve(node.whenTrue, env, depth + 1), ...resolve(node.whenFalse, env, depth + 1)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return product([resolve(node.left, env, depth + 1), resolve(node.right, env, depth + 1)]);
  }
  if (ts.isIdentifier(node)) {
    const declaration = declarationOf(node);
    if (declaration && ts.isParameter(declaration)) {
      const bound = env.get(declaration);
      return bound ? resolve(bound.node, bound.env, depth + 1) : [[HOLE]];
    }
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
      const value = resolve(declaration.initializer, env, depth + 1);
      return hasText(value) ? value : [[HOLE]];
    }
    return [[HOLE]];
  }
  if (ts.isCallExpression(node)) {
    // JSON.stringify of a known text or number: as the console shows it.
    if (node.expression.getText() === 'JSON.stringify' && node.arguments.length === 1) {
      const value = resolve(node.arguments[0], env, depth + 1);
      return value.length && value.every((parts) => parts.length === 1 && parts[0].json) ? value.map(([part]) => [text(part.json)]) : [[HOLE]];
    }
    // A function that composes a text (a message's helper): its returns, its parameters bound to this call's arguments.
    const called = functionOf(declarationOf(calleeName(node)));
    if (called && returnsOf(called).every(isMessageChoice)) {
      return returnsOf(called).flatMap((returned) => resolve(returned, bind(called, node.arguments, env), depth + 1));
    }
  }
  // A text picked from a constant object by key (`STEPS[step]`): the texts of the keys it can have.
  if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const table = declarationOf(node.expression)?.initializer;
    const keys = resolve(node.argumentExpression, env, depth + 1);
    if (table && ts.isObjectLiteralExpression(table) && keys.length && keys.every((parts) => parts.length === 1 && parts[0].text !== undefined)) {
      return keys.flatMap(([{ text: key }]) => {
        const property = table.properties.find((entry) => propertyName(entry) === key);
        return property ? resolve(property.initializer, env, depth + 1) : [[HOLE]];
      });
    }
  }
  return [[HOLE]];
}

/** `fn`'s parameters bound to a call's arguments (read in `env`), or to their defaults. */
function bind(fn, args, env) {
  const bound = new Map();
  fn.parameters.forEach((parameter, index) => {
    if (args[index]) bound.set(parameter, { node: args[index], env });
    else if (parameter.initializer) bound.set(parameter, { node: parameter.initializer, env: bound });
  });
  return bound;
}

const propertyName = (property) => (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined);

/**
 * The parameters of `fn` that the text of `node` reads, directly or through constants (not those
 * only passed to a call, which `resolve` reads without them).
 */
function parametersRead(node, fn, seen = new Set()) {
  const found = new Set();
  const passed = (child) => ts.isCallExpression(child.parent) && child.parent.arguments.includes(child) && child.parent.expression.getText() !== 'JSON.stringify';
  for (const child of walk(node)) {
    if (!ts.isIdentifier(child) || (child !== node && passed(child))) continue;
    const declaration = declarationOf(child);
    if (!declaration || seen.has(declaration)) continue;
    seen.add(declaration);
    if (ts.isParameter(declaration) && declaration.parent === fn) found.add(declaration);
    else if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      for (const parameter of parametersRead(declaration.initializer, fn, seen)) found.add(parameter);
    }
  }
  return found;
}

const locate = (node) => {
  const source = node.getSourceFile();
  return `${source.fileName.slice(source.fileName.lastIndexOf('/src/') + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
};

/**
 * The messages a call prints, as `[where, parts]`: once for each call site of the function it is
 * in when its arguments use that function's parameters (`where` then names both places), else
 * once. `texts(env)` gives the texts of the call's arguments with the parameters bound.
 */
function messagesAt(call, texts) {
  let fn = call.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const calls = fn && call.arguments.some((argument) => parametersRead(argument, fn).size) ? (callsOf.get(fn) ?? []) : [];
  if (!calls.length) return texts(new Map()).map((parts) => [locate(call), parts]);
  return calls.flatMap((site) => texts(bind(fn, site.arguments, new Map())).map((parts) => [`${locate(call)} (called at ${locate(site)})`, parts]));
}

const messagesSource = sources.find((source) => source.fileName.endsWith('/src/messages.ts'));
const messagesTable = messagesSource.statements
  .filter(ts.isVariableStatement)
  .flatMap((statement) => statement.declarationList.declarations)
  .find((declaration) => declaration.name.getText() === 'MESSAGES').initializer;
/** MESSAGES (src/messages.ts) by key: the function that makes each message's text. */
const messageFunctions = new Map(messagesTable.properties.map((property) => [propertyName(property), property.initializer]));
/** The keys some call reports. */
const keysReported = new Set();

/** The texts of a keyed message (`report('key', …values)`): the key's function, its parameters bound to the values. */
function keyedTexts(call, env) {
  return resolve(call.arguments[0], env).flatMap((parts) => {
    const key = parts.length === 1 ? parts[0].text : undefined;
    const fn = messageFunctions.get(key);
    if (!fn) return [[HOLE]];
    keysReported.add(key);
    return resolve(fn.body, bind(fn, call.arguments.slice(1), env));
  });
}

const reportSource = sources.find((source) => source.fileName.endsWith('/src/report.ts'));
const prefixDeclaration = reportSource.statements
  .filter(ts.isVariableStatement)
  .flatMap((statement) => statement.declarationList.declarations)
  .find((declaration) => declaration.name.getText() === 'PREFIX');
/** What every message of src/report.ts starts with: `<consent-banner>: `. */
const PREFIX = prefixDeclaration.initializer.text;

/** The calls that print a message by its key (src/messages.ts), and those that print a text given to them. */
const KEYED = new Set(['report', 'reportOnce', 'warn']);
const WITH_TEXT = new Set(['reportText', 'printOnce', 'printError', 'print']);

/** Every message: `{ where, parts }`, one per distinct text. */
const messages = new Map();
const unresolved = [];
for (const source of sources) {
  for (const call of walk(source)) {
    if (!ts.isCallExpression(call) || !call.arguments.length) continue;
    const callee = call.expression.getText();
    const isConsole = /^console\.(error|warn|log|info|debug)$/.test(callee);
    // A keyed call is one of src/report.ts's, or a parameter that takes one (a `Reporter`); the audit's `warn` is its own.
    const declaration = declarationOf(calleeName(call));
    const keyed = KEYED.has(callee) && Boolean(declaration) && (declaration.getSourceFile() === reportSource || ts.isParameter(declaration));
    if (!keyed && !isConsole && !WITH_TEXT.has(callee)) continue;
    // src/report.ts writes every message with its prefix (`console.error(PREFIX + text)`) and passes on
    // texts made elsewhere (`print(text)`): only its own texts count there.
    if (source === reportSource && isConsole) continue;
    const texts = keyed ? (env) => keyedTexts(call, env) : (env) => resolve(call.arguments[0], env);
    for (const [at, parts] of messagesAt(call, texts)) {
      // Its own text: what it says beyond the prefix (a console call writes that itself).
      const own = parts.map((part) => part.text ?? '').join('').replace(PREFIX, '').length;
      if (source === reportSource && !keyed && own < OWN_TEXT_AT_LEAST) continue;
      if (own < OWN_TEXT_AT_LEAST) unresolved.push(at);
      const full = isConsole ? parts : [text(PREFIX), ...parts];
      const key = full.map((part) => (part.hole ? '\u0000' : part.text)).join('');
      if (!messages.has(key)) messages.set(key, { where: at, parts: full });
    }
  }
}

/** The message as a pattern for a whole code span: its texts as they are, each unknown part any text. */
function pattern(parts) {
  const source = parts
    .map((part) => (part.hole ? '.+?' : part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')))
    .join('');
  return new RegExp(`^${source}$`);
}
const display = (parts) => parts.map((part) => (part.hole ? '<…>' : part.text)).join('');

/** The page's inline code spans, each on one line. */
const spans = [...doc.matchAll(/`([^`\n]+)`/g)].map(([, span]) => span);

test('the extractor finds every message in src/ (none left as a bare variable)', () => {
  assert.equal(PREFIX, '<consent-banner>: ');
  assert.deepEqual(unresolved, [], 'report() or console.* calls whose text the extractor could not follow to its literals');
  assert.ok(messages.size >= MESSAGES_AT_LEAST, `${messages.size} messages found; at least ${MESSAGES_AT_LEAST} expected`);
});

test('every message of src/messages.ts is reported somewhere', () => {
  assert.deepEqual([...messageFunctions.keys()].filter((key) => !keysReported.has(key)), []);
});

test('docs/troubleshooting.md shows every console message, whole, as a code span', () => {
  assert.ok(doc.includes(`\`${PREFIX.trim()}\``), 'the page names the prefix');
  const missing = [...messages.values()].filter(({ parts }) => !spans.some((span) => pattern(parts).test(span)));
  assert.deepEqual(
    missing.map(({ where, parts }) => `${where}: ${display(parts)}`),
    [],
  );
});

test('every message the page shows is one the source prints', () => {
  const patterns = [...messages.values()].map(({ parts }) => pattern(parts));
  const shown = spans.filter((span) => /^<consent-[a-z]+>: \S/.test(span));
  assert.deepEqual(
    shown.filter((span) => !patterns.some((p) => p.test(span))),
    [],
  );
});

if (process.env.LIST_MESSAGES) for (const { where, parts } of messages.values()) console.log(`${where}\t${display(parts)}`);

test('the page lists every message key (what a message shows when its text cannot load), and no other', () => {
  const section = doc.slice(doc.indexOf('## Messages by key'), doc.indexOf('\n## ', doc.indexOf('## Messages by key') + 1));
  const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map(([, key]) => key);
  assert.deepEqual(listed.sort(), [...messageFunctions.keys()].sort());
});
