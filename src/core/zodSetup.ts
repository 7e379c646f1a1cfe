/**
 * Zod, set up once for the lab's strict Content-Security-Policy (offline/securityPolicy.ts: no
 * 'unsafe-eval'): by default Zod 4 compiles object parsers with `new Function`, and its probe for
 * that is reported as a policy violation even though Zod catches the refusal. Jitless, it parses
 * the same way without compiling. Imported for this effect by the modules that build the schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
