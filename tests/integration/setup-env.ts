import { inject } from 'vitest';

// Tests call adapters and handlers directly too: give them the same environment as the stack's.
Object.assign(process.env, inject('stack').env);
