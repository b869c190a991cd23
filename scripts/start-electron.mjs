// `npm start`: the Electron station. The install skipped Electron's binary (see install.mjs),
// so fetch it now; if that fails, say exactly why and how to run the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureBuild } from './ensure-build.mjs';

// nodeRequire, as in src-main (electron-vite's CJS shim declares its own `require` there).
const nodeRequire = createRequire(import.meta.url);

function electronBinary() {
  try {
    // electron's index.js throws when its binary was never downloaded.
    return nodeRequire('electron');
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
}

let binary = electronBinary();
if (typeof binary !== 'string') {
  console.error(
    "Electron binary is not installed yet; downloading it now (this needs access to Electron's release host)...",
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const installer = nodeRequire.resolve('electron/install.js');
  const fetched = spawnSync(process.execPath, [installer], {
    stdio: 'pipe',
    env,
    encoding: 'utf8',
  });
  binary = electronBinary();
  if (typeof binary !== 'string') {
    const output = `${fetched.stderr ?? ''}\n${fetched.stdout ?? ''}`;
    // The first line that is not a stack frame names the cause (e.g. getaddrinfo ENOTFOUND github.com).
    const reason =
      output.split('\n').find((line) => line.trim() !== '' && !/^\s+at /.test(line)) ??
      binary.missing;
    console.error(`
Could not start the Electron station: Electron's binary is missing and could not be downloaded.
  ${reason}

The station's services also run without Electron. Start the browser host:

  npm run start:browser

and open the address it prints in Chromium or Chrome (camera access works on 127.0.0.1).
To install Electron's binary later, set ELECTRON_MIRROR to a reachable mirror or copy the
binary into place, then run \`npm start\` again.`);
    process.exit(1);
  }
}

ensureBuild();
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
