import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';
import { startSimulatorServer } from './simulator-server.ts';
import { addDemoBots } from '../simulator/demo-bots.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { sendWebhooks } from '../simulator/webhook-sender.ts';

const port = Number(process.env.PORT ?? 8787);
const simulator = new SimulatedAttendee();
addDemoBots(simulator);
const server = await startSimulatorServer(simulator, port);

// WEBHOOK_URL and WEBHOOK_SECRET (base64, as Attendee shows it): post each event and state
// change, signed, to a receiver, as Attendee does with a webhook configured.
const webhookUrl = process.env.WEBHOOK_URL;
if (webhookUrl) {
  const secret = Buffer.from(process.env.WEBHOOK_SECRET ?? '', 'base64');
  if (secret.length === 0) throw new Error('WEBHOOK_URL needs WEBHOOK_SECRET (base64)');
  sendWebhooks(simulator, {
    url: webhookUrl,
    secret,
    onFailure: (reason) => console.log(`webhook to ${webhookUrl} failed: ${reason}`),
  });
  console.log(`  posting signed webhooks to ${webhookUrl}`);
}

console.log(`Simulated Attendee API on ${server.url}`);
console.log(`  bot ${DEMO_BOT_ID} and five more, API key "${DEMO_API_KEY}" (a public demo key)`);
console.log(`  use it as the upstream: ATTENDEE_API_URL=${server.url} npm run dev`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
