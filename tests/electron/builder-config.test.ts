import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineNodeFlags } from '../../electron/engine/util/engine-launch-tuning';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; executableArgs: string[]; files: string[] };
  mac: { target: string[]; files: string[] };
  win: { target: string[]; files: string[] };
  files: string[];
  asarUnpack: string[];
  deb: { depends: string[] };
};
const loadConfig = () => {
  const path = join(root, 'build/electron-builder.config.cjs');
  delete require.cache[path];
  return structuredClone(require(path)) as Config;
};
// electron-builder's own validator (ajv over app-builder-lib/scheme.json), exactly what `npm run dist` runs first.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
// The list the deb target uses when the config names no depends of its own.
const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
  default: { prototype: { getDefaultDepends(target: string): string[] } };
};
// electron-builder's own node_modules filter: the exclusions of top-level `files` plus the platform's.
const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: unknown,
    packager: { config: unknown; debugLogger: { isEnabled: boolean } },
  ): { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
};
const packagedModuleFiles = (platform: 'linux' | 'mac' | 'win', files: string[]) => {
  const config = loadConfig();
  const matcher = getNodeModuleFileMatcher(root, '/out', (pattern) => pattern, config[platform], {
    config,
    debugLogger: { isEnabled: false },
  });
  const filter = matcher.createFilter();
  return files.filter((file) => filter(join(root, file), { isDirectory: () => false }));
};
const validate = (config: unknown) => validateConfiguration(config, { isEnabled: false, add() {} });

describe('electron-builder configuration', () => {
  it("validates against electron-builder's JSON schema", async () => {
    await expect(validate(loadConfig())).resolves.toBeUndefined();
  });

  it('the validator does reject a broken config (so the check above means something)', async () => {
    await expect(validate({ ...loadConfig(), npmRebuild: 'sometimes' })).rejects.toThrow(/npmRebuild/);
    await expect(validate({ ...loadConfig(), electronFuses: { runAsNodee: false } })).rejects.toThrow(
      /Invalid configuration object[\s\S]*electronFuses/,
    );
  });

  it('sets the security fuses and never rebuilds native modules', () => {
    const config = loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config).toMatchObject({ npmRebuild: false, asar: true, productName: 'Hookscope' });
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it("packs better-sqlite3's prebuilt binaries for its own OS only, and none of its build leftovers", () => {
    const sqlite = 'node_modules/better-sqlite3';
    const prebuilds = readdirSync(join(root, sqlite, 'prebuilds')).map(
      (name) => `${sqlite}/prebuilds/${name}`,
    );
    const candidates = [...prebuilds, `${sqlite}/lib/index.js`, `${sqlite}/build/config.gypi`];
    const names = (platform: 'linux' | 'mac' | 'win') =>
      packagedModuleFiles(platform, candidates).map((file) => file.slice(sqlite.length + 1));
    expect(names('linux')).toEqual([
      'prebuilds/linux-arm64.node',
      'prebuilds/linux-x64.node',
      'prebuilds/linuxmusl-arm64.node',
      'prebuilds/linuxmusl-x64.node',
      'lib/index.js',
    ]);
    expect(names('mac')).toEqual([
      'prebuilds/darwin-arm64.node',
      'prebuilds/darwin-x64.node',
      'lib/index.js',
    ]);
    expect(names('win')).toEqual(['prebuilds/win32-arm64.node', 'prebuilds/win32-x64.node', 'lib/index.js']);
  });

  it("Linux desktop entries start the app with the engine's V8 flags", () => {
    expect(loadConfig().linux.executableArgs).toEqual([`--js-flags=${engineNodeFlags.join(' ')}`]);
  });

  it('targets AppImage, deb and tar.gz on Linux, dmg on macOS and nsis on Windows, with an existing 512px icon', () => {
    const config = loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it("the deb keeps every one of electron-builder's default dependencies, plus the libraries Electron loads", () => {
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults).toContain('xdg-utils');
    expect(loadConfig().deb.depends).toEqual(
      expect.arrayContaining([...defaults, 'libgbm1', 'libasound2 | libasound2t64']),
    );
  });

  it('no script or config runs install-app-deps or @electron/rebuild', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const offenders: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      if (/install-app-deps|electron-rebuild|@electron\/rebuild/.test(command))
        offenders.push(`package.json scripts.${name}`);
    }
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    for (const file of [...walk(join(root, 'scripts')), ...walk(join(root, 'build'))]) {
      if (!/\.(m?js|cjs|ts|json|ya?ml)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      if (/install-app-deps|electron-rebuild|@electron\/rebuild['"]/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
