// Entry of the PNG thread run from the TypeScript sources (tests, tsx): worker threads do not
// inherit tsx's loader, so it is registered here first. The csi-report bundle has an entry of
// the same name, the worker itself, beside its chunks.
import { register } from 'tsx/esm/api';

register();
await import('./png-worker.ts');
