/**
 * The browser tests need Debian's Chromium at /usr/bin/chromium (no browser downloads here).
 * `ensureChromium()` installs it with apt when it can (root, or sudo without a password) and
 * otherwise returns the one line that tells the user what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

function run(command, args) {
  return (
    spawnSync(command, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

/** @returns null when Chromium is there (perhaps just installed), else a one-line Swedish instruction. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return null;
  const hasApt = existsSync('/usr/bin/apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canSudo = !isRoot && hasApt && run('sudo', ['-n', 'true']);
  if (hasApt && (isRoot || canSudo)) {
    console.log(`Chromium saknas för webbläsartesterna – installerar Debians chromium (${INSTALL}) …`);
    const apt = (...args) => (isRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
    apt('update', '-y');
    apt('install', '-y', 'chromium');
    if (existsSync(CHROMIUM)) return null;
  }
  return hasApt
    ? `Chromium saknas: kör \`sudo ${INSTALL}\` och sedan \`npm test\` igen (eller ange CHROMIUM_PATH).`
    : `Chromium saknas på ${CHROMIUM}: installera Chromium och ange sökvägen i CHROMIUM_PATH, sedan \`npm test\` igen.`;
}
