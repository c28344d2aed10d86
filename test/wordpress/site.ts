/**
 * A real WordPress for the plugin's tests, from Debian's `wordpress` package: copied from
 * /usr/share/wordpress into a temporary folder, with its own MariaDB server (a data folder and a
 * socket in that folder, no network), served by PHP's built-in server on 127.0.0.1, installed
 * with WordPress's own wp_install(), and the plugin installed from the built zip with
 * WordPress's own unzip_file() and activated. WP-CLI is not in Debian, so `evalPhp` runs PHP
 * inside WordPress through test/wordpress/wp-eval.php instead.
 *
 * Needs (Debian): wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-curl
 * php-xml php-mbstring mariadb-server, and `npm run build && npm run build:wordpress` first.
 */
import {spawn, execFileSync, type ChildProcess} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

export interface WordPressSite {
  url: string;
  dir: string;
  wordpress: string;
  /** Runs PHP code inside WordPress (after wp-load.php and the admin includes); returns what it printed. */
  evalPhp(code: string): string;
  /** The PHP error log and WordPress's debug.log, together. */
  errorLog(): string;
  stop(): Promise<void>;
}

export const USERS = {
  admin: {login: 'admin', password: 'admin-password-1'},
  editor: {login: 'editor', password: 'editor-password-1'},
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The plugin zip `npm run build:wordpress` wrote. */
export function pluginZip(): string {
  const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const zip = join(root, 'dist', `feedcal-wordpress-${version}.zip`);
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm run build && npm run build:wordpress first`);
  return zip;
}

/**
 * Starts a WordPress with the plugin active. `muPlugin` is PHP put into wp-content/mu-plugins/
 * (test-only settings through the plugin's filters).
 */
export async function startWordPress(options: {muPlugin?: string} = {}): Promise<WordPressSite> {
  if (!existsSync('/usr/share/wordpress/wp-load.php')) throw new Error("Debian's wordpress package is not installed (apt-get install wordpress)");
  const zip = pluginZip();
  const dir = mkdtempSync(join(tmpdir(), 'feedcal-wp-'));
  const wordpress = join(dir, 'wordpress');
  const socket = join(dir, 'mysqld.sock');
  const children: ChildProcess[] = [];

  // WordPress itself, from the package (its wp-config.php is Debian's, which reads /etc/wordpress: ours replaces it).
  cpSync('/usr/share/wordpress', wordpress, {
    recursive: true,
    dereference: true,
    filter: (source) => !source.endsWith('/.htaccess') && source !== '/usr/share/wordpress/wp-config.php',
  });
  mkdirSync(join(wordpress, 'wp-content', 'mu-plugins'), {recursive: true});
  mkdirSync(join(wordpress, 'wp-content', 'uploads'), {recursive: true});
  if (options.muPlugin) writeFileSync(join(wordpress, 'wp-content', 'mu-plugins', 'feedcal-test.php'), options.muPlugin);

  // MariaDB on a socket in the folder, no TCP.
  const data = join(dir, 'db');
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    stdio: 'pipe',
  });
  const mysqld = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      '--user=root',
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'mysqld.err')}`,
      '--innodb-buffer-pool-size=16M',
      '--max-allowed-packet=64M',
    ],
    {stdio: 'ignore'}
  );
  children.push(mysqld);
  await waitFor('MariaDB', () => existsSync(socket));
  await waitFor('MariaDB to accept a query', () => {
    execFileSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress'], {stdio: 'pipe'});
    return true;
  });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const phpLog = join(dir, 'php-errors.log');
  const debugLog = join(dir, 'debug.log');
  writeFileSync(
    join(wordpress, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '${debugLog}');
define('WP_DEBUG_DISPLAY', false);
define('SCRIPT_DEBUG', false);
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
// No internet here: WordPress's own update checks would wait for DNS. The relay's requests go
// to this machine (127.0.0.1, localhost), which this constant leaves alone.
define('WP_HTTP_BLOCK_EXTERNAL', true);
${['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].map((k) => `define('${k}_KEY', '${k}-test-key-feedcal');\ndefine('${k}_SALT', '${k}-test-salt-feedcal');`).join('\n')}
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`
  );

  const evalPhp = (code: string, install = false) =>
    execFileSync(
      'php',
      [
        '-d',
        'error_reporting=E_ALL',
        '-d',
        'log_errors=1',
        `-d`,
        `error_log=${phpLog}`,
        '-d',
        'display_errors=stderr',
        join(here, 'wp-eval.php'),
        wordpress,
        ...(install ? ['install'] : []),
      ],
      {
        input: code,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      }
    );

  evalPhp(
    `<?php
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('feedcal test site', '${USERS.admin.login}', 'admin@example.org', false, '', '${USERS.admin.password}');
echo is_wp_error($result) ? $result->get_error_message() : 'installed';
`,
    true
  );

  const setup = evalPhp(`<?php
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Europe/Stockholm');
switch_theme('twentytwentythree');
flush_rewrite_rules();
// The plugin from the zip, the way "Upload Plugin" does it: WordPress's own unzip (PclZip here: no php-zip).
WP_Filesystem();
$unzipped = unzip_file(${JSON.stringify(zip)}, WP_PLUGIN_DIR);
if (is_wp_error($unzipped)) { echo 'unzip failed: ' . $unzipped->get_error_message(); exit; }
$activated = activate_plugin('feedcal/feedcal.php');
if (is_wp_error($activated)) { echo 'activation failed: ' . $activated->get_error_message(); exit; }
$editor = wp_insert_user(array('user_login' => '${USERS.editor.login}', 'user_pass' => '${USERS.editor.password}', 'role' => 'editor', 'user_email' => 'editor@example.org'));
// An editor without unfiltered_html, as on multisite or WordPress.com: WordPress strips their <script>.
(new WP_User($editor))->add_cap('unfiltered_html', false);
foreach (array(1, $editor) as $id) {
  update_user_meta($id, 'wp_persisted_preferences', array('core/edit-post' => array('welcomeGuide' => false, 'isComplementaryAreaVisible' => true), '_modified' => gmdate('c')));
}
echo is_plugin_active('feedcal/feedcal.php') && !user_can($editor, 'unfiltered_html') ? 'ready' : 'not ready';
`);
  if (setup.trim() !== 'ready') throw new Error(`WordPress setup: ${setup}`);

  const php = spawn(
    'php',
    [
      '-d',
      'error_reporting=E_ALL',
      '-d',
      'log_errors=1',
      '-d',
      `error_log=${phpLog}`,
      '-d',
      'display_errors=0',
      '-S',
      `127.0.0.1:${port}`,
      '-t',
      wordpress,
      join(here, 'router.php'),
    ],
    // Its own process group: with workers, stopping it means stopping the group.
    {stdio: 'ignore', detached: true, env: {...process.env, PHP_CLI_SERVER_WORKERS: '4'}}
  );
  children.push(php);
  await waitFor('PHP server', async () => (await fetch(`${url}/wp-login.php`)).ok);

  return {
    url,
    dir,
    wordpress,
    evalPhp: (code) => evalPhp(code),
    errorLog: () => [phpLog, debugLog].map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join(''),
    async stop() {
      for (const child of children.reverse()) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        if (child === php && child.pid) process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      if (!process.env.FEEDCAL_KEEP_WORDPRESS) rmSync(dir, {recursive: true, force: true});
    },
  };
}
