// `npm run setup`: the README's install command. Runs `npm ci` with Electron's binary download
// switched off, the same way on Linux, Windows and macOS: electron 41's install script honours
// only the ELECTRON_SKIP_BINARY_DOWNLOAD environment variable (not .npmrc), and the binary is
// fetched later, on demand, by `npm start`. Optional native TensorFlow accelerators are
// optionalDependencies, so npm drops them quietly where they cannot be had.
import { spawnSync } from 'node:child_process';

// onnxruntime-node's install script would fetch CUDA providers from outside the npm registry;
// the CPU, WebGPU, DirectML and CoreML providers ship inside the package itself.
const env = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  ONNXRUNTIME_NODE_INSTALL: 'skip',
};
// Inside `npm run`, npm_execpath is npm's own CLI script: running it with this Node avoids
// shell and .cmd differences between platforms.
const npmCli = process.env.npm_execpath;
const args = ['ci', '--no-audit', '--no-fund', ...process.argv.slice(2)];
const result = npmCli
  ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit', env })
  : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32',
    });
if (result.status !== 0) {
  console.error(
    '\nInstall failed. The station needs only the npm registry; check the proxy/registry settings above.',
  );
}
process.exit(result.status ?? 1);
