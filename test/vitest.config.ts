import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');
const alias = { '@shared': resolve(root, 'src-shared') };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    // Real scrypt and real encrypted files: give slow machines room, never assert on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
          setupFiles: ['test/support/dom-setup.ts'],
          // jsdom + user-event on a loaded 2-core machine: room to finish, never a timed assertion.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
