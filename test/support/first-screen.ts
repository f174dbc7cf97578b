import type { Locator } from 'playwright-core';

/** Fails, naming the part, when any of it is outside the first screen. */
export async function expectOnFirstScreen(part: string, target: Locator, viewportHeight: number) {
  const box = await target.boundingBox();
  expect(box, `${part} is on the page`).not.toBeNull();
  expect(box!.y, `${part} starts on the first screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${part} ends on the first screen`).toBeLessThanOrEqual(
    viewportHeight,
  );
}
