// Removes the previous build, so stale hashed chunks never linger in dist/cdn.
import {rmSync} from 'node:fs';
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
