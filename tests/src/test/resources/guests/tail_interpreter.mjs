// Prints what tail_interpreter.wasm computes under Node, one call a line, for
// TailCallTest to compare with (build.sh writes tail_interpreter.node.txt).
import { readFileSync } from 'node:fs';
const bytes = readFileSync(new URL('tail_interpreter.wasm', import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes);
const { run, parity } = instance.exports;
const calls = [
  ['run', 0, 27n], ['run', 0, 1000n], ['run', 1, 10n], ['run', 1, 100000n],
  ['parity', 1000001n], ['parity', 1000000n],
];
for (const [name, ...args] of calls) {
  console.log(`${name} ${args.join(' ')} = ${instance.exports[name](...args)}`);
}
