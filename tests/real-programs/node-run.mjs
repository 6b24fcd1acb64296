// Runs the runs of NAME.runs.json descriptions under Node's node:wasi (preview1).
//
//   node node-run.mjs DESC.runs.json INDEX [--stdout FILE] [--stderr FILE] [--save GUEST=FILE]...
//       One run. Without --stdout/--stderr the guest writes to this process's
//       own. --save copies a file the run left in a preopened folder (by guest
//       path) to FILE before the folder's copy is removed. Exits with the
//       guest's exit code (134 after a trap).
//   node node-run.mjs --refresh DESC.runs.json...
//       Every run: writes its expected stdout (and stderr and files, where the
//       run names them) and fails when the exit code differs from exit_code.
//   node node-run.mjs --check DESC.runs.json...
//       Every run: compares with the expected files and exit code, prints one
//       line per run and "N passed, N failed"; exits 1 when any failed.
//
// The format of the descriptions is in README.md beside this file. Expected
// outputs are made with Node 24 (refresh-expected.sh).

import { WASI } from 'node:wasi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function usage() {
  console.error('usage: node node-run.mjs DESC.runs.json INDEX [--stdout FILE] [--stderr FILE] [--save GUEST=FILE]...\n' +
                '       node node-run.mjs --refresh|--check DESC.runs.json...');
  process.exit(2);
}

function load(descPath) {
  const desc = JSON.parse(fs.readFileSync(descPath, 'utf8'));
  // Every relative path in a description is relative to the file's folder.
  desc.baseDir = path.dirname(path.resolve(descPath));
  desc.module = new WebAssembly.Module(fs.readFileSync(path.join(desc.baseDir, desc.wasm)));
  return desc;
}

// Runs one run; stdout/stderr are file paths or null for this process's own.
// Returns { code, scratch, preopens }; the caller removes scratch.
function runOne(desc, run, stdoutPath, stderrPath) {
  // Each preopened directory is a fresh copy, so a run that writes files
  // leaves the committed test data alone and always starts from one state.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-run-'));
  const preopens = {};
  (run.dirs || []).forEach((d, i) => {
    const copy = path.join(scratch, String(i));
    fs.cpSync(path.join(desc.baseDir, d.host), copy, { recursive: true });
    preopens[d.guest] = copy;
  });
  // A run without stdin reads an empty one.
  const stdinFd = fs.openSync(run.stdin ? path.join(desc.baseDir, run.stdin) : '/dev/null', 'r');
  const stdoutFd = stdoutPath ? fs.openSync(stdoutPath, 'w') : 1;
  const stderrFd = stderrPath ? fs.openSync(stderrPath, 'w') : 2;
  const wasi = new WASI({
    version: 'preview1',
    args: [desc.argv0, ...(run.args || [])],
    env: run.env || {},
    preopens,
    stdin: stdinFd,
    stdout: stdoutFd,
    stderr: stderrFd,
    returnOnExit: true,
  });
  let code;
  try {
    const instance = new WebAssembly.Instance(desc.module, wasi.getImportObject());
    code = wasi.start(instance);
  } catch (e) {
    fs.writeSync(stderrFd, `${desc.wasm}: ${e && e.stack || e}\n`);
    code = 134;
  }
  // A guest that closes its stdin or stdout (bzip2 does) makes node:wasi
  // close the host descriptor too, so it may be gone already.
  for (const fd of [stdinFd, stdoutFd, stderrFd]) {
    if (fd > 2) {
      try { fs.closeSync(fd); } catch (e) { if (e.code !== 'EBADF') throw e; }
    }
  }
  return { code, scratch, preopens };
}

// Maps a guest path of a "files" entry to the host path in the run's copy.
function hostPathOf(preopens, guestPath) {
  for (const [guest, host] of Object.entries(preopens)) {
    const prefix = guest.endsWith('/') ? guest : guest + '/';
    if (guestPath.startsWith(prefix)) return path.join(host, guestPath.slice(prefix.length));
  }
  throw new Error(`${guestPath} is in no preopened directory of its run`);
}

// Output equality: byte for byte, or line by line without the lines that
// match ignore_lines_matching (a regex found anywhere in the line).
function sameOutput(actual, expected, ignore) {
  if (!ignore) return Buffer.compare(actual, expected) === 0;
  const re = new RegExp(ignore);
  const keep = (buf) => buf.toString('utf8').split('\n').filter((l) => !re.test(l)).join('\n');
  return keep(actual) === keep(expected);
}

function forEachRun(descPaths, body) {
  for (const descPath of descPaths) {
    const desc = load(descPath);
    desc.runs.forEach((run, index) => body(desc, run, index, `${path.basename(descPath)}#${index}`));
  }
}

function refresh(descPaths) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 24) {
    console.error(`refresh needs Node 24 (this is ${process.version}): the expected outputs come from it`);
    process.exit(2);
  }
  let bad = 0;
  forEachRun(descPaths, (desc, run, index, label) => {
    const at = (p) => path.join(desc.baseDir, p);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-refresh-'));
    const r = runOne(desc, run, path.join(tmp, 'stdout'), path.join(tmp, 'stderr'));
    // An expected stdout that still matches (ignoring the ignored lines, such
    // as speedtest1's timings) is kept, so a refresh changes only what changed.
    const stdout = fs.readFileSync(path.join(tmp, 'stdout'));
    if (!fs.existsSync(at(run.stdout)) ||
        !sameOutput(stdout, fs.readFileSync(at(run.stdout)), run.ignore_lines_matching)) {
      fs.writeFileSync(at(run.stdout), stdout);
    }
    if (run.stderr) fs.copyFileSync(path.join(tmp, 'stderr'), at(run.stderr));
    for (const f of run.files || []) fs.copyFileSync(hostPathOf(r.preopens, f.guest), at(f.expected));
    fs.rmSync(r.scratch, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
    const ok = r.code === run.exit_code;
    if (!ok) bad++;
    console.log(`${ok ? 'wrote' : 'EXIT CODE'} ${label} ${run.name || ''}` +
                (ok ? '' : `: exit ${r.code}, description says ${run.exit_code}`));
  });
  process.exitCode = bad ? 1 : 0;
}

function check(descPaths) {
  let passed = 0;
  let failed = 0;
  forEachRun(descPaths, (desc, run, index, label) => {
    const at = (p) => path.join(desc.baseDir, p);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-check-'));
    const out = path.join(tmp, 'stdout');
    const err = path.join(tmp, 'stderr');
    const r = runOne(desc, run, out, err);
    const problems = [];
    if (r.code !== run.exit_code) problems.push(`exit ${r.code}, expected ${run.exit_code}`);
    if (!sameOutput(fs.readFileSync(out), fs.readFileSync(at(run.stdout)), run.ignore_lines_matching)) {
      problems.push(`stdout differs from ${run.stdout}`);
    }
    if (run.stderr && !sameOutput(fs.readFileSync(err), fs.readFileSync(at(run.stderr)), null)) {
      problems.push(`stderr differs from ${run.stderr}`);
    }
    for (const f of run.files || []) {
      const host = hostPathOf(r.preopens, f.guest);
      if (!fs.existsSync(host) || Buffer.compare(fs.readFileSync(host), fs.readFileSync(at(f.expected))) !== 0) {
        problems.push(`${f.guest} differs from ${f.expected}`);
      }
    }
    fs.rmSync(r.scratch, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
    if (problems.length) failed++; else passed++;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${label} ${run.name || ''}` +
                (problems.length ? `: ${problems.join('; ')}` : ''));
  });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

const argv = process.argv.slice(2);
if (argv[0] === '--refresh' || argv[0] === '--check') {
  if (argv.length < 2) usage();
  (argv[0] === '--refresh' ? refresh : check)(argv.slice(1));
} else {
  if (argv.length < 2 || argv.length % 2 !== 0) usage();
  const desc = load(argv[0]);
  const run = desc.runs[Number(argv[1])];
  if (!run) {
    console.error(`no run ${argv[1]} in ${argv[0]} (it has ${desc.runs.length})`);
    process.exit(2);
  }
  let stdoutPath = null;
  let stderrPath = null;
  const saves = [];
  for (let i = 2; i < argv.length; i += 2) {
    if (argv[i] === '--stdout') stdoutPath = argv[i + 1];
    else if (argv[i] === '--stderr') stderrPath = argv[i + 1];
    else if (argv[i] === '--save' && argv[i + 1].includes('=')) saves.push(argv[i + 1]);
    else usage();
  }
  const r = runOne(desc, run, stdoutPath, stderrPath);
  for (const save of saves) {
    const at = save.indexOf('=');
    const host = hostPathOf(r.preopens, save.slice(0, at));
    // A file the run did not write is not saved: the caller sees it missing.
    if (fs.existsSync(host)) fs.copyFileSync(host, save.slice(at + 1));
  }
  fs.rmSync(r.scratch, { recursive: true, force: true });
  process.exitCode = r.code;
}
