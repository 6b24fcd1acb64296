// The V8 side of WasmLang's differential fuzzer (docs/reliability.md). Runs on Node 24.
//
//   node v8-harness.cjs generate WASM_OPT OUT_DIR SEED COUNT -- WASM_OPT_FLAGS...
//       writes OUT_DIR/NNNNN.wasm, module i made by `wasm-opt -ttf` from random bytes that
//       depend on SEED and i only (so one module can be made again on its own)
//   node v8-harness.cjs run DIR
//       runs every DIR/*.wasm and writes DIR/NAME.v8.txt, the observable events
//   node v8-harness.cjs validate FILE [messages]
//       FILE holds modules, each a 4-byte little-endian length and the bytes; prints one
//       line per module: "valid" or "invalid" (with "messages": and V8's CompileError message)
//   node [--liftoff --no-wasm-tier-up | --no-liftoff] v8-harness.cjs relaxed-check CASES
//       runs the relaxed SIMD cases of CASES (tools/fuzz/relaxed-simd.txt) in this V8 and
//       prints "differ INSTRUCTION ..." for each whose answer is not the one listed there
//
// The events follow binaryen's fuzz_shell.js: the module gets the fuzzing-support imports,
// then every export is visited in module order (a function is called with JS null for each
// parameter, a global's value is logged). The Java side (org.wasmlang.fuzz.WasmLangRunner)
// writes the same lines for WasmLang; docs/reliability.md lists where this differs from
// fuzz_shell.js and why.
'use strict';
const fs = require('fs');
const path = require('path');

const loggerModule = new WebAssembly.Module(fs.readFileSync(path.join(__dirname, 'logger.wasm')));

// xorshift32: the bytes wasm-opt turns into module i depend only on (seed, i).
function randomBytes(seed, index) {
  let state = (Math.imul(seed | 0, 0x9E3779B1) ^ Math.imul(index + 1, 0x85EBCA6B)) | 0;
  if (state === 0) state = 1;
  const next = () => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    return state >>> 0;
  };
  // Sizes from 1 KB to 16 KB: the input's length bounds the module's size.
  const length = 1024 + (next() % 15360);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = next() & 0xff;
  return bytes;
}

// Loads binaryen's wasm-opt (an Emscripten program) once and returns its main, so that
// generating a module costs milliseconds instead of a Node start and a 10 MB compile.
function loadWasmOpt(file, ready) {
  let source = fs.readFileSync(file, 'utf8');
  if (source.startsWith('#!')) source = '//' + source;
  const settings = { noInitialRun: true, noExitRuntime: true, onRuntimeInitialized: () => ready(callMain) };
  const program = new Function('Module', 'require', 'module', '__filename', '__dirname', 'process',
                               source + '\n;return callMain;');
  const callMain = program(settings, require, { exports: {} }, file, path.dirname(file), process);
}

function generate(args) {
  const [wasmOpt, outDir, seedText, countText, separator, ...flags] = args;
  if (separator !== '--') throw new Error('usage: generate WASM_OPT OUT_DIR SEED COUNT -- FLAGS...');
  const seed = Number(seedText), count = Number(countText);
  fs.mkdirSync(outDir, { recursive: true });
  loadWasmOpt(wasmOpt, (main) => {
    const input = path.join(outDir, 'input.dat');
    for (let i = 0; i < count; i++) {
      fs.writeFileSync(input, randomBytes(seed, i));
      const out = path.join(outDir, String(i).padStart(5, '0') + '.wasm');
      try {
        main([input, '-ttf', '-o', out, ...flags]);
      } catch (e) {
        // Emscripten reports a non-zero exit as a thrown ExitStatus.
        if (!(e && e.name === 'ExitStatus' && e.status === 0)) {
          throw new Error(`wasm-opt failed on module ${i}: ${e && e.message}`);
        }
      }
    }
    fs.unlinkSync(input);
  });
}

// A JS number as both sides print it: integral values in decimal, others as their f64 bits.
function number(x) {
  if (Number.isNaN(x)) return 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return String(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return hex(view.getBigUint64(0), 16);
}

function hex(value, digits) {
  return '0x' + value.toString(16).padStart(digits, '0');
}

// A NaN as its class. Wasm leaves a NaN result's sign open, and its payload too once an
// operand is a non-canonical NaN (V8's f32.min then answers the canonical NaN, WasmLang the
// operand's payload; a multiplication keeps either operand's), so a quiet NaN prints as
// such; a signalling NaN only comes from bit operations, which are exact, so it keeps its
// payload. The arithmetic-dense modules check canonical results exactly.
function nanClass(payload, quietBit) {
  if ((payload & quietBit) === 0n) return 'nan:signalling:' + hex(payload, 1);
  return 'nan:quiet';
}

function f32Bits(bits) {
  bits >>>= 0;
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) return nanClass(BigInt(bits & 0x7fffff), 0x400000n);
  return hex(bits, 8);
}

function f64Bits(bits) {
  bits = BigInt.asUintN(64, bits);
  const exponent = (bits >> 52n) & 0x7ffn, fraction = bits & 0xfffffffffffffn;
  if (exponent === 0x7ffn && fraction !== 0n) return nanClass(fraction, 1n << 51n);
  return hex(bits, 16);
}

class HostError extends Error {}

// The payload objects of imported externref globals (fuzz_shell.js computes the same).
function payloadOf(moduleName, name) {
  let payload = 0;
  for (const part of [moduleName, name]) {
    for (const c of part) payload = (payload + c.charCodeAt(0)) % 251;
  }
  return { payload };
}

function value(x, wasmtag) {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  switch (typeof x) {
    case 'number': return number(x);
    case 'bigint': return String(BigInt.asIntN(64, x));
    case 'function': return 'function';
    case 'object':
      if (Object.hasOwn(x, 'payload')) return `externref(${x.payload})`;
      if (x instanceof HostError) return 'hosterror';
      return 'object';
    default: return typeof x;
  }
}

function trapKind(message) {
  const kinds = [
    ['unreachable', 'unreachable'],
    ['memory access out of bounds', 'memory'],
    ['data segment out of bounds', 'memory'],
    ['table index is out of bounds', 'table'],
    ['element segment out of bounds', 'table'],
    ['null function or function signature mismatch', 'indirect'],
    ['divide by zero', 'divide-by-zero'],
    ['remainder by zero', 'divide-by-zero'],
    ['divide result unrepresentable', 'overflow-or-conversion'],
    ['float unrepresentable in integer range', 'overflow-or-conversion'],
    ['dereferencing a null pointer', 'null'],
    ['rethrowing null value', 'null'],
  ];
  for (const [text, kind] of kinds) if (message.includes(text)) return kind;
  return 'other(' + message + ')';
}

function outcome(e, wasmtag) {
  if (e instanceof WebAssembly.RuntimeError) return 'trap ' + trapKind(e.message);
  if (e instanceof RangeError && e.message.includes('Maximum call stack size exceeded')) return 'exhausted';
  if (e instanceof WebAssembly.Exception) {
    return e.is(wasmtag) ? 'exception wasmtag ' + e.getArg(wasmtag, 0) : 'exception wasm';
  }
  if (e instanceof HostError) return 'exception host';
  if (e instanceof TypeError) return 'error type';
  if (e instanceof RangeError) return 'error range';
  return 'error other(' + e + ')';
}

function runModule(bytes) {
  const lines = [];
  const logger = new WebAssembly.Instance(loggerModule, {
    host: {
      i32: (v) => lines.push('log i32 ' + v),
      i64: (v) => lines.push('log i64 ' + v),
      f32: (bits) => lines.push('log f32 ' + f32Bits(bits)),
      f64: (bits) => lines.push('log f64 ' + f64Bits(bits)),
      v128: (low, high) => lines.push('log v128 ' + hex(BigInt.asUintN(64, high), 16) + hex(BigInt.asUintN(64, low), 16).slice(2)),
      'host-error': () => { throw new HostError('js exception'); },
    },
  }).exports;
  const wasmtag = logger.wasmtag;
  let exportList = [];
  let table = null;

  // Calls a function as fuzz_shell.js does: JS null for every parameter.
  const callFunc = (f) => f.apply(null, new Array(f.length).fill(null));
  // fuzz_shell.js's tryCall: traps and stack overflow pass, other exceptions give 1.
  const tryCall = (thunk) => {
    try {
      thunk();
      return 0;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      if (e instanceof RangeError && e.message.includes('Maximum call stack size exceeded')) throw e;
      return 1;
    }
  };
  const logRef = (ref) => lines.push('log ref ' + value(ref, wasmtag));
  const tableIndex = (index) => {
    index >>>= 0;
    return typeof table.length === 'bigint' ? BigInt(index) : index;
  };
  const imports = {
    'fuzzing-support': {
      'log-i32': logger['log-i32'], 'log-i64': logger['log-i64'],
      'log-f32': logger['log-f32'], 'log-f64': logger['log-f64'],
      'log-v128': logger['log-v128'],
      'log-anyref': logRef, 'log-funcref': logRef, 'log-externref': logRef, 'log-contref': logRef,
      throw: logger.throw,
      wasmtag,
      // WebAssembly.JSTag is JavaScript's, not core Wasm's: an ordinary tag stands in for it.
      jstag: new WebAssembly.Tag({ parameters: ['externref'] }),
      'table-get': (index) => table.get(tableIndex(index)),
      'table-set': (index, ref) => { table.set(tableIndex(index), ref); },
      'call-export': (index, flags) => { callFunc(exportList[index].value); },
      'call-export-catch': (index) => tryCall(() => callFunc(exportList[index].value)),
      'call-ref': (ref, flags) => { callFunc(ref); },
      'call-ref-catch': (ref) => tryCall(() => callFunc(ref)),
      sleep: (ms, id) => id,
      'log-branch': (actual, expected, id) => {
        lines.push(`log branch ${actual} ${expected} ${id}`);
        return actual;
      },
    },
    env: { setTempRet0: () => {}, getTempRet0: () => 0 },
  };

  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    lines.push('invalid');
    return lines;
  }
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === 'global') {
      imports[imp.module] ??= {};
      imports[imp.module][imp.name] ??= payloadOf(imp.module, imp.name);
    }
  }
  let instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    lines.push('instantiate ' + outcome(e, wasmtag));
    return lines;
  }
  const exports = WebAssembly.Module.exports(module);
  exportList = exports.map((e) => ({ name: e.name, value: instance.exports[e.name] }));
  table = instance.exports.table ?? null;
  for (const { name, value: exported } of exportList) {
    if (exported instanceof WebAssembly.Global) {
      lines.push('global ' + name);
      try {
        lines.push('value ' + value(exported.value, wasmtag));
      } catch (e) {
        lines.push(outcome(e, wasmtag));
      }
    } else if (typeof exported === 'function') {
      lines.push('call ' + name);
      try {
        const result = callFunc(exported);
        if (Array.isArray(result)) {
          lines.push('result ' + result.map((r) => value(r, wasmtag)).join(' '));
        } else if (result !== undefined) {
          lines.push('result ' + value(result, wasmtag));
        }
      } catch (e) {
        lines.push(outcome(e, wasmtag));
      }
    }
  }
  return lines;
}

function run(args) {
  const [dir] = args;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.wasm')).sort()) {
    const lines = runModule(fs.readFileSync(path.join(dir, file)));
    fs.writeFileSync(path.join(dir, file.replace(/\.wasm$/, '.v8.txt')), lines.join('\n') + '\n');
  }
}

// Unsigned LEB128, enough for the section sizes and sub-opcodes of relaxedCheck's module.
function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const relaxedOpcodes = {
  'i8x16.relaxed_swizzle': [0x100, 2], 'i32x4.relaxed_trunc_f32x4_s': [0x101, 1],
  'i32x4.relaxed_trunc_f32x4_u': [0x102, 1], 'i32x4.relaxed_trunc_f64x2_s_zero': [0x103, 1],
  'i32x4.relaxed_trunc_f64x2_u_zero': [0x104, 1], 'f32x4.relaxed_madd': [0x105, 3], 'f32x4.relaxed_nmadd': [0x106, 3],
  'f64x2.relaxed_madd': [0x107, 3], 'f64x2.relaxed_nmadd': [0x108, 3], 'i8x16.relaxed_laneselect': [0x109, 3],
  'i16x8.relaxed_laneselect': [0x10a, 3], 'i32x4.relaxed_laneselect': [0x10b, 3], 'i64x2.relaxed_laneselect': [0x10c, 3],
  'f32x4.relaxed_min': [0x10d, 2], 'f32x4.relaxed_max': [0x10e, 2], 'f64x2.relaxed_min': [0x10f, 2],
  'f64x2.relaxed_max': [0x110, 2], 'i16x8.relaxed_q15mulr_s': [0x111, 2],
  'i16x8.relaxed_dot_i8x16_i7x16_s': [0x112, 2], 'i32x4.relaxed_dot_i8x16_i7x16_add_s': [0x113, 3],
};

// Relaxed SIMD answers depend on the CPU V8 runs on (docs/architecture.md): runs each case of
// the file, operands from memory, and names those whose answer is not the listed one. The
// tier is the caller's choice of V8 flags.
function relaxedCheck(args) {
  const [file] = args;
  const cases = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(/\s+/));
  const names = Object.keys(relaxedOpcodes);
  const section = (id, body) => [id, ...uleb(body.length), ...body];
  const load = (offset) => [0x41, offset, 0xfd, 0x00, 4, 0]; // i32.const offset; v128.load
  const bodies = names.map((name) => {
    const [opcode, arity] = relaxedOpcodes[name];
    const code = [0, 0x41, 48]; // no locals; the store's address
    for (let k = 0; k < arity; k++) code.push(...load(16 * k));
    code.push(0xfd, ...uleb(opcode), 0xfd, 0x0b, 4, 0, 0x0b); // op; v128.store; end
    return [...uleb(code.length), ...code];
  });
  const exports = names.flatMap((name, i) => [...uleb(name.length), ...Buffer.from(name), 0, ...uleb(i)]);
  const bytes = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [...uleb(names.length), ...names.map(() => 0)]),
    ...section(5, [1, 0, 1]),
    ...section(7, [...uleb(names.length + 1), ...exports, 3, ...Buffer.from('mem'), 2, 0]),
    ...section(10, [...uleb(names.length), ...bodies.flat()])]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const memory = new Uint8Array(instance.exports.mem.buffer);
  let differ = 0;
  for (const [name, ...hexes] of cases) {
    if (!(name in relaxedOpcodes)) throw new Error('relaxed-check: unknown instruction ' + name);
    const expected = hexes.pop();
    hexes.forEach((h, k) => { if (h !== '-') memory.set(Buffer.from(h, 'hex'), 16 * k); });
    instance.exports[name]();
    const actual = Buffer.from(memory.subarray(48, 64)).toString('hex');
    if (actual !== expected) {
      differ++;
      console.log(`differ ${name} ${hexes.join(' ')} v8 ${actual} listed ${expected}`);
    }
  }
  console.log(`checked ${cases.length} cases, ${differ} differ`);
}

// WebAssembly.validate of many modules in one process (the mutation mode's validity check).
function validate(args) {
  const [file, messages] = args;
  const all = fs.readFileSync(file);
  const lines = [];
  for (let at = 0; at < all.length;) {
    const length = all.readUInt32LE(at);
    const bytes = all.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (WebAssembly.validate(bytes)) {
      lines.push('valid');
    } else if (messages !== 'messages') {
      lines.push('invalid');
    } else {
      let message = '';
      try {
        new WebAssembly.Module(bytes);
      } catch (e) {
        message = String(e.message).replace(/\s+/g, ' ');
      }
      lines.push('invalid ' + message);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'generate') generate(rest);
else if (command === 'run') run(rest);
else if (command === 'relaxed-check') relaxedCheck(rest);
else if (command === 'validate') validate(rest);
else {
  console.error('usage: v8-harness.cjs generate|run|validate|relaxed-check ...');
  process.exit(2);
}
