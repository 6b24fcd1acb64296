// Prints what wasm64_high.wasm computes under Node 24, one call a line, for
// MemoryKindsTest to compare with (build.sh writes wasm64_high.node.txt).
import { readFileSync } from 'node:fs';
const bytes = readFileSync(new URL('wasm64_high.wasm', import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes);
const { primes, hash, memoryPages } = instance.exports;
const calls = [['primes', 1000000n], ['hash', 4096n, 1n], ['hash', 1000000n, 42n], ['memoryPages']];
for (const [name, ...args] of calls) {
  console.log(`${name} ${args.join(' ')} = ${instance.exports[name](...args)}`);
}
