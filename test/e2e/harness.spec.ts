import { test, expect } from './fixtures';

test('the page gets window.waymark and it reaches the real router', async ({ app }) => {
  const status = await app.evaluate(() => window.waymark['session:status']({}));
  expect(status).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  const bad = await app.evaluate(() =>
    window.waymark['session:unlock']({ passphrase: 42 } as never),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'passphrase' } });
});
