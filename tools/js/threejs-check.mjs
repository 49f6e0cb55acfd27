// Independent checker for Neuron3D's Three.js exports (SN17 2026 competition format, spec §5).
// stdin: {"source": "<ES module text>"}; stdout: JSON with the static-analysis violations (via @babel/parser) and
// what running generate(THREE) against the real `three` package produced (vertex count, draw calls, depth, bounds).
import { parse } from '@babel/parser';
import * as THREE from 'three';

const FORBIDDEN = new Set(['eval', 'Function', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'XMLHttpRequest',
  'window', 'document', 'globalThis', 'global', 'process', 'require', 'Proxy', 'Reflect', 'Worker', 'Date', 'performance',
  'crypto', 'WebAssembly', 'importScripts', 'queueMicrotask']);

function readStdin() {
  return new Promise((resolve) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c) => { data += c; });
    process.stdin.on('end', () => resolve(data));
  });
}

function walk(node, visit, parents = []) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parents);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c, visit, [...parents, node]);
    else if (child && typeof child.type === 'string') walk(child, visit, [...parents, node]);
  }
}

function staticCheck(source) {
  const violations = [];
  if (Buffer.byteLength(source, 'utf8') > 1_000_000) violations.push('FILE_SIZE_EXCEEDED');
  let ast;
  try {
    ast = parse(source, { sourceType: 'module' });
  } catch (e) {
    return { violations: ['PARSE_ERROR: ' + e.message], literalBytes: 0 };
  }
  const body = ast.program.body;
  const exports = body.filter((n) => n.type.startsWith('Export'));
  if (exports.length !== 1) violations.push('MULTIPLE_TOP_LEVEL_EXPORTS');
  const def = exports.find((n) => n.type === 'ExportDefaultDeclaration');
  if (!def) violations.push('MISSING_DEFAULT_EXPORT');
  else if (def.declaration.type !== 'FunctionDeclaration' || def.declaration.id?.name !== 'generate') violations.push('MISSING_DEFAULT_EXPORT');
  else if (def.declaration.async || def.declaration.generator) violations.push('ASYNC_NOT_ALLOWED');
  if (body.some((n) => n.type === 'ImportDeclaration')) violations.push('FORBIDDEN_IDENTIFIER: import');
  let literalBytes = 0;
  walk(ast.program, (node, parents) => {
    if (node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'TemplateElement')
      literalBytes += source.slice(node.start, node.end).length;
    if (node.type === 'Identifier') {
      if (FORBIDDEN.has(node.name)) {
        const parent = parents[parents.length - 1];
        const isProperty = parent && parent.type === 'MemberExpression' && parent.property === node && !parent.computed;
        const isKey = parent && parent.type === 'ObjectProperty' && parent.key === node;
        if (!isProperty && !isKey) violations.push('FORBIDDEN_IDENTIFIER: ' + node.name);
      }
      if (node.name === 'THREE') {
        const inFunction = parents.some((p) => p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression');
        if (!inFunction) violations.push('THREE_AT_TOP_LEVEL');
        const parent = parents[parents.length - 1];
        if (parent && parent.type === 'MemberExpression' && parent.object === node && parent.computed) violations.push('COMPUTED_PROPERTY_ACCESS');
        if (parent && (parent.type === 'VariableDeclarator' && parent.init === node)) violations.push('THREE_ALIAS_FORBIDDEN');
        if (parent && parent.type === 'SpreadElement') violations.push('THREE_ALIAS_FORBIDDEN');
      }
    }
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'Math' && node.property.name === 'random')
      violations.push('FORBIDDEN_IDENTIFIER: Math.random');
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      const usesThree = source.slice(node.start, node.end).includes('THREE');
      const takesThree = node.params.some((p) => p.type === 'Identifier' && p.name === 'THREE');
      const nested = parents.some((p) => p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression');
      if (usesThree && !takesThree && !nested) violations.push('THREE_ALIAS_FORBIDDEN: helper without a THREE parameter');
    }
  });
  if (literalBytes > 50_000) violations.push('LITERAL_BUDGET_EXCEEDED');
  return { violations, literalBytes };
}

async function run(source) {
  const url = 'data:text/javascript;base64,' + Buffer.from(source, 'utf8').toString('base64');
  const started = process.hrtime.bigint();
  const module = await import(url);
  const root = module.default(THREE);
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  let vertices = 0;
  let drawCalls = 0;
  let maxDepth = 0;
  const visit = (o, depth) => {
    maxDepth = Math.max(maxDepth, depth);
    if (o.isMesh || o.isLine || o.isPoints) {
      drawCalls++;
      vertices += o.geometry.attributes.position.count;
    }
    for (const c of o.children) visit(c, depth + 1);
  };
  visit(root, 1);
  root.updateMatrixWorld(true);
  const box = new THREE.Box3().setFromObject(root);
  return {
    isGroup: !!root.isGroup, vertices, drawCalls, depth: maxDepth, millis,
    min: [box.min.x, box.min.y, box.min.z], max: [box.max.x, box.max.y, box.max.z],
  };
}

const input = JSON.parse(await readStdin());
const sources = input.sources ?? [input.source];
const results = [];
for (const source of sources) {
  const check = staticCheck(source);
  let execution = null;
  if (check.violations.length === 0) {
    try {
      execution = await run(source);
      const again = await run(source);
      execution.deterministic = again.vertices === execution.vertices && again.min.every((v, i) => v === execution.min[i]) && again.max.every((v, i) => v === execution.max[i]);
    } catch (e) {
      check.violations.push('EXECUTION_THREW: ' + e.message);
    }
  }
  results.push({ ...check, execution });
}
process.stdout.write(JSON.stringify(input.sources ? { results } : results[0]));
