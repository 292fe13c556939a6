/**
 * Before any e2e file starts a server: build the web app if it is missing or older than its sources (the same script
 * as `npm start` and `npm test`). Built later, inside a test file, it would replace the bundle a server started
 * earlier in that file already serves, and its pages would load assets that no longer exist.
 */
import { ensureWebBuilt } from './browser.ts';

export default function setup(): void {
  ensureWebBuilt();
}
