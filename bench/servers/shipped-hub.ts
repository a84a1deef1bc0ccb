// `--import`ed by every bench server (bench/lib.ts): the Hub's modules are loaded as built
// (`packages/hub/dist`, what `sr-hub` runs in production) instead of compiled from their sources
// by tsx, whose output names every function it creates (esbuild's `keepNames`): in the Hub's
// hot loops that made a search two to three times slower than the shipped Hub.
import { register } from 'node:module';

register('./shipped-hub-hooks.ts', import.meta.url);
