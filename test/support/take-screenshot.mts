import { launchChromium } from './chromium.ts';
const [url, out, width = '1280', scheme = 'light', demo = 'yes'] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme as 'light' | 'dark',
});
await page.goto(url!);
if (demo === 'yes') {
  await page.getByRole('button', { name: 'Try the demo meeting' }).click();
  await page
    .getByText(/^Live · /)
    .first()
    .waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out!, fullPage: true });
await browser.close();
